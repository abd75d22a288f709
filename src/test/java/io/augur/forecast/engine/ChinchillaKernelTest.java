package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written Chinchilla loop equals the generic objective built on logValueAndGradient. */
class ChinchillaKernelTest {

    @Test
    void fastLoopMatchesGenericObjective() {
        List<Observation> pts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double n = Math.pow(10, 7 + 0.1 * i);
            double d = Math.pow(10, 9 + 0.07 * i);
            pts.add(Observation.of(Chinchilla.INSTANCE.value(ComputeOptimalTest.HOFFMANN, n, d) * (1 + 0.01 * Math.sin(i)), n, d));
        }
        Objective fast = CurveFitter.objective(Chinchilla.INSTANCE, Loss.huberLog(), pts);
        double[] w = Bootstrap.weights(30, 3, 0);
        for (double[] t : Chinchilla.INSTANCE.startingGrid(null, null).subList(0, 4500).stream()
                .filter(s -> s[0] == 5 && s[1] == 10).toList()) {
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            double v1 = fast.evaluate(t, w, g1);
            double v2 = genericHuber(fast, t, w, g2);
            assertEquals(v2, v1, 1e-12 * Math.max(1, Math.abs(v2)));
            for (int j = 0; j < 5; j++) {
                assertEquals(g2[j], g1[j], 1e-10 * Math.max(1, Math.abs(g2[j])));
            }
        }
    }

    private static double genericHuber(Objective o, double[] t, double[] w, double[] g) {
        double total = 0;
        double[] gi = new double[5];
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < o.size(); i++) {
            double r = Chinchilla.INSTANCE.logValueAndGradient(t, o.features[i], gi) - Math.log(o.y[i]);
            double d = 1e-3;
            double dl = Math.abs(r) <= d ? r : Math.signum(r) * d;
            total += w[i] * (Math.abs(r) <= d ? 0.5 * r * r : d * (Math.abs(r) - 0.5 * d));
            for (int j = 0; j < 5; j++) {
                g[j] += w[i] * dl * gi[j];
            }
        }
        return total;
    }
}
