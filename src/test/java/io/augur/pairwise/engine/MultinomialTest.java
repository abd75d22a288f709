package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MultinomialTest {

    @ParameterizedTest
    @CsvSource({"20, 0.2", "60, 0.1", "1000, 0.3", "2000000, 0.00003", "50, 0.9", "200000, 0.5", "7, 0.999"})
    void binomialVariatesFollowTheBinomialLaw(long n, double p) {
        BinomialDistribution law = BinomialDistribution.of((int) n, p);
        int lo = law.inverseCumulativeProbability(1e-4);
        int hi = law.inverseCumulativeProbability(1 - 1e-4);
        int bins = hi - lo + 3; // [.., lo), lo..hi, (hi, ..]
        long[] observed = new long[bins];
        UniformRandomProvider rng = RandomStreams.of(12345);
        int draws = 200_000;
        double mean = 0;
        for (int k = 0; k < draws; k++) {
            long x = Multinomial.binomial(rng, n, p);
            assertTrue(x >= 0 && x <= n);
            mean += x / (double) draws;
            observed[x < lo ? 0 : x > hi ? bins - 1 : (int) (x - lo) + 1]++;
        }
        double[] expected = new double[bins];
        expected[0] = law.cumulativeProbability(lo - 1);
        for (int v = lo; v <= hi; v++) {
            expected[v - lo + 1] = law.probability(v);
        }
        expected[bins - 1] = law.survivalProbability(hi);
        // drop empty tail bins (a tail of probability 0 must then be unobserved)
        int from = expected[0] > 0 ? 0 : 1;
        int to = expected[bins - 1] > 0 ? bins : bins - 1;
        assertEquals(0, from == 1 ? observed[0] : 0);
        assertEquals(0, to == bins - 1 ? observed[bins - 1] : 0);
        double pValue = ChiSquareTest.withDefaults().test(java.util.Arrays.copyOfRange(expected, from, to),
                java.util.Arrays.copyOfRange(observed, from, to)).getPValue();
        assertTrue(pValue > 1e-4, "chi-square p = " + pValue);
        assertEquals(n * p, mean, 5 * Math.sqrt(n * p * (1 - p) / draws) + 1e-12);
    }

    @Test
    void multinomialKeepsTheTotalAndTheMeans() {
        long[] counts = {0, 5, 120, 0, 3000, 1, 40, 0};
        long total = 3166;
        long[] out = new long[counts.length];
        double[] mean = new double[counts.length];
        UniformRandomProvider rng = RandomStreams.of(3);
        int rounds = 20_000;
        for (int r = 0; r < rounds; r++) {
            Multinomial.sample(rng, counts, total, out);
            long sum = 0;
            for (int k = 0; k < counts.length; k++) {
                sum += out[k];
                mean[k] += out[k] / (double) rounds;
                if (counts[k] == 0) {
                    assertEquals(0, out[k]);
                }
            }
            assertEquals(total, sum);
        }
        for (int k = 0; k < counts.length; k++) {
            double p = counts[k] / (double) total;
            assertEquals(counts[k], mean[k], 5 * Math.sqrt(total * p * (1 - p) / rounds) + 1e-12, "cell " + k);
        }
    }
}
