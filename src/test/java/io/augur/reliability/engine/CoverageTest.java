package io.augur.reliability.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.Interval;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * 95% intervals on data generated with a known truth cover it 93-97% of the time over 1,000 seeded
 * repetitions (the binomial standard error of a coverage of 0.95 over 1,000 is 0.007, so the band is
 * about +-3 standard errors).
 */
class CoverageTest {

    static final int REPS = 1000;
    static final ResamplingSettings NONE = new ResamplingSettings(0, 1, 0.95);

    static double coverage(String label, double truth, IntFunction<Interval> interval) {
        int hit = 0;
        for (int rep = 0; rep < REPS; rep++) {
            if (interval.apply(rep).contains(truth)) {
                hit++;
            }
        }
        double c = hit / (double) REPS;
        System.out.printf("coverage %-55s %.3f%n", label, c);
        return c;
    }

    static void assertNominal(double c, String label) {
        assertTrue(c >= 0.93 && c <= 0.97, () -> label + " covered " + c);
    }

    static double[] bernoulli(SplittableRandom r, int n, double p) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < p ? 1 : 0;
        }
        return v;
    }

    @Test
    void plainNormalWilsonAndBootstrap() {
        double p = 0.72;
        assertNominal(coverage("normal, 400 Bernoulli items", p, rep -> ScoreErrorBars.estimate(
                ItemScores.of(bernoulli(new SplittableRandom(rep), 400, p)), NONE).normalInterval()), "normal");
        assertNominal(coverage("Wilson, 150 Bernoulli items", p, rep -> ScoreErrorBars.estimate(
                ItemScores.of(bernoulli(new SplittableRandom(10_000 + rep), 150, p)), NONE).wilsonInterval()), "Wilson");
        assertNominal(coverage("bootstrap percentile, 300 items, 500 rounds", p, rep -> ScoreErrorBars.estimate(
                ItemScores.of(bernoulli(new SplittableRandom(20_000 + rep), 300, p)), new ResamplingSettings(500, rep, 0.95))
                .bootstrapInterval()), "bootstrap");
    }

    @Test
    void clusteredItems() {
        // 80 passages of 6 questions; a passage's difficulty p_c ~ Uniform(0.2, 0.9) (mean 0.55) is shared by its
        // questions, so plain standard errors are too small
        double truth = 0.55;
        IntFunction<ScoreErrorBars.ErrorBarsResult> draw = rep -> {
            SplittableRandom r = new SplittableRandom(30_000 + rep);
            int g = 80;
            int size = 6;
            double[][] s = new double[g * size][];
            String[] c = new String[g * size];
            for (int k = 0; k < g; k++) {
                double pc = 0.2 + 0.7 * r.nextDouble();
                for (int j = 0; j < size; j++) {
                    s[k * size + j] = new double[] {r.nextDouble() < pc ? 1 : 0};
                    c[k * size + j] = "passage" + k;
                }
            }
            return ScoreErrorBars.estimate(new ItemScores(s, c), new ResamplingSettings(300, rep, 0.95));
        };
        assertNominal(coverage("clustered SE, 80 clusters x 6", truth, rep -> draw.apply(rep).normalInterval()), "clustered");
        assertNominal(coverage("cluster bootstrap, 80 clusters x 6, 300 rounds", truth,
                rep -> draw.apply(rep).bootstrapInterval()), "cluster bootstrap");
        // the plain SE ignores the clustering and under-covers: the reason to cluster
        double plain = coverage("plain SE on the same clustered data (should under-cover)", truth, rep -> {
            var res = draw.apply(rep);
            double z = 1.959963984540054;
            return new Interval(res.score() - z * res.standardError(), res.score() + z * res.standardError(), 0.95, "plain");
        });
        assertTrue(plain < 0.92, () -> "plain SE covered " + plain);
    }

    @Test
    void severalSamplesPerItem() {
        // item difficulty p_i ~ Uniform(0, 1) (mean 0.5), 4 samples per item, 250 items
        assertNominal(coverage("4 samples per item, 250 items", 0.5, rep -> {
            SplittableRandom r = new SplittableRandom(40_000 + rep);
            double[][] s = new double[250][4];
            for (double[] item : s) {
                double pi = r.nextDouble();
                for (int k = 0; k < 4; k++) {
                    item[k] = r.nextDouble() < pi ? 1 : 0;
                }
            }
            return ScoreErrorBars.estimate(new ItemScores(s, null), NONE).normalInterval();
        }), "several samples");
    }

    @Test
    void pairedDifference() {
        // shared item difficulty p_i ~ Uniform(0.2, 0.7); model B is 0.05 better on every item: truth 0.05
        assertNominal(coverage("paired difference, 500 items", -0.05, rep -> {
            SplittableRandom r = new SplittableRandom(50_000 + rep);
            double[] a = new double[500];
            double[] b = new double[500];
            for (int i = 0; i < 500; i++) {
                double pi = 0.2 + 0.5 * r.nextDouble();
                double u = r.nextDouble();
                a[i] = u < pi ? 1 : 0;
                b[i] = u < pi + 0.05 ? 1 : 0;
            }
            return PairedComparison.compare("A", ItemScores.of(a), "B", ItemScores.of(b), NONE).interval();
        }), "paired");
    }
}
