package io.augur.forecast.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinchilla two-variable scaling law (Hoffmann et al. 2022, Approach 3):
 * L(N, D) = E + A / N^alpha + B / D^beta, parameterised in log space as in Epoch AI's replication
 * (Besiroglu et al. 2024): log L = LSE(a - alpha log N, b - beta log D, e) with A = e^a, B = e^b,
 * E = e^e. Fitted with Huber (delta 1e-3) on log residuals from Epoch's grid of 4,500 starts:
 * alpha, beta in {0, 0.5, 1, 1.5, 2}, e in {-1, -0.5, 0, 0.5, 1}, a, b in {0, 5, ..., 25}.
 * Inputs are [N (parameters), D (training tokens)]; the scale axis is compute C = 6 N D.
 */
public final class Chinchilla implements CurveForm {

    public static final Chinchilla INSTANCE = new Chinchilla();
    private static final List<String> NAMES = List.of("a", "b", "e", "alpha", "beta");

    private Chinchilla() {
    }

    @Override
    public String name() {
        return "chinchilla";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public List<String> inputNames() {
        return List.of("N", "D");
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
        double n = Double.NEGATIVE_INFINITY;
        return new double[] {n, n, n, n, n};
    }

    @Override
    public double[] upperBounds() {
        double p = Double.POSITIVE_INFINITY;
        return new double[] {p, p, p, p, p};
    }

    @Override
    public double[] features(double[] x) {
        return new double[] {Math.log(x[0]), Math.log(x[1])};
    }

    @Override
    public double scale(double[] x) {
        return 6 * x[0] * x[1];
    }

    @Override
    public double logValueAndGradient(double[] t, double[] f, double[] g) {
        double t1 = t[0] - t[3] * f[0];
        double t2 = t[1] - t[4] * f[1];
        double t3 = t[2];
        // log-sum-exp with the largest term factored out: two exponentials and one logarithm per point
        double m;
        double e1;
        double e2;
        double e3;
        if (t1 >= t2 && t1 >= t3) {
            m = t1;
            e1 = 1;
            e2 = Math.exp(t2 - m);
            e3 = Math.exp(t3 - m);
        } else if (t2 >= t3) {
            m = t2;
            e1 = Math.exp(t1 - m);
            e2 = 1;
            e3 = Math.exp(t3 - m);
        } else {
            m = t3;
            e1 = Math.exp(t1 - m);
            e2 = Math.exp(t2 - m);
            e3 = 1;
        }
        double s = e1 + e2 + e3;
        double w1 = e1 / s;
        double w2 = e2 / s;
        g[0] = w1;
        g[1] = w2;
        g[2] = e3 / s;
        g[3] = -w1 * f[0];
        g[4] = -w2 * f[1];
        return m + Math.log(s);
    }

    /**
     * The Huber-on-log-residuals objective and gradient over all points in one loop. Hand-written (the
     * same maths as {@link Objective} over {@link #logValueAndGradient}) because this loop is the whole
     * cost of the 4,500-start search: flat arrays and no per-point virtual call or gradient buffer.
     */
    static double huberLogObjective(double[] t, double[] logN, double[] logD, double[] logY, double[] w, double delta,
            double[] g) {
        double a = t[0];
        double b = t[1];
        double e = t[2];
        double al = t[3];
        double be = t[4];
        double total = 0;
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double g3 = 0;
        double g4 = 0;
        for (int i = 0; i < logY.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            double ln = logN[i];
            double ld = logD[i];
            double t1 = a - al * ln;
            double t2 = b - be * ld;
            double m = Math.max(t1, Math.max(t2, e));
            double e1 = Math.exp(t1 - m);
            double e2 = Math.exp(t2 - m);
            double e3 = Math.exp(e - m);
            double s = e1 + e2 + e3;
            double r = m + Math.log(s) - logY[i];
            double dl;
            if (r <= delta && r >= -delta) {
                total += wi * 0.5 * r * r;
                dl = wi * r;
            } else if (r > delta) {
                total += wi * delta * (r - 0.5 * delta);
                dl = wi * delta;
            } else if (r < -delta) {
                total += wi * delta * (-r - 0.5 * delta);
                dl = -wi * delta;
            } else {
                return Double.POSITIVE_INFINITY; // NaN
            }
            double q = dl / s;
            double w1 = q * e1;
            double w2 = q * e2;
            g0 += w1;
            g1 += w2;
            g2 += q * e3;
            g3 -= w1 * ln;
            g4 -= w2 * ld;
        }
        g[0] = g0;
        g[1] = g1;
        g[2] = g2;
        g[3] = g3;
        g[4] = g4;
        return Double.isFinite(total) ? total : Double.POSITIVE_INFINITY;
    }

    @Override
    public double valueAndGradient(double[] t, double[] f, double[] g) {
        double v = Math.exp(logValueAndGradient(t, f, g));
        for (int j = 0; j < g.length; j++) {
            g[j] *= v;
        }
        return v;
    }

    @Override
    public List<double[]> startingGrid(double[][] features, double[] y) {
        List<double[]> grid = new ArrayList<>(4500);
        double[] ab = {0, 5, 10, 15, 20, 25};
        double[] ex = {0, 0.5, 1, 1.5, 2};
        double[] es = {-1, -0.5, 0, 0.5, 1};
        for (double alpha : ex) {
            for (double beta : ex) {
                for (double e : es) {
                    for (double a : ab) {
                        for (double b : ab) {
                            grid.add(new double[] {a, b, e, alpha, beta});
                        }
                    }
                }
            }
        }
        return grid;
    }

    @Override
    public Map<String, Double> derived(double[] t) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("A", Math.exp(t[0]));
        m.put("B", Math.exp(t[1]));
        m.put("E", Math.exp(t[2]));
        return m;
    }
}
