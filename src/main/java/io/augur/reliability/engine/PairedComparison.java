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

    public record Result(String first, String second, int items, double firstScore, double secondScore,
            double difference, double standardError, Double clusteredStandardError, double unpairedStandardError,
            double correlation, Interval interval, double pValue, String pValueMethod, McNemar mcnemar,
            Double permutationPValue, Integer permutationRounds, Double adjustedPValue, List<String> warnings) {

        Result withAdjusted(double p) {
            return new Result(first, second, items, firstScore, secondScore, difference, standardError,
                    clusteredStandardError, unpairedStandardError, correlation, interval, pValue, pValueMethod, mcnemar,
                    permutationPValue, permutationRounds, p, warnings);
        }
    }

    public static Result compare(String first, ItemScores a, String second, ItemScores b, BootstrapSettings settings) {
        if (a.items() != b.items()) {
            throw new InvalidInputException("scores." + second, "has " + b.items() + " items but " + first + " has "
                    + a.items() + ": paired comparisons need the same items in the same order");
        }
        int n = a.items();
        double[] ma = a.itemMeans();
        double[] mb = b.itemMeans();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = ma[i] - mb[i];
        }
        double meanA = ScoreErrorBars.mean(ma);
        double meanB = ScoreErrorBars.mean(mb);
        double diff = ScoreErrorBars.mean(d);
        double varD = ScoreErrorBars.variance(d, diff);
        double se = Math.sqrt(varD / n);
        double varA = ScoreErrorBars.variance(ma, meanA);
        double varB = ScoreErrorBars.variance(mb, meanB);
        double unpaired = Math.sqrt(varA / n + varB / n);
        double cov = (varA + varB - varD) / 2;
        double corr = varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : Double.NaN;
        List<String> warnings = new ArrayList<>();
        String[] clusters = a.clusters() != null ? a.clusters() : b.clusters();
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
            mc = mcnemar(ma, mb);
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
        return new Result(first, second, n, meanA, meanB, diff, se, seCl, unpaired, corr, interval, p, pMethod, mc, perm,
                rounds, null, List.copyOf(warnings));
    }

    /** McNemar's test on 0/1 item scores, exact for small discordant counts. */
    public static McNemar mcnemar(double[] a, double[] b) {
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 1 && b[i] == 0) {
                onlyA++;
            } else if (a[i] == 0 && b[i] == 1) {
                onlyB++;
            }
        }
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

    /** Sign-flip permutation p-value of mean(d) = 0, two-sided, with the +1 correction. */
    static double signFlipP(double[] d, BootstrapSettings settings) {
        int n = d.length;
        double observed = 0;
        for (double v : d) {
            observed += v;
        }
        observed = Math.abs(observed) * (1 - 1e-12);
        int extreme = 0;
        for (int r = 0; r < settings.rounds(); r++) {
            if ((r & 63) == 0 && Thread.currentThread().isInterrupted()) {
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

    /**
     * Every pair of models (baseline null), or every model against the baseline, with Holm-adjusted
     * p-values. Models in name order.
     */
    public static List<Result> compareMany(Map<String, ItemScores> models, String baseline, BootstrapSettings settings) {
        if (models == null || models.size() < 2) {
            throw new InvalidInputException("models", "need at least 2 models to compare");
        }
        TreeMap<String, ItemScores> sorted = new TreeMap<>(models);
        if (baseline != null && !sorted.containsKey(baseline)) {
            throw new InvalidInputException("baseline", "no model named " + baseline);
        }
        List<String> names = new ArrayList<>(sorted.keySet());
        List<Result> out = new ArrayList<>();
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
        double[] p = out.stream().mapToDouble(Result::pValue).toArray();
        double[] adj = MultipleTesting.holm(p);
        List<Result> adjusted = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            adjusted.add(out.get(k).withAdjusted(adj[k]));
        }
        return List.copyOf(adjusted);
    }
}
