package io.augur.horizon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * METR's runs (pre-paper snapshot, 7,059 runs, 11 agents incl. human baseliners) against METR's own
 * procedure, re-implemented in numpy/scipy because sklearn is not installed here:
 * {@code python3 src/test/python/metr_horizons.py ../shared/data/horizon/metr_runs_2025-01-22.jsonl 1000}
 * (exact optimum of sklearn's LogisticRegression(C=10) objective; METR's hierarchical bootstrap with
 * default_rng(42 + i), 1,000 rounds). davinci-002 fails every run: METR's code returns 0 for it; Augur
 * reports it as unbounded below instead.
 */
class MetrHorizonReferenceTest {

    /** python3 src/test/python/metr_horizons.py ... : agent -> {p50, p80} minutes. */
    static final Map<String, double[]> POINT = Map.of(
            "Claude 3 Opus", new double[] {4.04712277, 0.24503511},
            "Claude 3.5 Sonnet (New)", new double[] {60.52343789, 3.50569997},
            "Claude 3.5 Sonnet (Old)", new double[] {22.06761906, 1.43268723},
            "GPT-4 0314", new double[] {3.65705246, 0.29479922},
            "GPT-4 Turbo", new double[] {3.44240139, 0.19815474},
            "GPT-4o", new double[] {6.98100588, 0.34785923},
            "gpt-3.5-turbo-instruct", new double[] {0.00000184, 0.00000001},
            "human", new double[] {1161.12892778, 88.19113862},
            "o1", new double[] {42.34592830, 0.78786471},
            "o1-preview", new double[] {31.39343120, 2.43912154});

    /** Same script, 1,000 rounds: agent -> 95% interval of p50 {low, high}. */
    static final Map<String, double[]> CI50 = Map.of(
            "Claude 3 Opus", new double[] {0.315849, 17.821674},
            "Claude 3.5 Sonnet (New)", new double[] {16.005127, 229.432471},
            "Claude 3.5 Sonnet (Old)", new double[] {5.780761, 67.631267},
            "GPT-4 0314", new double[] {0.478058, 12.535184},
            "GPT-4 Turbo", new double[] {0.251887, 14.722106},
            "GPT-4o", new double[] {0.634767, 28.689682},
            "human", new double[] {338.576310, 25997.492853},
            "o1", new double[] {1.915464, 301.908835},
            "o1-preview", new double[] {9.174460, 85.000263});

    @Test
    void pointHorizonsMatchMetrWithinOnePercent() {
        List<AgentRun> runs = MetrRuns.read(SharedData.require("horizon/metr_runs_2025-01-22.jsonl"));
        var result = TimeHorizons.estimate(runs, HorizonSettings.metr(1).withRounds(0).reportingDegenerate());
        assertEquals(11, result.agents().size());
        for (AgentHorizons a : result.agents()) {
            if (a.agent().equals("davinci-002")) {
                assertNull(a.slope());
                assertEquals(AgentHorizons.Status.UNBOUNDED_BELOW, a.horizons().get(0).status());
                assertNull(a.horizons().get(0).minutes());
                continue;
            }
            double[] ref = POINT.get(a.agent());
            double p50 = a.horizons().get(0).minutes();
            assertEquals(ref[0], p50, ref[0] * 0.01, a.agent() + " p50");
            if (ref[1] > 1e-6) {
                assertEquals(ref[1], a.horizons().get(1).minutes(), ref[1] * 0.01, a.agent() + " p80");
            }
        }
    }

    @Test
    void bootstrapWidthsMatchMetrWithinTwentyPercent() {
        List<AgentRun> runs = MetrRuns.read(SharedData.require("horizon/metr_runs_2025-01-22.jsonl"));
        var result = TimeHorizons.estimate(runs, HorizonSettings.metr(Long.getLong("hz.seed", 20261125)).reportingDegenerate());
        StringBuilder report = new StringBuilder();
        int checked = 0;
        for (AgentHorizons a : result.agents()) {
            double[] ref = CI50.get(a.agent());
            if (ref == null) {
                continue;
            }
            var ci = a.horizons().get(0).interval();
            double width = ci.upper() - ci.lower();
            double refWidth = ref[1] - ref[0];
            report.append(String.format("%s: [%.3f, %.3f] width %.3f vs METR %.3f (%.0f%%)%n", a.agent(), ci.lower(),
                    ci.upper(), width, refWidth, 100 * (width / refWidth - 1)));
            assertEquals(1000, a.usableRounds(), a.agent());
            checked++;
        }
        System.out.print(report);
        for (AgentHorizons a : result.agents()) {
            double[] ref = CI50.get(a.agent());
            if (ref == null) {
                continue;
            }
            var ci = a.horizons().get(0).interval();
            double ratio = (ci.upper() - ci.lower()) / (ref[1] - ref[0]);
            assertTrue(ratio > 0.8 && ratio < 1.2, () -> a.agent() + " width ratio " + ratio + "\n" + report);
        }
        assertEquals(9, checked);
    }
}
