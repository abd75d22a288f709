package io.augur.matrix.engine;

/**
 * In-place dense routines for the many tiny symmetric positive-definite systems of alternating least
 * squares (one (k+1) x (k+1) ridge system per model and per benchmark per sweep). Hand-written rather
 * than Commons Math's CholeskyDecomposition, which allocates a RealMatrix and its decomposition per
 * call: at 1,000 x 200 with rank 10 that is ~2,400 allocations of small matrices per sweep, and the
 * solve itself is a few hundred flops.
 */
final class SmallLinear {

    private SmallLinear() {
    }

    /**
     * Solves A x = y for symmetric positive-definite A (n x n, row-major in {@code a}, only the lower
     * triangle read; overwritten by its Cholesky factor); the solution overwrites {@code y}. Returns
     * false if A is not numerically positive definite.
     */
    static boolean choleskySolve(double[] a, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 1e-300)) {
                return false;
            }
            d = Math.sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / d;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * n + k] * y[k];
            }
            y[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * y[k];
            }
            y[i] = s / a[i * n + i];
        }
        return true;
    }

    /** Adds w * x x^T to the lower triangle of a (n x n). */
    static void addOuterLower(double[] a, double[] x, double w, int n) {
        for (int i = 0; i < n; i++) {
            double wx = w * x[i];
            int row = i * n;
            for (int k = 0; k <= i; k++) {
                a[row + k] += wx * x[k];
            }
        }
    }
}
