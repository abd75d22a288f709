package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Interval;
import io.augur.stats.MultipleTesting;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Two models on the same items (Miller 2024, section 4: paired differences). With d_i = a_i - b_i the
 * difference of the item means: difference = mean(d), SE = sd(d) / sqrt(n) (clustered as in
 * {@link ScoreErrorBars} when clusters are given), normal interval (t with G - 1 df when clustered), the
 * two-sided z-test p-value, and the SE the same two scores would have if they were not paired
 * (sqrt(var(a)/n + var(b)/n)), which shows what pairing gains.
 * <ul>
 * <li>McNemar's test for 0/1 scores: with b the items only A solves and c those only B solves, the exact
 * two-sided binomial test of b out of b + c at 1/2 when b + c <= 25 (Commons Statistics' BinomialTest),
 * otherwise the chi-square statistic (|b - c| - 1)^2 / (b + c) with 1 df (Edwards' continuity
 * correction).</li>
 * <li>Paired permutation (sign-flip) test: p = (1 + #{rounds with |mean(s_i d_i)| >= |mean(d)|}) /
 * (1 + rounds), random signs s_i from the seed.</li>
 * <li>Many comparisons: every pair, or each model against a baseline, with Holm's correction of the
 * primary p-values (McNemar for 0/1 scores, otherwise the z-test).</li>
 * </ul>
 */
public final class PairedComparison {

    /** Discordant counts up to which McNemar's test is exact. */
    public static final int EXACT_MCNEMAR_UP_TO = 25;

    private PairedComparison() {
    }

    public record McNemar(int onlyFirstCorrect, int onlySecondCorrect, double statistic, double pValue, String method) {
    }

    public record PairedResult(String first, String second, int items, double firstScore, double secondScore,
            double difference, double standardError, Double clusteredStandardError, double unpairedStandardError,
            double correlation, Interval interval, double pValue, String pValueMethod, McNemar mcnemar,
            Double permutationPValue, Integer permutationRounds, Double adjustedPValue, List<String> warnings) {

        PairedResult withAdjusted(double p) {
            return new PairedResult(first, second, items, firstScore, secondScore, difference, standardError,
                    clusteredStandardError, unpairedStandardError, correlation, interval, pValue, pValueMethod, mcnemar,
                    permutationPValue, permutationRounds, p, warnings);
        }
    }

    /** Item means computed once per model, so many comparisons do not recompute them. */
    private record Prepared(double[] means, double mean, double variance, boolean binary, long[] bits,
            String[] clusters) {
        static Prepared of(ItemScores s) {
            double[] m = s.itemMeans();
            double mean = ScoreErrorBars.mean(m);
            boolean binary = s.binary();
            long[] bits = null;
            if (binary) {
                bits = new long[(m.length + 63) / 64];
                for (int i = 0; i < m.length; i++) {
                    if (m[i] == 1) {
                        bits[i >>> 6] |= 1L << (i & 63);
                    }
                }
            }
            return new Prepared(m, mean, ScoreErrorBars.variance(m, mean), binary, bits, s.clusters());
        }
    }

    public static PairedResult compare(String first, ItemScores a, String second, ItemScores b, ResamplingSettings settings) {
        return compare(first, Prepared.of(a), second, Prepared.of(b), settings);
    }

    private static PairedResult compare(String first, Prepared a, String second, Prepared b, ResamplingSettings settings) {
        if (a.means().length != b.means().length) {
            throw new InvalidInputException("scores." + second, "has " + b.means().length + " items but " + first
                    + " has " + a.means().length + ": paired comparisons need the same items in the same order");
        }
        double[] ma = a.means();
        double[] mb = b.means();
        int n = ma.length;
        // one pass: sum and sum of squares of d, shifted by its first value against cancellation; for 0/1
        // scores the discordant counts give both
        double shift = ma[0] - mb[0];
        double sum = 0;
        double sumSq = 0;
        int onlyA = 0;
        int onlyB = 0;
        if (a.binary() && b.binary()) {
            // 0/1 scores packed 64 to a word: d = 1 on a & ~b, -1 on ~a & b
            long[] x = a.bits();
            long[] y = b.bits();
            for (int w = 0; w < x.length; w++) {
                onlyA += Long.bitCount(x[w] & ~y[w]);
                onlyB += Long.bitCount(~x[w] & y[w]);
            }
            shift = 0;
            sum = onlyA - onlyB;
            sumSq = onlyA + onlyB;
        } else {
            for (int i = 0; i < n; i++) {
                double v = ma[i] - mb[i];
                double u = v - shift;
                sum += u;
                sumSq += u * u;
            }
        }
        double meanA = a.mean();
        double meanB = b.mean();
        double diff = shift + sum / n;
        double varD = Math.max(0, (sumSq - sum * sum / n) / (n - 1));
        String[] clusters = a.clusters() != null ? a.clusters() : b.clusters();
        double[] d = null;
        if (clusters != null || settings.rounds() > 0) {
            d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = ma[i] - mb[i];
            }
        }
        double se = Math.sqrt(varD / n);
        double varA = a.variance();
        double varB = b.variance();
        double unpaired = Math.sqrt(varA / n + varB / n);
        double cov = (varA + varB - varD) / 2;
        double corr = varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : Double.NaN;
        List<String> warnings = new ArrayList<>();
        Double seCl = null;
        Interval interval;
        double p;
        String pMethod;
        if (clusters != null) {
            int[][] ci = ScoreErrorBars.clusterItems(clusters);
            if (ci.length < 2) {
                throw new InvalidInputException("clusters", "all items are in one cluster: need at least 2 clusters");
            }
            seCl = ScoreErrorBars.clusteredSe(d, diff, ci);
            TDistribution t = TDistribution.of(ci.length - 1);
            double q = t.inverseCumulativeProbability((1 + settings.level()) / 2);
            interval = new Interval(diff - q * seCl, diff + q * seCl, settings.level(),
                    "paired difference, clustered SE, t with " + (ci.length - 1) + " df");
            p = seCl > 0 ? 2 * t.survivalProbability(Math.abs(diff) / seCl) : (diff == 0 ? 1 : 0);
            pMethod = "paired t-test with clustered SE";
        } else {
            NormalDistribution z = NormalDistribution.of(0, 1);
            double q = z.inverseCumulativeProbability((1 + settings.level()) / 2);
            interval = new Interval(diff - q * se, diff + q * se, settings.level(), "paired difference, normal");
            p = se > 0 ? 2 * z.survivalProbability(Math.abs(diff) / se) : (diff == 0 ? 1 : 0);
            pMethod = "paired z-test";
        }
        McNemar mc = null;
        if (a.binary() && b.binary()) {
            mc = mcnemar(onlyA, onlyB);
            p = mc.pValue();
            pMethod = mc.method();
            if (clusters != null) {
                warnings.add("McNemar's test assumes independent items; with clusters prefer the clustered interval");
            }
        }
        Double perm = null;
        Integer rounds = null;
        if (settings.rounds() > 0) {
            perm = signFlipP(d, settings);
            rounds = settings.rounds();
        }
        if (se == 0 && diff == 0) {
            warnings.add("the two models score identically on every item");
        }
        return new PairedResult(first, second, n, meanA, meanB, diff, se, seCl, unpaired, corr, interval, p, pMethod, mc, perm,
                rounds, null, List.copyOf(warnings));
    }

    /**
     * McNemar's test from the discordant counts (items only the first model gets right, items only the
     * second does), exact for small counts.
     */
    public static McNemar mcnemar(int onlyA, int onlyB) {
        int disc = onlyA + onlyB;
        if (disc == 0) {
            return new McNemar(0, 0, 0, 1, "McNemar, no discordant items");
        }
        if (disc <= EXACT_MCNEMAR_UP_TO) {
            double p = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(disc, onlyA, 0.5).getPValue();
            return new McNemar(onlyA, onlyB, onlyA, Math.min(1, p), "McNemar exact (binomial, two-sided)");
        }
        double stat = Math.pow(Math.abs(onlyA - onlyB) - 1, 2) / disc;
        double p = ChiSquaredDistribution.of(1).survivalProbability(stat);
        return new McNemar(onlyA, onlyB, stat, p, "McNemar chi-square with continuity correction");
    }

    /**
     * Sign-flip permutation p-value of mean(d) = 0, two-sided, with the +1 correction. Items with d = 0 do
     * not move the statistic and are skipped; when every d is -1, 0 or 1 (0/1 scores) a round's statistic
     * is (P - 2 X) - (N - 2 Y) with X and Y the counts of flipped signs among the P positive and N negative
     * items, counted 64 random bits at a time.
     */
    static double signFlipP(double[] all, ResamplingSettings settings) {
        double observed = 0;
        int pos = 0;
        int neg = 0;
        int nonzero = 0;
        boolean unit = true;
        for (double v : all) {
            observed += v;
            if (v != 0) {
                nonzero++;
                if (v == 1) {
                    pos++;
                } else if (v == -1) {
                    neg++;
                } else {
                    unit = false;
                }
            }
        }
        observed = Math.abs(observed) * (1 - 1e-12);
        if (unit) {
            return signFlipUnit(pos, neg, observed, settings);
        }
        double[] d = new double[nonzero];
        for (int i = 0, k = 0; i < all.length; i++) {
            if (all[i] != 0) {
                d[k++] = all[i];
            }
        }
        int n = d.length;
        int extreme = 0;
        for (int r = 0; r < settings.rounds(); r++) {
            if ((r & 63) == 0 && io.augur.stats.Workers.cancelled()) {
                throw new CancellationException("permutation test interrupted at round " + r);
            }
            UniformRandomProvider rng = RandomStreams.stream(settings.seed(), r);
            double s = 0;
            long bits = 0;
            for (int i = 0; i < n; i++) {
                if ((i & 63) == 0) {
                    bits = rng.nextLong();
                }
                s += (bits & 1) == 0 ? d[i] : -d[i];
                bits >>>= 1;
            }
            if (Math.abs(s) >= observed) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + settings.rounds());
    }

    private static double signFlipUnit(int pos, int neg, double observed, ResamplingSettings settings) {
        int extreme = 0;
        for (int r = 0; r < settings.rounds(); r++) {
            if ((r & 63) == 0 && io.augur.stats.Workers.cancelled()) {
                throw new CancellationException("permutation test interrupted at round " + r);
            }
            UniformRandomProvider rng = RandomStreams.stream(settings.seed(), r);
            long s = (pos - 2L * flips(rng, pos)) - (neg - 2L * flips(rng, neg));
            if (Math.abs(s) >= observed) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + settings.rounds());
    }

    /** Number of ones among {@code count} fair random bits. */
    private static int flips(UniformRandomProvider rng, int count) {
        int ones = 0;
        int left = count;
        while (left >= 64) {
            ones += Long.bitCount(rng.nextLong());
            left -= 64;
        }
        if (left > 0) {
            ones += Long.bitCount(rng.nextLong() & ((1L << left) - 1));
        }
        return ones;
    }

    /**
     * Every pair of models (baseline null), or every model against the baseline, with Holm-adjusted
     * p-values. Models in name order.
     */
    public static List<PairedResult> compareMany(Map<String, ItemScores> models, String baseline, ResamplingSettings settings) {
        if (models == null || models.size() < 2) {
            throw new InvalidInputException("models", "need at least 2 models to compare");
        }
        TreeMap<String, Prepared> sorted = new TreeMap<>();
        models.forEach((name, scores) -> sorted.put(name, Prepared.of(scores)));
        if (baseline != null && !sorted.containsKey(baseline)) {
            throw new InvalidInputException("baseline", "no model named " + baseline);
        }
        List<String> names = new ArrayList<>(sorted.keySet());
        List<PairedResult> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String x = names.get(i);
                String y = names.get(j);
                if (baseline != null && !x.equals(baseline) && !y.equals(baseline)) {
                    continue;
                }
                if (baseline != null && y.equals(baseline)) {
                    out.add(compare(x, sorted.get(x), y, sorted.get(y), settings));
                } else if (baseline != null) {
                    out.add(compare(y, sorted.get(y), x, sorted.get(x), settings));
                } else {
                    out.add(compare(x, sorted.get(x), y, sorted.get(y), settings));
                }
            }
        }
        double[] p = out.stream().mapToDouble(PairedResult::pValue).toArray();
        double[] adj = MultipleTesting.holm(p);
        List<PairedResult> adjusted = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            adjusted.add(out.get(k).withAdjusted(adj[k]));
        }
        return List.copyOf(adjusted);
    }
}
