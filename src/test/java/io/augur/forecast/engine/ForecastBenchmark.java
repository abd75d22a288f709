package io.augur.forecast.engine;

import io.augur.testing.OnComputeWorkers;
import org.junit.jupiter.api.extension.ExtendWith;
import io.augur.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Forecast engine benchmarks (plain harness: warm-up runs, then timed runs; median wall time and the
 * process CPU time per run, which on a shared machine is the steadier figure). Run with
 * {@code ./mvnw -B test -Pbench -Dtest=ForecastBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@ExtendWith(OnComputeWorkers.class)
class ForecastBenchmark {

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static <T> T measure(String label, int warmup, int runs, Supplier<T> work) {
        T last = null;
        for (int i = 0; i < warmup; i++) {
            last = work.get();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] thread = new double[runs];
        java.lang.management.ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = cpuNanos();
            long th0 = tmx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = work.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (cpuNanos() - c0) / 1e6;
            thread[i] = (tmx.getCurrentThreadCpuTime() - th0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(thread);
        System.out.printf("BENCH %s: median wall %.1f ms (min %.1f, max %.1f), median process CPU %.1f ms, calling-thread CPU %.2f ms, %d runs after %d warm-up%n",
                label, wall[runs / 2], wall[0], wall[runs - 1], cpu[runs / 2], thread[runs / 2], runs, warmup);
        return last;
    }

    @Test
    void chinchillaFourThousandFiveHundredStarts() {
        List<Observation> pts = ReferenceData.chinchilla();
        FitResult fit = measure("chinchilla 4,500-start fit (screened multi-start, 2 threads)", 3, 9,
                () -> CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(0, 1)));
        System.out.printf("BENCH   objective %.10f A=%.2f B=%.1f E=%.4f alpha=%.4f beta=%.4f%n", fit.objective(),
                fit.parameter("A").estimate(), fit.parameter("B").estimate(), fit.parameter("E").estimate(),
                fit.parameter("alpha").estimate(), fit.parameter("beta").estimate());
        Objective obj = CurveFitter.objective(Chinchilla.INSTANCE, Loss.huberLog(), pts);
        List<double[]> grid = Chinchilla.INSTANCE.startingGrid(null, null);
        CurveFitter.Search full = measure("chinchilla 4,500 starts each run to convergence (no screening)", 0, 1,
                () -> CurveFitter.search(obj, grid, null, io.augur.stats.Workers.current().token(), CurveFitter.Plan.exhaustive(CurveFitter.OPTIONS)));
        System.out.printf("BENCH   unscreened objective %.10f%n", full.objective());
        for (int it : new int[] {2, 3, 10}) {
            CurveFitter.Search sc = measure("chinchilla screening with " + it + " iterations per start", 1, 5,
                    () -> CurveFitter.search(obj, grid, null, io.augur.stats.Workers.current().token(),
                            new CurveFitter.Plan(256, it, 16, 0.01, 4, CurveFitter.OPTIONS)));
            System.out.printf("BENCH   objective %.10f%n", sc.objective());
        }
        measure("chinchilla fit + 1,000 bootstrap rounds", 1, 3,
                () -> CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(1000, 1)));
    }

    @Test
    void fiftyPointFitWithThousandBootstrapRounds() {
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(42, 50, 0.02);
        measure("power law, 50 points, 1,000 bootstrap rounds", 3, 9,
                () -> CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(1000, 1)));
        measure("sigmoid of log x, 50 points, 1,000 bootstrap rounds", 3, 9, () -> {
            List<Observation> s = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                double x = Math.pow(10, 20 + 0.08 * i);
                s.add(Observation.of(Sigmoid.ofLogX(0.25, 1).value(new double[] {1.5, 23}, x) + 0.01 * Math.sin(3 * i), x));
            }
            return CurveFitter.fit(FitSpec.of(Sigmoid.ofLogX(0.25, 1), s).withBootstrap(1000, 1));
        });
    }

    @Test
    void ensembleForecastOfOneCurve() throws Exception {
        SharedData.require("curves/cifar10_cnn_validation_error_curves.jsonl");
        double[] curve = CifarLearningCurveReferenceTest.curves().get(0);
        measure("ensemble of 11 families, full 40-epoch curve -> epoch 100", 20, 51,
                () -> LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(curve, 100, true).withThreshold(0.2)));
        measure("ensemble of 11 families, first 10 epochs -> epoch 40", 20, 51,
                () -> LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(Arrays.copyOf(curve, 10), 40, true)));
    }
}
