package io.augur.pairwise.engine;

import io.augur.testing.OnComputeWorkers;
import org.junit.jupiter.api.extension.ExtendWith;
import io.augur.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Mean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed of the pairwise engine (plain harness: warm-up, then the median and best of repeated runs).
 * Run with {@code ./mvnw -B test -Pbench -Dtest=PairwiseBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@ExtendWith(OnComputeWorkers.class)
class PairwiseBenchmark {

    interface Work {
        Object run() throws Exception;
    }

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** Process CPU milliseconds of the runs of the last {@link #time} call, sorted like nothing: median reported. */
    static double[] lastCpu = new double[0];

    static double[] time(int warmups, int runs, Work work) throws Exception {
        for (int k = 0; k < warmups; k++) {
            work.run();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int k = 0; k < runs; k++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            work.run();
            ms[k] = (System.nanoTime() - t0) / 1e6;
            cpu[k] = (OS.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        lastCpu = cpu;
        return ms;
    }

    static String summary(double[] sorted) {
        return String.format("wall median %.2f ms, best %.2f ms, worst %.2f ms; CPU median %.2f ms (%d runs)",
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], lastCpu[lastCpu.length / 2],
                sorted.length);
    }

    static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    @Test
    void llmfao() throws Exception {
        Path csv = SharedData.require("pairwise/llmfao.csv");
        byte[] bytes = Files.readAllBytes(csv);
        BattleLog log = BattleCsvReader.readLog(new java.io.ByteArrayInputStream(bytes), BattleCsvReader.Columns.EVALICA);
        PairCounts counts = log.counts();
        System.out.printf("LLMFAO: %d battles, %d models, %d merged rows, %d cores, %s%n", log.size(),
                counts.modelCount(), counts.rowCount(), Runtime.getRuntime().availableProcessors(), load());
        System.out.println("  read CSV (bytes in memory) -> counts: " + summary(time(20, 50,
                () -> BattleCsvReader.readCounts(new java.io.ByteArrayInputStream(bytes), null))));
        System.out.println("  online Elo: " + summary(time(50, 200, () -> Elo.ratings(log, Elo.Params.defaults()))));
        System.out.println("  Bradley-Terry fit: " + summary(time(50, 200,
                () -> BradleyTerry.fit(counts, BradleyTerry.Options.defaults()))));
        System.out.println("  Bradley-Terry fit, Davidson ties: " + summary(time(50, 200,
                () -> BradleyTerry.fit(counts, BradleyTerry.Options.defaults().withTies(BradleyTerry.TieModel.DAVIDSON)))));
        System.out.println("  Bradley-Terry + 1,000 bootstrap rounds: " + summary(time(2, 7,
                () -> BradleyTerry.bootstrap(counts, BradleyTerry.Options.defaults(), 1000, 42, 0.95))));
        System.out.println("  online Elo + 1,000 bootstrap rounds: " + summary(time(1, 5,
                () -> Elo.bootstrap(log, Elo.Params.defaults(), 1000, 42, 0.95))));
        System.out.println("  active sampling (all 1,711 pairs scored): " + summary(time(10, 30,
                () -> ActiveSampling.suggest(counts, BradleyTerry.Options.defaults(), 10))));
    }

    @Test
    void arenaScale(@TempDir Path dir) throws Exception {
        SyntheticArena arena = new SyntheticArena(150, 2026);
        Path csv = dir.resolve("arena.csv");
        long t0 = System.nanoTime();
        arena.writeCsv(csv, 2_000_000, 1122);
        System.out.printf("Arena scale: 2,000,000 battles, 150 models, CSV %.1f MB written in %.0f ms, %s%n",
                Files.size(csv) / 1e6, (System.nanoTime() - t0) / 1e6, load());
        PairCounts[] last = new PairCounts[1];
        BradleyTerryBootstrap[] boot = new BradleyTerryBootstrap[1];
        System.out.println("  read CSV -> counts, one thread (InputStream): " + summary(time(2, 5, () -> {
            try (InputStream in = Files.newInputStream(csv)) {
                return last[0] = BattleCsvReader.readCounts(in, null);
            }
        })));
        PairCounts counts = last[0];
        double ties = 0;
        for (PairCount r : counts.rows()) {
            ties += r.ties();
        }
        System.out.printf("  %d merged rows, tie share %.3f%n", counts.rowCount(), ties / counts.totalBattles());
        System.out.println("  Bradley-Terry fit: " + summary(time(5, 20,
                () -> BradleyTerry.fit(counts, BradleyTerry.Options.defaults()))));
        System.out.println("  Bradley-Terry fit + 100 bootstrap rounds: " + summary(time(1, 5,
                () -> boot[0] = BradleyTerry.bootstrap(counts, BradleyTerry.Options.defaults(), 100, 7, 0.95))));
        System.out.println("  read CSV + fit + 100 bootstrap rounds (end to end): " + summary(time(1, 7,
                () -> {
                    try (InputStream in = Files.newInputStream(csv)) {
                        return BradleyTerry.bootstrap(BattleCsvReader.readCounts(in, null), BradleyTerry.Options.defaults(),
                                100, 7, 0.95);
                    }
                })));
        System.out.println("  Davidson fit: " + summary(time(2, 10,
                () -> BradleyTerry.fit(counts, BradleyTerry.Options.defaults().withTies(BradleyTerry.TieModel.DAVIDSON)))));
        // recovery of the known strengths
        BradleyTerryFit fit = BradleyTerry.fit(counts, BradleyTerry.Options.defaults().withTies(BradleyTerry.TieModel.DAVIDSON));
        double mean = Mean.of(arena.theta).getAsDouble();
        double[] truth = new double[150];
        double[] est = new double[150];
        int covered = 0;
        for (int m = 0; m < 150; m++) {
            truth[m] = arena.theta[m] - mean;
            est[m] = fit.logStrengths().get(counts.models().indexOf(SyntheticArena.name(m)));
        }
        BradleyTerryBootstrap davidsonBoot = BradleyTerry.bootstrap(counts,
                BradleyTerry.Options.defaults().withTies(BradleyTerry.TieModel.DAVIDSON), 100, 7, 0.95);
        for (int m = 0; m < 150; m++) {
            if (davidsonBoot.leaderboard().entry(SyntheticArena.name(m)).interval()
                    .contains(1000 + BradleyTerry.ELO_PER_NAT * truth[m])) {
                covered++;
            }
        }
        System.out.println("  " + load());
        System.out.printf("  recovery (Davidson): correlation with true log strengths %.5f, nu %.4f (true %.2f), "
                + "%d/150 true ratings inside the 95%% intervals%n", SyntheticArena.correlation(truth, est),
                fit.tieParameter(), arena.nu, covered);
    }
}
