package io.augur.horizon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import io.augur.testing.SharedData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeHorizonsTest {

    /** Runs drawn from a known curve P = 1 / (1 + exp(-(a + b log2 minutes))), 4 families x 5 tasks, 8 runs each. */
    static List<AgentRun> synthetic(String agent, double a, double b, long seed) {
        Random r = new Random(seed);
        List<AgentRun> out = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            for (int t = 0; t < 5; t++) {
                double minutes = Math.pow(2, -1 + 0.6 * (f * 5 + t));
                double p = 1 / (1 + Math.exp(-(a + b * Math.log(minutes) / Math.log(2))));
                for (int k = 0; k < 8; k++) {
                    out.add(new AgentRun(agent, "fam" + f + "/t" + t, "fam" + f, agent + "-" + f + t + k, minutes,
                            r.nextDouble() < p ? 1 : 0, 1.0));
                }
            }
        }
        return out;
    }

    @Test
    void fitIsTheOptimumOfThePenalisedObjective() {
        List<AgentRun> runs = synthetic("m", 3, -0.8, 1);
        var res = TimeHorizons.estimate(runs, HorizonSettings.metr(1).withRounds(0));
        AgentHorizons h = res.agents().get(0);
        double a = h.intercept();
        double b = h.slope();
        // the gradient of sum w (softplus(z) - y z) + 0.05 b^2 (weights normalised to sum 1) vanishes
        double ga = 0;
        double gb = 0.1 * b;
        for (AgentRun run : runs) {
            double x = Math.log(run.humanMinutes()) / Math.log(2);
            double p = 1 / (1 + Math.exp(-(a + b * x)));
            ga += (p - run.score()) / runs.size();
            gb += (p - run.score()) * x / runs.size();
        }
        assertEquals(0, ga, 1e-10);
        assertEquals(0, gb, 1e-10);
        assertEquals(Math.pow(2, -a / b), h.horizons().get(0).minutes(), 1e-9);
        assertEquals(Math.pow(2, (Math.log(4) - a) / b), h.horizons().get(1).minutes(), 1e-9);
    }

    @Test
    void inputOrderDoesNotChangeAnything() {
        List<AgentRun> runs = new ArrayList<>(synthetic("m1", 3, -0.8, 2));
        runs.addAll(synthetic("m2", 1, -0.6, 3));
        var s = HorizonSettings.metr(9).withRounds(200);
        var first = TimeHorizons.estimate(runs, s);
        Collections.shuffle(runs, new Random(4));
        var second = TimeHorizons.estimate(runs, s);
        assertEquals(first.agents(), second.agents());
    }

    @Test
    void computedWeightsAreMetrsInvsqrtWeights() {
        List<AgentRun> runs = MetrRuns.read(SharedData.require("horizon/metr_runs_2025-01-22.jsonl"));
        var given = TimeHorizons.estimate(runs, HorizonSettings.metr(1).withRounds(0).reportingDegenerate());
        var computed = TimeHorizons.estimate(runs.stream().map(r -> new AgentRun(r.agent(), r.taskId(), r.taskFamily(),
                r.runId(), r.humanMinutes(), r.score(), null)).toList(),
                HorizonSettings.metr(1).withRounds(0).reportingDegenerate().withWeighting(Weighting.INVSQRT_TASK_FAMILY));
        for (int i = 0; i < given.agents().size(); i++) {
            Double g = given.agents().get(i).horizons().get(0).minutes();
            Double c = computed.agents().get(i).horizons().get(0).minutes();
            if (g == null) {
                assertNull(c);
            } else {
                assertEquals(g, c, g * 1e-7, given.agents().get(i).agent());
            }
        }
    }

    @Test
    void degenerateAgentsAreRejectedOrReportedUnbounded() {
        List<AgentRun> runs = new ArrayList<>(synthetic("ok", 3, -0.8, 5));
        for (AgentRun r : synthetic("perfect", 3, -0.8, 6)) {
            runs.add(new AgentRun(r.agent(), r.taskId(), r.taskFamily(), r.runId(), r.humanMinutes(), 1, 1.0));
        }
        var e = assertThrows(InvalidInputException.class, () -> TimeHorizons.estimate(runs, HorizonSettings.metr(1)));
        assertEquals("runs[agent=perfect].score", e.field());
        assertTrue(e.reason().contains("unbounded above"), e.reason());
        var res = TimeHorizons.estimate(runs, HorizonSettings.metr(1).withRounds(100).reportingDegenerate());
        AgentHorizons perfect = res.agents().get(1);
        assertEquals("perfect", perfect.agent());
        assertEquals(AgentHorizons.Status.UNBOUNDED_ABOVE, perfect.horizons().get(0).status());
        assertNull(perfect.horizons().get(0).minutes());
        assertNull(perfect.horizons().get(0).interval());
        assertEquals(AgentHorizons.Status.ESTIMATED, res.agents().get(0).horizons().get(0).status());
    }

    @Test
    void badRunsNameTheField() {
        List<AgentRun> runs = new ArrayList<>(synthetic("m", 3, -0.8, 7));
        AgentRun r0 = runs.get(3);
        runs.set(3, new AgentRun(r0.agent(), r0.taskId(), r0.taskFamily(), r0.runId(), 0, r0.score(), 1.0));
        var e = assertThrows(InvalidInputException.class, () -> TimeHorizons.estimate(runs, HorizonSettings.metr(1)));
        assertEquals("runs[3].humanMinutes", e.field());
        runs.set(3, new AgentRun(r0.agent(), r0.taskId(), r0.taskFamily(), r0.runId(), 2, 1.5, 1.0));
        e = assertThrows(InvalidInputException.class, () -> TimeHorizons.estimate(runs, HorizonSettings.metr(1)));
        assertEquals("runs[3].score", e.field());
        runs.set(3, new AgentRun(r0.agent(), r0.taskId(), r0.taskFamily(), r0.runId(), r0.humanMinutes(), 1, null));
        e = assertThrows(InvalidInputException.class, () -> TimeHorizons.estimate(runs, HorizonSettings.metr(1)));
        assertEquals("runs[3].weight", e.field());
        assertTrue(e.reason().startsWith("missing"));
        runs.set(3, new AgentRun(r0.agent(), r0.taskId(), "other", r0.runId(), r0.humanMinutes(), 1, 1.0));
        e = assertThrows(InvalidInputException.class, () -> TimeHorizons.estimate(runs, HorizonSettings.metr(1)));
        assertEquals("runs[3].taskFamily", e.field());
        e = assertThrows(InvalidInputException.class, () -> HorizonSettings.metr(1).withRounds(-1));
        assertEquals("rounds", e.field());
        e = assertThrows(InvalidInputException.class, () -> HorizonTrend.fit(List.of(
                new ModelHorizon("a", java.time.LocalDate.of(2024, 1, 1), 3),
                new ModelHorizon("b", java.time.LocalDate.of(2024, 6, 1), 0)), new HorizonTrend.Settings(0, 1, 0.95)));
        assertEquals("models[1].minutes", e.field());
    }
}
