package io.augur.stats;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Rank correlation between two paired samples (two rankings, or two score vectors over the same
 * items).
 * <ul>
 * <li>Kendall tau-b (Kendall 1945): {@code (C - D) / sqrt((n0 - n1)(n0 - n2))} with C and D the
 * concordant and discordant pairs, n0 = n(n-1)/2, n1 and n2 the pairs tied in x and in y. Hand-written
 * (O(n^2) pair count) because commons-math3's KendallsCorrelation gives the same tau-b but not the
 * counts of concordant, discordant and tied pairs that callers report.</li>
 * <li>Spearman's rho: Pearson correlation of the average ranks (ties get the mean of their ranks),
 * from commons-math3's SpearmansCorrelation with its default natural ranking (ties averaged).</li>
 * </ul>
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * Pair counts and tau-b. {@code tiedX} counts pairs tied in x only, {@code tiedY} in y only,
     * {@code tiedBoth} in both; tau-b is NaN when either sample is constant.
     */
    public record KendallTauB(int n, double tau, long concordant, long discordant, long tiedX, long tiedY, long tiedBoth) {
    }

    public static KendallTauB kendallTauB(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        long c = 0;
        long d = 0;
        long tx = 0;
        long ty = 0;
        long tb = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int sx = Double.compare(x[i], x[j]);
                int sy = Double.compare(y[i], y[j]);
                if (sx == 0 && sy == 0) {
                    tb++;
                } else if (sx == 0) {
                    tx++;
                } else if (sy == 0) {
                    ty++;
                } else if (sx == sy) {
                    c++;
                } else {
                    d++;
                }
            }
        }
        double n0 = (double) n * (n - 1) / 2;
        double n1 = tx + tb;
        double n2 = ty + tb;
        double denom = Math.sqrt((n0 - n1) * (n0 - n2));
        double tau = denom == 0 ? Double.NaN : (c - d) / denom;
        return new KendallTauB(n, tau, c, d, tx, ty, tb);
    }

    /** Spearman's rho with average ranks for ties; NaN when either sample is constant. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return new SpearmansCorrelation().correlation(x, y);
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples differ in length: " + x.length + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least two pairs");
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException("NaN at index " + i);
            }
        }
    }
}
