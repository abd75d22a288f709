package io.augur.aggregate.engine;

import java.util.Map;

/**
 * Optional per-task normalisation applied to every score before aggregation:
 * {@code x' = (x - low_t) / (high_t - low_t)}.
 * <ul>
 * <li>{@link None}: raw scores.</li>
 * <li>{@link MinMax}: low and high are the smallest and largest score on the task over all systems
 * and runs of the table (after the missing-task policy), so every task spans [0, 1].</li>
 * <li>{@link Baselines}: caller-supplied low and high per task. With low = random-agent score and
 * high = human score this is Atari's human-normalised score (score - random) / (human - random)
 * (Mnih et al. 2015; the normalisation rliable uses for Atari 100k).</li>
 * </ul>
 */
public sealed interface Normalization {

    /** Raw scores, no normalisation. */
    record None() implements Normalization {
    }

    /** Per-task min-max over the table's own scores. */
    record MinMax() implements Normalization {
    }

    /**
     * Per-task baselines. A task of the table without a baseline is rejected (field
     * {@code normalization.baselines.<task>}); baselines for tasks not in the table are ignored.
     */
    record Baselines(Map<String, Baseline> byTask) implements Normalization {
        public Baselines {
            byTask = Map.copyOf(byTask);
        }
    }

    /** The score that maps to 0 ({@code low}, e.g. random) and the one that maps to 1 ({@code high}, e.g. human). */
    record Baseline(double low, double high) {
    }

    static Normalization none() {
        return new None();
    }
}
