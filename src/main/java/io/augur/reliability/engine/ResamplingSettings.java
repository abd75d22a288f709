package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;

/** Resampling settings: rounds (0 for none), seed, confidence level. */
public record ResamplingSettings(int rounds, long seed, double level) {

    public static final int MAX_ROUNDS = 100_000;

    public ResamplingSettings {
        if (rounds < 0 || rounds > MAX_ROUNDS) {
            throw new InvalidInputException("rounds", "must be between 0 and " + MAX_ROUNDS + ", was " + rounds);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1), was " + level);
        }
    }
}
