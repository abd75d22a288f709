package io.augur.retrieval.engine.significance;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilcoxon signed-rank test of paired differences d (Wilcoxon 1945), two-sided, with the conventions of
 * scipy.stats.wilcoxon (scipy 1.17, method="auto") so that the p-values are the ones users compare with:
 * <ul>
 * <li>zero differences: {@link ZeroMethod#WILCOX} drops them (scipy's and R's default); {@link ZeroMethod#PRATT}
 * ranks them with the others but gives them to neither sum, with Cureton's (1967) correction of the null
 * mean and variance; {@link ZeroMethod#ZSPLIT} ranks them and splits their ranks between W+ and W-;</li>
 * <li>the p-value: for n &lt;= 50 differences without ties or zeros, the exact null distribution of W+
 * (2 min(P(W+ &gt;= floor w), P(W+ &lt;= ceil w))); for n &lt;= 13 with ties or zeros, the exact
 * permutation distribution over all 2^n sign patterns; otherwise the normal approximation
 * z = (W+ - E) / sqrt(V) with V = (n(n+1)(2n+1) - sum(t^3 - t)/2) / 24, the tie sum over the groups of
 * tied |d| (for PRATT without the group of zeros, for WILCOX over the nonzero differences only), and,
 * when asked, the continuity correction |z| - 0.5/sqrt(V).</li>
 * </ul>
 * Hand-written because Commons Statistics' WilcoxonSignedRankTest has neither Pratt's nor the zero-split
 * treatment and includes the zero group in its tie correction, which made p too small (issue 9).
 * The statistic reported is W+, the sum of the ranks of the positive differences (R's V).
 */
public final class WilcoxonSignedRank {

    /** How zero differences are treated (scipy's zero_method). */
    public enum ZeroMethod {
        /** Drop them (Wilcoxon 1945; scipy's and R's default). */
        WILCOX,
        /** Rank them, then leave them out of the sums (Pratt 1959; null moments per Cureton 1967). */
        PRATT,
        /** Rank them and add half of their ranks to each sum. */
        ZSPLIT
    }

    static final int EXACT_MAX = 50;
    static final int PERMUTATION_MAX = 13;

    private WilcoxonSignedRank() {
    }

    /** The two-sided test of the differences d. */
    public static TestResult test(double[] d, ZeroMethod zeroMethod, boolean continuityCorrection) {
        int n = d.length;
        int zeros = 0;
        for (double x : d) {
            zeros += x == 0 ? 1 : 0;
        }
        String treatment = switch (zeroMethod) {
            case WILCOX -> "zero differences dropped (zero_method 'wilcox', " + zeros + " dropped)";
            case PRATT -> "zero differences ranked then left out of the sums (zero_method 'pratt', " + zeros + " zeros)";
            case ZSPLIT -> "zero differences ranked and split between W+ and W- (zero_method 'zsplit', " + zeros
                    + " zeros)";
        };
        if (zeros == n || (zeroMethod == ZeroMethod.WILCOX && n - zeros == 0)) {
            return new TestResult("Wilcoxon signed-rank", 0.0, 1.0, 0, true, null,
                    "degenerate: all differences are zero; " + treatment);
        }
        Ranked r = rank(d, zeroMethod);
        boolean ties = r.tieGroups > 0;
        if (n <= EXACT_MAX && !ties && zeros == 0) {
            double p = exactP(r.wPlus, n);
            return new TestResult("Wilcoxon signed-rank", r.wPlus, p, 0, true, null,
                    "exact null distribution of W+ over " + n + " differences without ties or zeros"
                            + " (scipy.stats.wilcoxon method 'auto')");
        }
        if (n <= PERMUTATION_MAX) {
            double p = permutationP(d, r, zeroMethod);
            long patterns = 1L << n;
            return new TestResult("Wilcoxon signed-rank", r.wPlus, p, patterns, true, null,
                    "exact permutation distribution of W+ over all " + patterns + " sign patterns (ties or zeros"
                            + " among " + n + " differences; scipy.stats.wilcoxon method 'auto'); " + treatment);
        }
        double count = r.count;
        double mean = count * (count + 1.0) * 0.25;
        double var = count * (count + 1.0) * (2.0 * count + 1.0);
        if (zeroMethod == ZeroMethod.PRATT) {
            double z0 = zeros;
            mean -= z0 * (z0 + 1.0) * 0.25;
            var -= z0 * (z0 + 1.0) * (2.0 * z0 + 1.0);
        }
        double se = Math.sqrt((var - r.tieSum / 2) / 24);
        double z = (r.wPlus - mean) / se;
        if (continuityCorrection) {
            z -= Math.signum(z) * 0.5 / se;
        }
        double p = Math.min(1.0, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z)));
        return new TestResult("Wilcoxon signed-rank", r.wPlus, p, 0, false, null,
                "normal approximation, z = " + z + (continuityCorrection ? " with" : " without")
                        + " continuity correction, tie correction over " + r.tieGroups + " groups of tied |d|"
                        + (zeroMethod == ZeroMethod.PRATT ? " (the zeros excluded)" : "") + "; " + treatment);
    }

    /** Ranks of |d| (average ranks for ties) and the sums scipy forms from them. */
    record Ranked(double wPlus, double[] ranks, boolean[] used, int count, double tieSum, int tieGroups) {
    }

    static Ranked rank(double[] d, ZeroMethod zeroMethod) {
        int n = d.length;
        boolean[] used = new boolean[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            used[i] = zeroMethod != ZeroMethod.WILCOX || d[i] != 0;
            m += used[i] ? 1 : 0;
        }
        double[] sorted = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                sorted[k++] = Math.abs(d[i]);
            }
        }
        Arrays.sort(sorted);
        // average rank of a value = mean of the first and last 1-based positions of its group of ties
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                double v = Math.abs(d[i]);
                ranks[i] = (firstIndex(sorted, v) + 1 + lastIndex(sorted, v) + 1) / 2.0;
            }
        }
        double tieSum = 0;
        int tieGroups = 0;
        for (int i = 0; i < m; ) {
            int j = i;
            while (j + 1 < m && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            boolean zeroGroup = sorted[i] == 0;
            if (t > 1 && !(zeroGroup && zeroMethod == ZeroMethod.PRATT)) {
                tieSum += t * t * t - t;
                tieGroups++;
            }
            i = j + 1;
        }
        double wPlus = wPlus(d, ranks, used, zeroMethod, null);
        return new Ranked(wPlus, ranks, used, m, tieSum, tieGroups);
    }

    private static int firstIndex(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lastIndex(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** W+ of the differences with the given signs flipped (flip[i] true), zero ranks split for ZSPLIT. */
    private static double wPlus(double[] d, double[] ranks, boolean[] used, ZeroMethod zeroMethod, boolean[] flip) {
        double w = 0;
        for (int i = 0; i < d.length; i++) {
            if (!used[i]) {
                continue;
            }
            double x = flip != null && flip[i] ? -d[i] : d[i];
            if (x > 0) {
                w += ranks[i];
            } else if (x == 0 && zeroMethod == ZeroMethod.ZSPLIT) {
                w += ranks[i] / 2;
            }
        }
        return w;
    }

    /** Two-sided p from the exact distribution of W+ for n untied nonzero differences. */
    static double exactP(double wPlus, int n) {
        int max = n * (n + 1) / 2;
        double[] counts = new double[max + 1]; // subsets of {1..n} with each rank sum; < 2^50, exact in a double
        counts[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = Math.min(max, r * (r + 1) / 2); s >= r; s--) {
                counts[s] += counts[s - r];
            }
        }
        double total = Math.scalb(1.0, n);
        int lo = (int) Math.floor(wPlus);
        int hi = (int) Math.ceil(wPlus);
        double sf = 0;
        for (int s = lo; s <= max; s++) {
            sf += counts[s];
        }
        double cdf = 0;
        for (int s = 0; s <= hi; s++) {
            cdf += counts[s];
        }
        return Math.min(1.0, 2 * Math.min(sf / total, cdf / total));
    }

    /** scipy's permutation_test over all 2^n sign patterns, with its relative tolerance of 100 eps. */
    private static double permutationP(double[] d, Ranked r, ZeroMethod zeroMethod) {
        int n = d.length;
        long total = 1L << n;
        double gamma = Math.abs(100 * Math.ulp(1.0) * r.wPlus);
        long less = 0;
        long greater = 0;
        boolean[] flip = new boolean[n];
        for (long k = 0; k < total; k++) {
            for (int i = 0; i < n; i++) {
                flip[i] = ((k >>> i) & 1) != 0;
            }
            double w = wPlus(d, r.ranks, r.used, zeroMethod, flip);
            if (w <= r.wPlus + gamma) {
                less++;
            }
            if (w >= r.wPlus - gamma) {
                greater++;
            }
            if ((k & 0xFFF) == 0 && io.augur.stats.Workers.cancelled()) {
                throw new CancellationException("Wilcoxon permutation test interrupted");
            }
        }
        return Math.min(1.0, 2 * Math.min((double) less / total, (double) greater / total));
    }
}
