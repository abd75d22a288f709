package io.augur.forecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Saturating power law in one variable (Kaplan et al. 2020; Hoffmann et al. 2022):
 * y = E + A x^(-alpha), with E >= 0 the irreducible loss, A >= 0 and alpha in [0, 5]; x is N, D, C
 * or a step count. Default loss: Huber (delta 1e-3) on log residuals. Starting grid: for each alpha
 * on a grid, E and A from the linear least-squares fit of y on x^(-alpha).
 */
public final class SaturatingPowerLaw implements CurveForm {

    public static final SaturatingPowerLaw INSTANCE = new SaturatingPowerLaw();

    private SaturatingPowerLaw() {
    }

    @Override
    public String name() {
        return "power_law";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("E", "A", "alpha");
    }

    @Override
    public boolean requiresPositiveX() {
        return true;
    }

    @Override
    public Loss defaultLoss() {
        return Loss.huberLog();
    }

    @Override
    public double[] lowerBounds() {
        return new double[] {0, 0, 0};
    }

    @Override
    public double[] upperBounds() {
        return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 5};
    }

    @Override
    public double[] features(double[] x) {
        return new double[] {Math.log(x[0])};
    }

    @Override
    public double valueAndGradient(double[] t, double[] f, double[] g) {
        double p = Math.exp(-t[2] * f[0]);
        g[0] = 1;
        g[1] = p;
        g[2] = -t[1] * p * f[0];
        return t[0] + t[1] * p;
    }

    @Override
    public List<double[]> startingGrid(double[][] features, double[] y) {
        List<double[]> starts = new ArrayList<>();
        double ymin = Double.POSITIVE_INFINITY;
        for (double v : y) {
            ymin = Math.min(ymin, v);
        }
        for (double alpha : new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2.5}) {
            // linear least squares y = E + A z, z = x^-alpha
            double sz = 0, sy = 0, szz = 0, szy = 0;
            int n = y.length;
            for (int i = 0; i < n; i++) {
                double z = Math.exp(-alpha * features[i][0]);
                sz += z;
                sy += y[i];
                szz += z * z;
                szy += z * y[i];
            }
            double den = n * szz - sz * sz;
            double a = den != 0 ? (n * szy - sz * sy) / den : 0;
            double e = (sy - a * sz) / n;
            if (!(a > 0) || !(e >= 0)) {
                e = 0.5 * ymin;
                a = Math.max(1e-12, (szy - e * sz) / szz);
            }
            starts.add(new double[] {e, a, alpha});
            starts.add(new double[] {0, Math.max(1e-12, szy / szz), alpha});
        }
        return starts;
    }
}
