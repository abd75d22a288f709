package io.augur.aggregate.engine;

import io.augur.stats.BootstrapRounds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ScoreAggregatesTest {

    static final Aggregate MEAN = new Aggregate.Mean();
    static final Aggregate MEDIAN = new Aggregate.Median();
    static final Aggregate IQM = new Aggregate.InterquartileMean();
    static final Aggregate GAP = new Aggregate.OptimalityGap();

    @Test
    void interquartileMeanFollowsScipyTrimMean() {
        // pooled {0,0,1,2,3,4,5,6,50,100}: scipy.stats.trim_mean(x, 0.25) cuts int(2.5) = 2 each end -> mean(1..6) = 3.5
        double[][] cells = {{0, 2, 4, 50, 100}, {0, 1, 3, 5, 6}};
        assertEquals(3.5, ScoreAggregates.pointEstimate(IQM, cells), 1e-12);
        // 7 values: cut int(1.75) = 1 -> mean of the middle 5
        assertEquals((2 + 3 + 4 + 5 + 6) / 5.0, ScoreAggregates.pointEstimate(IQM, new double[][] {{1, 2, 3, 4, 5, 6, 100}}), 1e-12);
    }

    @Test
    void meanMedianAndGapAreOverPerTaskMeans() {
        double[][] cells = {{1, 3}, {10}, {0, 0, 3}, {5, 7}}; // task means 2, 10, 1, 6
        assertEquals((2 + 10 + 1 + 6) / 4.0, ScoreAggregates.pointEstimate(MEAN, cells), 1e-12);
        assertEquals((2 + 6) / 2.0, ScoreAggregates.pointEstimate(MEDIAN, cells), 1e-12);
        assertEquals((0.5 + 0 + 0.8) / 3, ScoreAggregates.pointEstimate(GAP, new double[][] {{0.5, 1.5}, {0.2}}), 1e-12);
        assertEquals((1.5 + 0.5) / 2, ScoreAggregates.pointEstimate(new Aggregate.OptimalityGap(2), new double[][] {{0.5, 1.5}}), 1e-12);
    }

    /** The multiplicity kernel must equal the aggregates of the explicitly resampled scores. */
    @Test
    void weightedKernelEqualsExplicitResample() {
        Random data = new Random(3);
        double[][] cells = new double[7][];
        for (int t = 0; t < cells.length; t++) {
            cells[t] = new double[3 + data.nextInt(9)];
            for (int r = 0; r < cells[t].length; r++) {
                cells[t][r] = Math.round(data.nextGaussian() * 4) / 2.0; // many ties
            }
            Arrays.sort(cells[t]);
        }
        RunSample s = new RunSample(cells);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int[] w = new int[s.n];
        double[] scratch = new double[cells.length];
        for (int round = 0; round < 200; round++) {
            s.resample(rng, w);
            double[][] explicit = new double[cells.length][];
            int[] fill = new int[cells.length];
            for (int t = 0; t < cells.length; t++) {
                explicit[t] = new double[cells[t].length];
            }
            for (int p = 0; p < s.n; p++) {
                for (int k = 0; k < w[p]; k++) {
                    explicit[s.taskOf[p]][fill[s.taskOf[p]]++] = s.sorted[p];
                }
            }
            for (int t = 0; t < cells.length; t++) {
                assertEquals(cells[t].length, fill[t], "stratified: each task keeps its run count");
            }
            assertEquals(naiveMean(explicit), s.evaluate(MEAN, w, scratch), 1e-12);
            assertEquals(naiveMedian(explicit), s.evaluate(MEDIAN, w, scratch), 1e-12);
            assertEquals(naiveIqm(explicit), s.evaluate(IQM, w, scratch), 1e-12);
            assertEquals(naiveGap(explicit, 1), s.evaluate(GAP, w, scratch), 1e-12);
        }
    }

    static double naiveMean(double[][] c) {
        return Arrays.stream(c).mapToDouble(r -> Arrays.stream(r).average().orElseThrow()).average().orElseThrow();
    }

    static double naiveMedian(double[][] c) {
        double[] m = Arrays.stream(c).mapToDouble(r -> Arrays.stream(r).average().orElseThrow()).toArray();
        return Quantiles.of(m, 0.5);
    }

    static double naiveIqm(double[][] c) {
        double[] all = Arrays.stream(c).flatMapToDouble(Arrays::stream).sorted().toArray();
        int cut = (int) (0.25 * all.length);
        return Arrays.stream(all, cut, all.length - cut).average().orElseThrow();
    }

    static double naiveGap(double[][] c, double gamma) {
        return Arrays.stream(c).flatMapToDouble(Arrays::stream).map(x -> Math.max(gamma - x, 0)).average().orElseThrow();
    }

    static List<Score> synthetic(String system, int tasks, int runs, double shift, long seed) {
        Random r = new Random(seed);
        List<Score> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            for (int k = 0; k < runs; k++) {
                out.add(new Score(system, "task" + t, "run" + k, shift + t * 0.1 + r.nextGaussian()));
            }
        }
        return out;
    }

    @Test
    void bootstrapIsReproducibleOrderFreeAndPerSystem() {
        List<Score> a = synthetic("a", 6, 10, 0, 1);
        List<Score> b = synthetic("b", 6, 10, 0.5, 2);
        List<Score> both = new ArrayList<>(a);
        both.addAll(b);
        StratifiedBootstrap boot = new StratifiedBootstrap(500, 99, 0.9);
        ScoreAggregates r1 = ScoreAggregates.estimate(ScoreTable.of(both), null, boot);
        ScoreAggregates r2 = ScoreAggregates.estimate(ScoreTable.of(both), null, boot);
        assertEquals(r1, r2);
        List<Score> shuffled = new ArrayList<>(both);
        Collections.shuffle(shuffled, new Random(5));
        ScoreAggregates r3 = ScoreAggregates.estimate(ScoreTable.of(shuffled), null, boot);
        assertEquals(r1.system("a"), r3.system("a"));
        assertEquals(r1.system("b"), r3.system("b"));
        // a system's intervals do not depend on the other systems of the table
        assertEquals(r1.system("a"), ScoreAggregates.estimate(ScoreTable.of(a), null, boot).system("a"));
        ScoreAggregates other = ScoreAggregates.estimate(ScoreTable.of(both), null, new StratifiedBootstrap(500, 100, 0.9));
        assertNotEquals(r1.system("a").get("iqm").interval(), other.system("a").get("iqm").interval());
        assertEquals(r1.system("a").get("iqm").value(), other.system("a").get("iqm").value());
        for (ScoreAggregates.SystemAggregates s : r1.systems()) {
            for (ScoreAggregates.Estimate e : s.estimates()) {
                assertTrue(e.interval().contains(e.value()), e.toString());
                assertEquals(0.9, e.interval().level());
                assertTrue(e.interval().method().contains("seed 99"), e.interval().method());
            }
        }
    }

    /** A large job runs in parallel blocks; it must equal the same rounds run block by block on one thread. */
    @Test
    void parallelRoundsEqualSequentialRounds() {
        double[][] cells = new double[30][100];
        Random r = new Random(8);
        for (double[] c : cells) {
            for (int k = 0; k < c.length; k++) {
                c[k] = r.nextDouble();
            }
            Arrays.sort(c);
        }
        RunSample s = new RunSample(cells);
        int rounds = 1000; // 3,000 x 1,000 draws: above the parallel threshold
        assertTrue((long) s.n * rounds >= BootstrapRounds.PARALLEL_WORK);
        List<ScoreAggregates.Estimate> parallel = ScoreAggregates.estimate(s, List.of(IQM, MEAN), new StratifiedBootstrap(rounds, 4, 0.95), 4);
        double[] seq = new double[rounds];
        int[] w = new int[s.n];
        double[] scratch = new double[cells.length];
        for (int b = 0; b * BootstrapRounds.BLOCK < rounds; b++) {
            UniformRandomProvider rng = io.augur.stats.RandomStreams.stream(4, b);
            for (int k = b * BootstrapRounds.BLOCK; k < Math.min(rounds, (b + 1) * BootstrapRounds.BLOCK); k++) {
                s.resample(rng, w);
                seq[k] = s.evaluate(IQM, w, scratch);
            }
        }
        assertEquals(Quantiles.percentileInterval(seq, 0.95, "x").lower(), parallel.get(0).interval().lower(), 0.0);
        assertEquals(Quantiles.percentileInterval(seq, 0.95, "x").upper(), parallel.get(0).interval().upper(), 0.0);
    }

    @Test
    void trippedTokenCancels() {
        ScoreTable t = ScoreTable.of(synthetic("a", 5, 5, 0, 1));
        io.augur.stats.CancellationToken token = new io.augur.stats.CancellationToken();
        token.cancel("the time budget of 1 ms was spent");
        CancellationException e = assertThrows(CancellationException.class, () -> io.augur.stats.Workers.run(
                io.augur.stats.Workers.sequential(token), () -> ScoreAggregates.estimate(t, null, new StratifiedBootstrap(1000, 1, 0.95))));
        assertEquals("the time budget of 1 ms was spent", e.getMessage());
    }

    /** Coverage sanity: the IQM interval of a normal sample tends to cover the population IQM. */
    @Test
    void intervalsCoverTheTruthMostOfTheTime() {
        // population IQM of N(mu, 1) is mu by symmetry
        int covered = 0;
        int trials = 60;
        for (int i = 0; i < trials; i++) {
            ScoreTable t = ScoreTable.of(synthetic("a", 1, 40, 0, 1000 + i));
            if (ScoreAggregates.estimate(t, List.of(IQM), new StratifiedBootstrap(400, i, 0.9)).system("a").get("iqm").interval().contains(0)) {
                covered++;
            }
        }
        // nominal 90%: 54 of 60; fewer than 45 would mean a broken bootstrap (binomial p < 0.001)
        assertTrue(covered >= 45, "covered " + covered + " of " + trials);
    }
}
