package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Error bars on a benchmark score, after Miller (2024, "Adding Error Bars to Evals", arXiv:2411.00640)
 * and Madaan et al. (2024, "Quantifying Variance in Evaluation Benchmarks").
 * <ul>
 * <li>score: mean over items of the item means (an item's mean over its samples);</li>
 * <li>standard error, plain: sd(item means) / sqrt(n) (sd with n - 1); with several samples per item this
 * already includes the sampling noise; {@code withinItemVariance} = mean of the items' sample variances
 * and {@code standardErrorInfiniteSamples} = sqrt(max(0, var(item means) - mean(var_i / K_i)) / n) say how
 * much more samples per item could shrink it;</li>
 * <li>clustered (items grouped, e.g. by passage): SE = sqrt(G/(G-1) sum_c (sum_{i in c} (s_i - s))^2) / n,
 * the cluster-robust (Liang-Zeger, CR1) estimator Miller gives, with the small-sample factor G/(G-1); its
 * interval uses t with G - 1 degrees of freedom;</li>
 * <li>normal interval: score +- z SE; Wilson interval (Wilson 1927) for 0/1 scores with one sample per
 * item and no clusters: (k + z^2/2)/(n + z^2) +- z/(n + z^2) sqrt(k(n-k)/n + z^2/4);</li>
 * <li>bootstrap percentile interval resampling items, or whole clusters when clusters are given.</li>
 * </ul>
 */
public final class ScoreErrorBars {

    private ScoreErrorBars() {
    }

    public record ErrorBarsResult(int items, int minSamplesPerItem, int maxSamplesPerItem, double score, double standardDeviation,
            double standardError, Double withinItemVariance, Double standardErrorInfiniteSamples, Integer clusters,
            Double clusteredStandardError, Double designEffect, Interval normalInterval, Interval wilsonInterval,
            Interval bootstrapInterval, ResamplingSettings bootstrap, List<String> warnings) {
    }

    public static ErrorBarsResult estimate(ItemScores scores, ResamplingSettings settings) {
        int n = scores.items();
        double[] m = scores.itemMeans();
        double mean = mean(m);
        double var = variance(m, mean);
        double se = Math.sqrt(var / n);
        int minK = Integer.MAX_VALUE;
        int maxK = 0;
        double within = 0;
        double withinOverK = 0;
        for (double[] s : scores.samples()) {
            minK = Math.min(minK, s.length);
            maxK = Math.max(maxK, s.length);
        }
        Double withinVar = null;
        Double seInf = null;
        if (minK > 1) {
            for (int i = 0; i < n; i++) {
                double[] s = scores.samples()[i];
                double vi = variance(s, m[i]);
                within += vi;
                withinOverK += vi / s.length;
            }
            withinVar = within / n;
            seInf = Math.sqrt(Math.max(0, var - withinOverK / n) / n);
        }
        List<String> warnings = new ArrayList<>();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + settings.level()) / 2);
        Integer g = null;
        Double seCl = null;
        Double deff = null;
        Interval normal;
        int[][] clusterItems = null;
        if (scores.clusters() != null) {
            clusterItems = clusterItems(scores.clusters());
            g = clusterItems.length;
            if (g < 2) {
                throw new InvalidInputException("clusters", "all items are in one cluster: a clustered standard error"
                        + " needs at least 2 clusters");
            }
            seCl = clusteredSe(m, mean, clusterItems);
            deff = se > 0 ? (seCl / se) * (seCl / se) : null;
            double t = TDistribution.of(g - 1).inverseCumulativeProbability((1 + settings.level()) / 2);
            normal = new Interval(mean - t * seCl, mean + t * seCl, settings.level(),
                    "clustered standard error, t with " + (g - 1) + " degrees of freedom");
            if (g < 30) {
                warnings.add("only " + g + " clusters: the clustered standard error is itself uncertain");
            }
        } else {
            normal = new Interval(mean - z * se, mean + z * se, settings.level(), "normal, mean +- z SE");
        }
        Interval wilson = null;
        if (scores.binary() && scores.clusters() == null) {
            double k = 0;
            for (double v : m) {
                k += v;
            }
            wilson = wilson(k, n, settings.level());
        }
        Interval boot = null;
        if (settings.rounds() > 0) {
            double[] reps = new double[settings.rounds()];
            // resampling units: items, or clusters carried as (sum of item means, item count)
            int units = clusterItems == null ? n : clusterItems.length;
            double[] unitSum = m;
            int[] unitCount = null;
            if (clusterItems != null) {
                unitSum = new double[units];
                unitCount = new int[units];
                for (int c = 0; c < units; c++) {
                    for (int i : clusterItems[c]) {
                        unitSum[c] += m[i];
                    }
                    unitCount[c] = clusterItems[c].length;
                }
            }
            for (int r = 0; r < reps.length; r++) {
                if (io.augur.stats.Workers.cancelled()) {
                    throw new CancellationException("bootstrap interrupted at round " + r);
                }
                UniformRandomProvider rng = RandomStreams.stream(settings.seed(), r);
                double sum = 0;
                long count = 0;
                for (int u = 0; u < units; u++) {
                    int pick = rng.nextInt(units);
                    sum += unitSum[pick];
                    count += unitCount == null ? 1 : unitCount[pick];
                }
                reps[r] = sum / count;
            }
            boot = Quantiles.percentileInterval(reps, settings.level(), "percentile bootstrap over "
                    + (clusterItems == null ? "items" : "clusters") + ", " + settings.rounds() + " rounds");
        }
        if (n < 30) {
            warnings.add("only " + n + " items: normal-theory intervals may under-cover");
        }
        if (var == 0) {
            warnings.add("every item has the same score: the standard error is 0 and says nothing about other items");
        }
        return new ErrorBarsResult(n, minK, maxK, mean, Math.sqrt(var), se, withinVar, seInf, g, seCl, deff, normal, wilson,
                boot, settings, List.copyOf(warnings));
    }

    /** Wilson score interval for k successes in n trials. */
    public static Interval wilson(double k, int n, double level) {
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double z2 = z * z;
        double center = (k + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt(k * (n - k) / n + z2 / 4);
        return new Interval(Math.max(0, center - half), Math.min(1, center + half), level, "Wilson score");
    }

    static double clusteredSe(double[] values, double mean, int[][] clusterItems) {
        double s = 0;
        for (int[] c : clusterItems) {
            double r = 0;
            for (int i : c) {
                r += values[i] - mean;
            }
            s += r * r;
        }
        int g = clusterItems.length;
        return Math.sqrt(s * g / (g - 1.0)) / values.length;
    }

    /** Items grouped by cluster name, clusters in name order. */
    static int[][] clusterItems(String[] clusters) {
        Map<String, List<Integer>> byName = new TreeMap<>();
        for (int i = 0; i < clusters.length; i++) {
            byName.computeIfAbsent(clusters[i], k -> new ArrayList<>()).add(i);
        }
        return byName.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample variance (n - 1). */
    static double variance(double[] v, double mean) {
        if (v.length < 2) {
            return 0;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
