package io.augur.aggregate.engine;

import io.augur.testing.OnComputeWorkers;
import org.junit.jupiter.api.extension.ExtendWith;
import io.augur.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plain-harness benchmarks of the aggregate engine (run with
 * {@code ./mvnw -B test -Pbench -Dtest=AggregateBenchmark -Dsurefire.failIfNoSpecifiedTests=false});
 * prints wall-clock times, median of 5 after 3 warm-up runs. No assertion on time.
 */
@Tag("benchmark")
@ExtendWith(OnComputeWorkers.class)
class AggregateBenchmark {

    static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static <T> T time(String label, Supplier<T> job) {
        T result = null;
        for (int i = 0; i < 3; i++) {
            result = job.get();
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            result = job.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("BENCH %-70s median %9.1f ms  (min %.1f, max %.1f)%n", label, median(ms),
                Arrays.stream(ms).min().orElseThrow(), Arrays.stream(ms).max().orElseThrow());
        return result;
    }

    @Test
    void atari100kStratifiedBootstrap() throws IOException {
        List<Score> rows = AtariReferenceTest.readScores(SharedData.require("aggregate/atari100k_scores_long.csv"), 3);
        var baselines = AtariReferenceTest.readBaselines(SharedData.require("aggregate/atari100k_random_human.csv"));
        List<Score> spr = rows.stream().filter(s -> s.system().equals("SPR")).toList();
        List<Score> sprDrq = rows.stream().filter(s -> s.system().equals("SPR") || s.system().equals("DrQ(eps)")).toList();
        ScoreTable one = ScoreTable.of(spr, new Normalization.Baselines(baselines), MissingTasks.REJECT);
        ScoreTable two = ScoreTable.of(sprDrq, new Normalization.Baselines(baselines), MissingTasks.REJECT);
        System.out.printf("BENCH cores available: %d%n", Runtime.getRuntime().availableProcessors());
        StratifiedBootstrap b50k = new StratifiedBootstrap(50_000, 2026, 0.95);
        var iqm = time("IQM, SPR 100 runs x 26 games, 50,000 rounds", () ->
                ScoreAggregates.estimate(one, List.of(new Aggregate.InterquartileMean()), b50k));
        System.out.println("BENCH   -> " + iqm.system("SPR").get("iqm"));
        time("mean+median+IQM+optimality gap, SPR, 50,000 rounds", () -> ScoreAggregates.estimate(one, null, b50k));
        time("table build + normalisation, all 7 systems (8,112 rows)", () ->
                ScoreTable.of(rows.stream().filter(s -> !s.system().equals("MuZero") && !s.system().equals("EfficientZero")).toList(),
                        new Normalization.Baselines(baselines), MissingTasks.REJECT));
        time("probability of improvement SPR > DrQ(eps), 50,000 rounds", () ->
                ProbabilityOfImprovement.estimate(two, "SPR", "DrQ(eps)", b50k));
        time("performance profile, SPR, 101 taus, 10,000 rounds", () ->
                PerformanceProfile.estimate(one, PerformanceProfile.linearGrid(0, 2, 101), new StratifiedBootstrap(10_000, 1, 0.95)));
    }

    @Test
    void kemeny() {
        for (int n : new int[] {12, 16, 18, 20}) {
            ScoreTable t = randomTable(n, 14, n);
            time("Kemeny exact, " + n + " systems x 14 tasks", () -> SocialChoiceRanking.kemeny(t, null, Math.max(n, 18)));
        }
        ScoreTable glueSize = randomTable(105, 14, 7);
        var h = time("Kemeny heuristic, 105 systems x 14 tasks", () -> SocialChoiceRanking.kemeny(glueSize, null));
        System.out.println("BENCH   -> distance " + h.kendallDistance() + ", lower bound " + h.kendallDistanceLowerBound());
        time("Borda, 105 systems x 14 tasks", () -> SocialChoiceRanking.borda(glueSize, null));
    }

    static ScoreTable randomTable(int systems, int tasks, long seed) {
        Random r = new Random(seed);
        List<Score> out = new ArrayList<>();
        for (int s = 0; s < systems; s++) {
            for (int t = 0; t < tasks; t++) {
                out.add(new Score("s" + s, "t" + t, null, s * 0.1 + r.nextGaussian()));
            }
        }
        return ScoreTable.of(out);
    }
}
