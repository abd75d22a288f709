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

    /**
     * The weighted normal equations of a block of design rows: adds sum_c w_c x_c x_c^T to the lower triangle of
     * a (n x n) and sum_c w_c t_c x_c to y, x_c = rows[c n .. c n + n). Four rows per pass over a, so each
     * element of a is loaded and stored once per four rows (the update is bound by those loads and stores, not by
     * the multiplications): about twice as fast as four calls of {@link #addOuterLower}, and the same sums up to
     * rounding.
     */
    static void addGramLower(double[] a, double[] y, double[] rows, double[] w, double[] t, int count, int n) {
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            int r0 = c * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double w0 = w[c];
            double w1 = w[c + 1];
            double w2 = w[c + 2];
            double w3 = w[c + 3];
            double t0 = w0 * t[c];
            double t1 = w1 * t[c + 1];
            double t2 = w2 * t[c + 2];
            double t3 = w3 * t[c + 3];
            for (int i = 0; i < n; i++) {
                double x0 = rows[r0 + i];
                double x1 = rows[r1 + i];
                double x2 = rows[r2 + i];
                double x3 = rows[r3 + i];
                y[i] += t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3;
                double a0 = w0 * x0;
                double a1 = w1 * x1;
                double a2 = w2 * x2;
                double a3 = w3 * x3;
                int row = i * n;
                for (int k = 0; k <= i; k++) {
                    a[row + k] += a0 * rows[r0 + k] + a1 * rows[r1 + k] + a2 * rows[r2 + k] + a3 * rows[r3 + k];
                }
            }
        }
        for (; c < count; c++) {
            int r0 = c * n;
            double w0 = w[c];
            double t0 = w0 * t[c];
            for (int i = 0; i < n; i++) {
                double x0 = rows[r0 + i];
                y[i] += t0 * x0;
                double a0 = w0 * x0;
                int row = i * n;
                for (int k = 0; k <= i; k++) {
                    a[row + k] += a0 * rows[r0 + k];
                }
            }
        }
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
