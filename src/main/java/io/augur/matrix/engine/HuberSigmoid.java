package io.augur.matrix.engine;

/**
 * y ~ sigmoid(p0 + p . x) fitted by minimising the Huber loss sum rho_delta(sigmoid(.) - y)
 * (Huber 1964; ObsScaling's robust regression, Ruan et al. 2024, utils/data.py), by iteratively
 * reweighted Gauss-Newton with Levenberg-Marquardt damping: weights min(1, delta/|r|) make the weighted
 * normal equations' gradient the Huber gradient. Starts, as ObsScaling's code, from p = (0, 0.01, ...).
 * Hand-written: at most a handful of parameters, and Commons Math's optimisers have no Huber loss.
 */
final class HuberSigmoid {

    private HuberSigmoid() {
    }

    /** x[i] the predictors of row i (without intercept), w[i] a row weight (resample count). */
    static double[] fit(double[][] x, double[] y, double[] w, double delta) {
        int k = x[0].length + 1;
        double[] p = new double[k];
        for (int j = 1; j < k; j++) {
            p[j] = 0.01;
        }
        double mu = 1e-3;
        double current = loss(x, y, w, p, delta);
        double[] a = new double[k * k];
        double[] g = new double[k];
        double[] d = new double[k];
        for (int it = 0; it < 1000; it++) {
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < x.length; i++) {
                if (w[i] == 0) {
                    continue;
                }
                double s = CapabilityModel.sigmoid(linear(p, x[i]));
                double r = s - y[i];
                double omega = Math.abs(r) <= delta ? 1 : delta / Math.abs(r);
                double ds = s * (1 - s);
                d[0] = ds;
                for (int j = 1; j < k; j++) {
                    d[j] = ds * x[i][j - 1];
                }
                SmallLinear.addOuterLower(a, d, w[i] * omega, k);
                for (int j = 0; j < k; j++) {
                    g[j] -= w[i] * omega * r * d[j];
                }
            }
            boolean improved = false;
            double before = current;
            for (int tries = 0; tries < 30 && !improved; tries++) {
                double[] m = a.clone();
                double[] step = g.clone();
                for (int j = 0; j < k; j++) {
                    m[j * k + j] = a[j * k + j] * (1 + mu) + 1e-12;
                }
                if (!SmallLinear.choleskySolve(m, step, k)) {
                    mu *= 10;
                    continue;
                }
                double[] trial = p.clone();
                for (int j = 0; j < k; j++) {
                    trial[j] += step[j];
                }
                double l = loss(x, y, w, trial, delta);
                if (l <= current) {
                    p = trial;
                    current = l;
                    mu = Math.max(mu / 10, 1e-12);
                    improved = true;
                } else {
                    mu *= 10;
                }
            }
            if (!improved || before - current <= 1e-14 * Math.max(before, 1e-300)) {
                break;
            }
        }
        return p;
    }

    static double linear(double[] p, double[] x) {
        double s = p[0];
        for (int j = 0; j < x.length; j++) {
            s += p[j + 1] * x[j];
        }
        return s;
    }

    static double predict(double[] p, double[] x) {
        return CapabilityModel.sigmoid(linear(p, x));
    }

    static double loss(double[][] x, double[] y, double[] w, double[] p, double delta) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            double r = Math.abs(predict(p, x[i]) - y[i]);
            s += w[i] * (r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta));
        }
        return s;
    }
}
