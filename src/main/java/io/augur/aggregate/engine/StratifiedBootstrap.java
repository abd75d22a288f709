package io.augur.aggregate.engine;

import io.augur.stats.InvalidInputException;

/**
 * Settings of a stratified bootstrap (Agarwal et al. 2021, after Efron and Tibshirani 1993): each
 * round resamples, independently within every task, as many runs as the task has, with replacement,
 * then recomputes the statistic; the {@code level} interval is the percentile interval of the
 * {@code rounds} replicates. Results are a deterministic function of {@code seed} (and of the data),
 * independent of thread count.
 */
public record StratifiedBootstrap(int rounds, long seed, double level) {

    public static final int MAX_ROUNDS = 10_000_000;

    public StratifiedBootstrap {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new InvalidInputException("bootstrap.rounds", "must be between 1 and " + MAX_ROUNDS + ", was " + rounds);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("bootstrap.level", "must be in (0, 1), was " + level);
        }
    }

    /** rliable's default: 2,000 rounds at 95%. */
    public static StratifiedBootstrap defaults(long seed) {
        return new StratifiedBootstrap(2000, seed, 0.95);
    }

    /** The interval method string carried by every interval. */
    String method() {
        return "stratified bootstrap percentile, " + rounds + " rounds, seed " + seed;
    }
}
