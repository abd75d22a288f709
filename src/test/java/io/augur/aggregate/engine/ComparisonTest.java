package io.augur.aggregate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** Probability of improvement and performance profiles. */
class ComparisonTest {

    static List<Score> table(double[][] x, double[][] y) {
        List<Score> out = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            for (int r = 0; r < x[t].length; r++) {
                out.add(new Score("x", "t" + t, "r" + r, x[t][r]));
            }
            for (int r = 0; r < y[t].length; r++) {
                out.add(new Score("y", "t" + t, "r" + r, y[t][r]));
            }
        }
        return out;
    }

    @Test
    void probabilityOfImprovementCountsTiesAsHalf() {
        // task 0: x {1,2,3} vs y {2,2}: pairs won 0+0, 0.5+0.5, 1+1 -> 3/6; task 1: x {5} vs y {1, 9}: 1/2
        ScoreTable t = ScoreTable.of(table(new double[][] {{1, 2, 3}, {5}}, new double[][] {{2, 2}, {1, 9}}));
        ProbabilityOfImprovement p = ProbabilityOfImprovement.estimate(t, "x", "y", new StratifiedBootstrap(300, 1, 0.95));
        assertEquals(0.5, p.perTask().get(0).probability(), 1e-12);
        assertEquals(0.5, p.perTask().get(1).probability(), 1e-12);
        assertEquals(0.5, p.probability(), 1e-12);
        assertTrue(p.interval().contains(p.probability()));
        ProbabilityOfImprovement q = ProbabilityOfImprovement.estimate(t, "y", "x", new StratifiedBootstrap(300, 1, 0.95));
        assertEquals(1 - p.probability(), q.probability(), 1e-12);
    }

    @Test
    void weightedMannWhitneyEqualsCommonsStatistics() {
        Random r = new Random(2);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[1 + r.nextInt(12)];
            double[] y = new double[1 + r.nextInt(12)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(6);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(6);
            }
            Arrays.sort(x);
            Arrays.sort(y);
            double u1 = MannWhitneyUTest.withDefaults().statistic(x, y);
            assertEquals(u1, ProbabilityOfImprovement.mannWhitney(x, null, y, null), 1e-9);
            // multiplicities equal an expanded sample
            int[] wx = new int[x.length];
            int[] wy = new int[y.length];
            List<Double> ex = new ArrayList<>();
            List<Double> ey = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                wx[i] = r.nextInt(3);
                for (int k = 0; k < wx[i]; k++) {
                    ex.add(x[i]);
                }
            }
            for (int i = 0; i < y.length; i++) {
                wy[i] = 1 + r.nextInt(3);
                for (int k = 0; k < wy[i]; k++) {
                    ey.add(y[i]);
                }
            }
            if (!ex.isEmpty()) {
                double expect = MannWhitneyUTest.withDefaults().statistic(ex.stream().mapToDouble(d -> d).toArray(),
                        ey.stream().mapToDouble(d -> d).toArray());
                assertEquals(expect, ProbabilityOfImprovement.mannWhitney(x, wx, y, wy), 1e-9);
            }
        }
    }

    @Test
    void clearlyBetterSystemHasProbabilityNearOneWithTightInterval() {
        Random r = new Random(4);
        double[][] x = new double[5][20];
        double[][] y = new double[5][20];
        for (int t = 0; t < 5; t++) {
            for (int k = 0; k < 20; k++) {
                x[t][k] = 3 + r.nextGaussian();
                y[t][k] = r.nextGaussian();
            }
        }
        ProbabilityOfImprovement p = ProbabilityOfImprovement.estimate(ScoreTable.of(table(x, y)), "x", "y", new StratifiedBootstrap(500, 3, 0.95));
        assertTrue(p.probability() > 0.95, "P = " + p.probability());
        assertTrue(p.interval().lower() > 0.9, p.interval().toString());
    }

    @Test
    void comparisonInputsAreChecked() {
        ScoreTable t = ScoreTable.of(table(new double[][] {{1}}, new double[][] {{2}}));
        StratifiedBootstrap b = new StratifiedBootstrap(10, 1, 0.95);
        assertEquals("x", assertThrows(InvalidInputException.class, () -> ProbabilityOfImprovement.estimate(t, "z", "y", b)).field());
        assertEquals("y", assertThrows(InvalidInputException.class, () -> ProbabilityOfImprovement.estimate(t, "x", null, b)).field());
        assertEquals("y", assertThrows(InvalidInputException.class, () -> ProbabilityOfImprovement.estimate(t, "x", "x", b)).field());
        ScoreTable one = ScoreTable.of(List.of(new Score("x", "t", "0", 1)));
        assertEquals("scores", assertThrows(InvalidInputException.class, () -> ProbabilityOfImprovement.estimate(one, "x", "y", b)).field());
        assertEquals("taus[1]", assertThrows(InvalidInputException.class,
                () -> PerformanceProfile.estimate(t, new double[] {0, Double.NaN}, b)).field());
        assertEquals("taus", assertThrows(InvalidInputException.class, () -> PerformanceProfile.estimate(t, new double[0], b)).field());
    }

    @Test
    void performanceProfileIsFractionStrictlyAboveTau() {
        // x pooled: {0.1, 0.5, 0.5, 0.9} ; y: {0.2, 0.4, 0.6, 0.8}
        ScoreTable t = ScoreTable.of(table(new double[][] {{0.1, 0.5}, {0.5, 0.9}}, new double[][] {{0.2, 0.4}, {0.6, 0.8}}));
        double[] taus = {0.0, 0.5, 0.85, 1.0};
        PerformanceProfile p = PerformanceProfile.estimate(t, taus, new StratifiedBootstrap(400, 5, 0.95));
        double[] expectX = {1.0, 0.25, 0.25, 0.0};
        double[] expectY = {1.0, 0.5, 0.0, 0.0};
        for (int k = 0; k < taus.length; k++) {
            PerformanceProfile.Point px = p.systems().get(0).points().get(k);
            PerformanceProfile.Point py = p.systems().get(1).points().get(k);
            assertEquals(expectX[k], px.fraction(), 1e-12);
            assertEquals(expectY[k], py.fraction(), 1e-12);
            assertTrue(px.interval().contains(px.fraction()) && py.interval().contains(py.fraction()));
        }
        // at tau = 0.5 x's band is wide (its runs straddle tau), at tau = 0 it is degenerate
        assertEquals(0, p.systems().get(0).points().get(0).interval().width(), 0.0);
        assertTrue(p.systems().get(0).points().get(1).interval().width() > 0);
        assertEquals(List.of(0.0, 0.5, 0.85, 1.0), p.taus());
        assertEquals(5, PerformanceProfile.linearGrid(0, 2, 5).length);
        assertEquals(1.5, PerformanceProfile.linearGrid(0, 2, 5)[3], 1e-12);
    }
}
