package io.augur.horizon.engine;

import io.augur.testing.SharedData;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plain-harness benchmark of the horizon engine (run with
 * {@code ./mvnw -B test -Pbench -Dtest=HorizonBenchmark -Dsurefire.failIfNoSpecifiedTests=false}):
 * wall-clock median of 5 after 3 warm-up runs, and the calling thread's CPU time. No assertion on time.
 */
@Tag("benchmark")
class HorizonBenchmark {

    static <T> T time(String label, Supplier<T> job) {
        return HorizonBenchmarkHarness.time(label, job);
    }

    @Test
    void metrTimeHorizons() {
        List<AgentRun> all = MetrRuns.read(SharedData.require("horizon/metr_runs_2025-01-22.jsonl"));
        List<AgentRun> models = all.stream().filter(r -> !r.agent().equals("human")).toList();
        System.out.printf("BENCH cores available: %d; %d runs of %d models%n", Runtime.getRuntime().availableProcessors(),
                models.size(), models.stream().map(AgentRun::agent).distinct().count());
        var s = HorizonSettings.metr(20261125).reportingDegenerate();
        var r = time("time horizons, 10 METR models, 1,000 hierarchical bootstrap rounds, 1 thread",
                () -> TimeHorizons.estimate(models, s));
        var o1 = r.agents().stream().filter(a -> a.agent().equals("o1")).findFirst().orElseThrow();
        System.out.println("BENCH   -> o1 p50 " + o1.horizons().get(0).minutes() + " " + o1.horizons().get(0).interval());
        time("point fits only, 10 models", () -> TimeHorizons.estimate(models, s.withRounds(0)));
    }
}
