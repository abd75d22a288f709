package io.augur.matrix.engine;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import io.augur.stats.RandomStreams;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plain-harness benchmark of matrix completion (run with
 * {@code ./mvnw -B test -Pbench -Dtest=MatrixBenchmark -Dsurefire.failIfNoSpecifiedTests=false}):
 * issue 12's floor, a 1,000-model x 200-benchmark table with half the cells masked at random, rank 10,
 * fit plus 200 bootstrap rounds. Prints wall-clock times, median of 3 after 1 warm-up. No assertion on time.
 */
@Tag("benchmark")
class MatrixBenchmark {

    /**
     * Wall-clock median, and the calling thread's CPU time (ThreadMXBean), which does not depend on how
     * busy the machine is — the honest figure for the sequential runs when other builds share the cores.
     */
    static <T> T time(String label, int runs, Supplier<T> job) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        T result = job.get();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = job.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        double[] c = cpu.clone();
        Arrays.sort(c);
        System.out.printf("BENCH %-78s median %9.1f ms wall (min %.1f, max %.1f), calling thread CPU median %.1f ms%n", label,
                s[s.length / 2], s[0], s[s.length - 1], c[c.length / 2]);
        return result;
    }

    static ScoreMatrix table(int nm, int nb, int rank, double missing, long seed) {
        UniformRandomProvider rng = RandomStreams.of(seed);
        double[][] u = new double[nm][rank];
        double[][] v = new double[nb][rank];
        for (double[] r : u) {
            for (int i = 0; i < rank; i++) {
                r[i] = AlternatingLeastSquares.gaussian(rng);
            }
        }
        for (double[] r : v) {
            for (int i = 0; i < rank; i++) {
                r[i] = AlternatingLeastSquares.gaussian(rng) / Math.sqrt(rank);
            }
        }
        double[][] x = new double[nm][nb];
        for (int m = 0; m < nm; m++) {
            for (int b = 0; b < nb; b++) {
                double s = 0;
                for (int i = 0; i < rank; i++) {
                    s += u[m][i] * v[b][i];
                }
                x[m][b] = (m == 0 || b == 0 || rng.nextDouble() >= missing) ? 0.5 + 0.1 * s + 0.01 * AlternatingLeastSquares.gaussian(rng) : Double.NaN;
            }
        }
        return new ScoreMatrix(CompletionTest.names("model-", nm), CompletionTest.names("bench-", nb), x);
    }

    @Test
    void thousandByTwoHundredRankTen() {
        System.out.printf("BENCH cores available: %d%n", Runtime.getRuntime().availableProcessors());
        ScoreMatrix t = table(1000, 200, 10, 0.5, 2026);
        System.out.printf("BENCH table 1000 x 200, %d observed, %d missing cells%n", t.observedCount(), 1000 * 200 - t.observedCount());
        Settings s = Settings.of(Method.ALTERNATING_LEAST_SQUARES, 200, 7).withRank(10).withLambda(1.0);
        time("ALS rank 10: validation fit + fit only (0 rounds)", 3, () -> MatrixCompletion.complete(t, null, s.withRounds(0)));
        var r = time("ALS rank 10, lambda 1: validation fit + fit + 200 bootstrap rounds, 1 thread", 3,
                () -> MatrixCompletion.complete(t, null, s));
        System.out.printf("BENCH   -> %d cells predicted, residual sd (z) %.4f, first %s%n", r.predictions().size(), r.residualSd(), r.predictions().get(0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            time("same, bootstrap rounds on a 2-thread executor", 3, () -> MatrixCompletion.complete(t, null, s.withExecutor(pool)));
        } finally {
            pool.shutdownNow();
        }
    }
}
