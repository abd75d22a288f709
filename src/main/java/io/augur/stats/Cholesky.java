package io.augur.stats;

/**
 * In-place Cholesky factorisation and solve of a dense symmetric positive-definite matrix stored row
 * major in a double[]. Hand-written rather than Commons Math's CholeskyDecomposition because the
 * Newton fits call it thousands of times per bootstrap on the same buffers, and allocating RealMatrix
 * objects per iteration would dominate the cost. Shared numerics: used by the pairwise Newton fits and
 * active sampling.
 */
public final class Cholesky {

    private Cholesky() {
    }

    /** Overwrites the lower triangle of a (dim x dim) with L such that a = L L^T; false if not positive definite. */
    public static boolean factor(double[] a, int dim) {
        for (int j = 0; j < dim; j++) {
            int rj = j * dim;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0)) {
                return false;
            }
            d = Math.sqrt(d);
            a[rj + j] = d;
            double inv = 1.0 / d;
            for (int i = j + 1; i < dim; i++) {
                int ri = i * dim;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s * inv;
            }
        }
        return true;
    }

    /** Solves L L^T x = b in place of b, with L from {@link #factor}. */
    public static void solve(double[] l, int dim, double[] b) {
        for (int i = 0; i < dim; i++) {
            int ri = i * dim;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
        for (int i = dim - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < dim; k++) {
                s -= l[k * dim + i] * b[k];
            }
            b[i] = s / l[i * dim + i];
        }
    }
}
