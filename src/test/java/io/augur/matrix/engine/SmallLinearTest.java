package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallLinearTest {

    /** The four-rows-per-pass normal equations equal the row-by-row sums (every tail length 0..3, sizes 1..12). */
    @Test
    void gramOfABlockEqualsTheSumOfItsRows() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n = 1; n <= 12; n++) {
            for (int count = 0; count <= 11; count++) {
                double[] rows = new double[count * n];
                double[] w = new double[count];
                double[] t = new double[count];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = rng.nextDouble(-2, 2);
                }
                for (int c = 0; c < count; c++) {
                    w[c] = rng.nextInt(4); // bootstrap counts, zeros included
                    t[c] = rng.nextDouble(-1, 1);
                }
                double[] a = new double[n * n];
                double[] y = new double[n];
                SmallLinear.addGramLower(a, y, rows, w, t, count, n);
                double[] ea = new double[n * n];
                double[] ey = new double[n];
                for (int c = 0; c < count; c++) {
                    double[] x = java.util.Arrays.copyOfRange(rows, c * n, c * n + n);
                    SmallLinear.addOuterLower(ea, x, w[c], n);
                    for (int i = 0; i < n; i++) {
                        ey[i] += w[c] * x[i] * t[c];
                    }
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(ey[i], y[i], 1e-12, "y n " + n + " count " + count);
                    for (int k = 0; k <= i; k++) {
                        assertEquals(ea[i * n + k], a[i * n + k], 1e-12, "a n " + n + " count " + count);
                    }
                    for (int k = i + 1; k < n; k++) {
                        assertEquals(0, a[i * n + k], "upper triangle untouched");
                    }
                }
            }
        }
    }

    /** Normal equations of a least-squares problem solved by the in-place Cholesky: the residual is orthogonal to the design. */
    @Test
    void choleskySolvesTheNormalEquations() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 5;
        int count = 40;
        double[] rows = new double[count * n];
        double[] w = new double[count];
        double[] t = new double[count];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextDouble(-1, 1);
        }
        for (int c = 0; c < count; c++) {
            w[c] = 1;
            t[c] = rng.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        double[] y = new double[n];
        SmallLinear.addGramLower(a, y, rows, w, t, count, n);
        assertTrue(SmallLinear.choleskySolve(a, y, n));
        for (int i = 0; i < n; i++) {
            double g = 0;
            for (int c = 0; c < count; c++) {
                double fitted = 0;
                for (int k = 0; k < n; k++) {
                    fitted += rows[c * n + k] * y[k];
                }
                g += rows[c * n + i] * (t[c] - fitted);
            }
            assertEquals(0, g, 1e-12, "gradient " + i);
        }
    }
}
