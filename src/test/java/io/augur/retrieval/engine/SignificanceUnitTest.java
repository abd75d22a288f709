package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.retrieval.engine.significance.MultiRunComparison;
import io.augur.retrieval.engine.significance.PairedComparison;
import io.augur.retrieval.engine.significance.PairedTests;
import io.augur.retrieval.engine.significance.RunComparisons;
import io.augur.retrieval.engine.significance.RunScores;
import io.augur.retrieval.engine.significance.SignificanceOptions;
import io.augur.retrieval.engine.significance.WilcoxonSignedRank;
import io.augur.retrieval.engine.significance.TestResult;
import io.augur.stats.MultipleTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignificanceUnitTest {

    @Test
    void exactRandomizationCountsSignPatterns() {
        // d = 1, 2, 3: the 8 sign patterns give |sum| = 6, 4, 2, 0, 0, 2, 4, 6; only the two 6s reach 6
        TestResult r = PairedTests.randomization(new double[] {1, 2, 3}, SignificanceOptions.defaults());
        assertTrue(r.exact());
        assertEquals(8, r.samples());
        assertEquals(0.25, r.pValue(), 1e-15);
    }

    @Test
    void monteCarloRandomizationIsReproducibleAndCloseToExact() {
        double[] d = new double[20];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sin(i * 1.7) + 0.2;
        }
        SignificanceOptions exact = new SignificanceOptions(0.95, 1, 10_000, 100, 20,
                WilcoxonSignedRank.ZeroMethod.WILCOX, false);
        SignificanceOptions mc = new SignificanceOptions(0.95, 1, 200_000, 100, 0,
                WilcoxonSignedRank.ZeroMethod.WILCOX, false);
        double pExact = PairedTests.randomization(d, exact).pValue();
        TestResult a = PairedTests.randomization(d, mc);
        assertEquals(pExact, a.pValue(), 0.005);
        assertEquals(a, PairedTests.randomization(d, mc));
        assertNotEquals(a.pValue(), PairedTests.randomization(d, mc.withSeed(2)).pValue());
    }

    @Test
    void tTestMatchesTheFormula() {
        double[] a = {0.3, 0.5, 0.2, 0.9, 0.4, 0.6};
        double[] b = {0.1, 0.5, 0.3, 0.5, 0.2, 0.4};
        double[] d = new double[a.length];
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
            mean += d[i] / a.length;
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double t = mean / Math.sqrt(ss / (a.length - 1) / a.length);
        PairedComparison c = PairedTests.compare("a", a, "b", b, "map", SignificanceOptions.defaults());
        assertEquals(t, c.tTest().statistic(), 1e-12);
        assertEquals(mean, c.meanDifference(), 1e-15);
        assertEquals(mean / Math.sqrt(ss / (a.length - 1)), c.cohensD(), 1e-12);
        assertTrue(c.meanDifferenceInterval().contains(mean));
        assertTrue(c.bootstrapInterval().contains(mean));
    }

    @Test
    void holmAndBonferroni() {
        double[] p = {0.01, 0.04, 0.03};
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, MultipleTesting.holm(p), 1e-15);
        assertArrayEquals(new double[] {0.03, 0.12, 0.09}, MultipleTesting.bonferroni(p), 1e-15);
    }

    @Test
    void allPairsCorrectsWithinEachTest() {
        List<String> q = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        RunScores x = new RunScores("x", q, new double[] {.1, .2, .3, .4, .5, .6, .7, .8});
        RunScores y = new RunScores("y", q, new double[] {.2, .1, .4, .3, .6, .5, .8, .7});
        RunScores z = new RunScores("z", List.of("8", "7", "6", "5", "4", "3", "2", "1"),
                new double[] {.9, .9, .9, .9, .9, .9, .9, .9});
        MultiRunComparison m = RunComparisons.allPairs("map", List.of(x, y, z), SignificanceOptions.defaults());
        assertEquals(3, m.comparisons().size());
        for (MultiRunComparison.Row row : m.comparisons()) {
            assertTrue(row.bonferroni().tTest() >= row.holm().tTest());
            assertTrue(row.holm().tTest() >= row.comparison().tTest().pValue());
        }
        assertEquals(0.0, m.comparisons().get(0).comparison().meanDifference(), 1e-12);
    }

    @Test
    void wilcoxonSmallSamplesAndDegenerateCases() {
        // python3 -c "from scipy.stats import wilcoxon; print(wilcoxon([1,2,3,4,5]).pvalue)" -> 0.0625:
        // exact, W+ = 15 is the largest of 2^5 equally likely sums, two-sided 2/32
        TestResult exact = WilcoxonSignedRank.test(new double[] {1, 2, 3, 4, 5}, WilcoxonSignedRank.ZeroMethod.WILCOX, false);
        assertEquals(0.0625, exact.pValue(), 1e-15);
        assertEquals(15, exact.statistic());
        assertTrue(exact.exact());
        // ties and zeros with n <= 13: scipy's exact permutation over 2^8 sign patterns
        // (wilcoxon([1,-2,3,0,0,5,-5,2]).pvalue -> 0.6875; zero_method='zsplit' -> 0.625)
        double[] d = {1, -2, 3, 0, 0, 5, -5, 2};
        TestResult perm = WilcoxonSignedRank.test(d, WilcoxonSignedRank.ZeroMethod.WILCOX, false);
        assertEquals(0.6875, perm.pValue(), 1e-15);
        assertEquals(256, perm.samples());
        assertEquals(0.625, WilcoxonSignedRank.test(d, WilcoxonSignedRank.ZeroMethod.ZSPLIT, false).pValue(), 1e-15);
        TestResult zeros = WilcoxonSignedRank.test(new double[] {0, 0, 0}, WilcoxonSignedRank.ZeroMethod.WILCOX, true);
        assertEquals(1.0, zeros.pValue());
        assertTrue(zeros.method().startsWith("degenerate"));
    }
}
