package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every analytic gradient agrees with central finite differences at points inside the bounds. */
class CurveFormGradientTest {

    static List<Object[]> cases() {
        List<Object[]> c = new ArrayList<>();
        for (LearningCurveForm f : LearningCurveForms.ALL) {
            double[][] feats = {{1}, {3}, {10}, {40}};
            double[] y = {0.3, 0.5, 0.7, 0.75};
            for (double[] s : f.startingGrid(feats, y)) {
                c.add(new Object[] {f, s, new double[] {7}});
            }
        }
        c.add(new Object[] {Chinchilla.INSTANCE, new double[] {6, 7.5, 0.6, 0.34, 0.37}, new double[] {1e9, 2e10}});
        c.add(new Object[] {SaturatingPowerLaw.INSTANCE, new double[] {1.7, 40, 0.3}, new double[] {1e8}});
        c.add(new Object[] {Sigmoid.ofLogX(0.25, 1), new double[] {1.3, 22.5}, new double[] {3e22}});
        c.add(new Object[] {Sigmoid.ofLogXWithCeiling(0.1), new double[] {0.8, 21.5, 0.8}, new double[] {3e22}});
        // TwoStage second stage
        c.add(new Object[] {Sigmoid.ofX(0, 1), new double[] {-4, 2.5}, new double[] {2.2}});
        return c;
    }

    @Test
    void analyticMatchesFiniteDifferences() {
        for (Object[] k : cases()) {
            CurveForm f = (CurveForm) k[0];
            double[] t = (double[]) k[1];
            double[] feat = f.features((double[]) k[2]);
            double[] g = new double[t.length];
            double v = f.valueAndGradient(t, feat, g);
            if (!Double.isFinite(v)) {
                continue;
            }
            for (int j = 0; j < t.length; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(t[j]));
                double[] tp = t.clone();
                double[] tm = t.clone();
                tp[j] += h;
                tm[j] -= h;
                double[] tmp = new double[t.length];
                double fd = (f.valueAndGradient(tp, feat, tmp) - f.valueAndGradient(tm, feat, tmp)) / (2 * h);
                assertEquals(fd, g[j], 1e-5 * Math.max(1, Math.abs(fd)), f.name() + " d/d" + f.parameterNames().get(j));
            }
        }
    }
}
