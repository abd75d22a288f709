package io.augur.reliability.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plain-harness benchmark of the reliability engine (run with
 * {@code ./mvnw -B test -Pbench -Dtest=ReliabilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false}):
 * 100 models x 14,000 items of 0/1 results (MMLU's size), generated with a seed. Median of 5 after 3
 * warm-up runs. No assertion on time.
 */
@Tag("benchmark")
class ReliabilityBenchmark {

    static <T> T time(String label, Supplier<T> job) {
        return io.augur.horizon.engine.HorizonBenchmarkHarness.time(label, job);
    }

    @Test
    void hundredModelsFourteenThousandItems() {
        int models = 100;
        int items = 14_000;
        SplittableRandom r = new SplittableRandom(2026);
        double[] difficulty = new double[items];
        String[] subjects = new String[items];
        for (int i = 0; i < items; i++) {
            difficulty[i] = r.nextDouble();
            subjects[i] = "subject" + (i % 57);
        }
        Map<String, ItemScores> scores = new LinkedHashMap<>();
        for (int m = 0; m < models; m++) {
            double skill = 0.3 + 0.5 * m / models;
            double[] v = new double[items];
            for (int i = 0; i < items; i++) {
                v[i] = r.nextDouble() < skill * (0.5 + difficulty[i]) ? 1 : 0;
            }
            scores.put(String.format("model%03d", m), ItemScores.of(v));
        }
        ResamplingSettings none = new ResamplingSettings(0, 1, 0.95);
        time("error bars (SE, normal, Wilson), 100 models x 14,000 items", () -> {
            List<ScoreErrorBars.ErrorBarsResult> out = new ArrayList<>();
            scores.values().forEach(s -> out.add(ScoreErrorBars.estimate(s, none)));
            return out;
        });
        var all = time("paired difference + SE + McNemar, all 4,950 pairs, Holm", () ->
                PairedComparison.compareMany(scores, null, none));
        System.out.println("BENCH   -> " + all.size() + " pairs; first " + all.get(0).difference() + " p " + all.get(0).pValue());
        time("error bars + all 4,950 paired tests + Holm (the issue's floor)", () -> {
            List<ScoreErrorBars.ErrorBarsResult> out = new ArrayList<>();
            scores.values().forEach(s -> out.add(ScoreErrorBars.estimate(s, none)));
            return PairedComparison.compareMany(scores, null, none).size() + out.size();
        });
        Map<String, ItemScores> clustered = new LinkedHashMap<>();
        scores.forEach((k, v) -> clustered.put(k, new ItemScores(v.samples(), subjects)));
        time("clustered error bars (57 subjects) + 1,000-round cluster bootstrap, 100 models", () -> {
            List<ScoreErrorBars.ErrorBarsResult> out = new ArrayList<>();
            clustered.values().forEach(s -> out.add(ScoreErrorBars.estimate(s, new ResamplingSettings(1000, 3, 0.95))));
            return out;
        });
        time("99 models vs a baseline, paired permutation test, 1,000 rounds", () ->
                PairedComparison.compareMany(scores, "model050", new ResamplingSettings(1000, 7, 0.95)));
    }
}
