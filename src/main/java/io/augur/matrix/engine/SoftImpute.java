package io.augur.matrix.engine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Soft-impute (Mazumder, Hastie and Tibshirani 2010, Algorithm 1) on the per-benchmark z-scores:
 * Z <- S_lambda(P_obs(X) + P_miss(Z)), where S_lambda soft-thresholds the singular values
 * (d_i -> max(d_i - lambda, 0)); the fixed point minimises 1/2 |P_obs(X - Z)|_F^2 + lambda |Z|_*.
 * Singular values by Commons Math's SVD. A bootstrap round fits the resampled rows (duplicates
 * included); a model left out of the resample is placed by the ridge fit of its observed scores on the
 * round's benchmark loadings V D^(1/2) with penalty lambda — the row problem of the equivalent
 * factorised form (Mazumder et al., section 8).
 */
final class SoftImpute implements Completer {

    static final int MAX_ITERATIONS = 500;
    static final int WARM_ITERATIONS = 40;
    static final double TOLERANCE = 1e-5;

    private final double lambda;
    private final double tolerance;
    private final int maxIterations;

    /** @param lambda the singular-value threshold on the z-score scale */
    SoftImpute(double lambda) {
        this(lambda, TOLERANCE, MAX_ITERATIONS);
    }

    SoftImpute(double lambda, double tolerance, int maxIterations) {
        this.lambda = lambda;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public String method() {
        return "soft-impute, lambda " + lambda;
    }

    record Completed(double[][] zHat, Table t) implements Fitted {
        @Override
        public double predict(int m, int b) {
            return t.st.back(zHat[m][b], b);
        }
    }

    /** Largest singular value of the zero-filled z-scores: the scale of the lambda grid. */
    static double maxSingularValue(Table t) {
        double[][] z0 = new double[t.models][t.benchmarks];
        for (int m = 0; m < t.models; m++) {
            for (int b : t.byModel[m]) {
                z0[m][b] = t.z[m][b];
            }
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(z0, false)).getSingularValues()[0];
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        int n = 0;
        for (double x : w) {
            n += (int) x;
        }
        int[] rows = new int[n];
        int[] first = new int[t.models];
        java.util.Arrays.fill(first, -1);
        n = 0;
        for (int m = 0; m < t.models; m++) {
            for (int c = 0; c < (int) w[m]; c++) {
                if (c == 0) {
                    first[m] = n;
                }
                rows[n++] = m;
            }
        }
        int nb = t.benchmarks;
        double[][] zHat = new double[n][nb];
        if (warm instanceof Completed c) {
            for (int i = 0; i < n; i++) {
                zHat[i] = c.zHat[rows[i]].clone();
            }
        }
        int iterations = warm == null ? maxIterations : WARM_ITERATIONS;
        double[][] filled = new double[n][nb];
        RealMatrix v = null;
        double[] d = null;
        for (int it = 0; it < iterations; it++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new java.util.concurrent.CancellationException("soft-impute interrupted");
            }
            for (int i = 0; i < n; i++) {
                double[] src = t.z[rows[i]];
                for (int b = 0; b < nb; b++) {
                    filled[i][b] = Double.isNaN(src[b]) ? zHat[i][b] : src[b];
                }
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(filled, false));
            double[] s = svd.getSingularValues();
            int r = 0;
            while (r < s.length && s[r] > lambda) {
                r++;
            }
            d = new double[r];
            for (int i = 0; i < r; i++) {
                d[i] = s[i] - lambda;
            }
            RealMatrix u = svd.getU();
            v = svd.getV();
            double change = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < nb; b++) {
                    double val = 0;
                    for (int j = 0; j < r; j++) {
                        val += u.getEntry(i, j) * d[j] * v.getEntry(b, j);
                    }
                    change += (val - zHat[i][b]) * (val - zHat[i][b]);
                    norm += zHat[i][b] * zHat[i][b];
                    zHat[i][b] = val;
                }
            }
            if (change <= tolerance * Math.max(norm, 1e-12)) {
                break;
            }
        }
        double[][] out = new double[t.models][];
        for (int m = 0; m < t.models; m++) {
            out[m] = first[m] >= 0 ? zHat[first[m]] : project(t, m, v, d);
        }
        return new Completed(out, t);
    }

    private double[] project(Table t, int m, RealMatrix v, double[] d) {
        int r = d == null ? 0 : d.length;
        double[] out = new double[t.benchmarks];
        if (r == 0) {
            return out;
        }
        double[] a = new double[r * r];
        double[] y = new double[r];
        double[] row = new double[r];
        for (int b : t.byModel[m]) {
            for (int j = 0; j < r; j++) {
                row[j] = v.getEntry(b, j) * Math.sqrt(d[j]);
            }
            SmallLinear.addOuterLower(a, row, 1, r);
            for (int j = 0; j < r; j++) {
                y[j] += row[j] * t.z[m][b];
            }
        }
        for (int j = 0; j < r; j++) {
            a[j * r + j] += lambda;
        }
        if (!SmallLinear.choleskySolve(a, y, r)) {
            return out;
        }
        for (int b = 0; b < t.benchmarks; b++) {
            double s = 0;
            for (int j = 0; j < r; j++) {
                s += y[j] * v.getEntry(b, j) * Math.sqrt(d[j]);
            }
            out[b] = s;
        }
        return out;
    }
}
