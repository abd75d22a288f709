package io.augur.retrieval.engine.significance;

import io.augur.stats.InvalidInputException;

/**
 * Settings of the paired tests.
 *
 * @param level            confidence level of the intervals (e.g. 0.95)
 * @param seed             seed of the randomization test and the bootstrap; the same seed reproduces
 *                         the same p-values and intervals
 * @param permutations     Monte Carlo sign flips of the randomization test (e.g. 10,000)
 * @param bootstrapRounds  rounds of the paired bootstrap (e.g. 10,000)
 * @param exactMaxQueries  enumerate all 2^n sign patterns (an exact test) when n is at most this
 *                         (at most 24)
 * @param wilcoxonZeroMethod  how the Wilcoxon signed-rank test treats zero differences (default WILCOX:
 *                            dropped, as scipy and R do)
 * @param wilcoxonCorrection  continuity correction of the Wilcoxon normal approximation (default false, as
 *                            scipy.stats.wilcoxon; R's wilcox.test defaults to true)
 */
public record SignificanceOptions(double level, long seed, int permutations, int bootstrapRounds, int exactMaxQueries,
        WilcoxonSignedRank.ZeroMethod wilcoxonZeroMethod, boolean wilcoxonCorrection) {

    public SignificanceOptions {
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1), was " + level);
        }
        if (permutations < 1) {
            throw new InvalidInputException("permutations", "must be at least 1, was " + permutations);
        }
        if (bootstrapRounds < 1) {
            throw new InvalidInputException("bootstrapRounds", "must be at least 1, was " + bootstrapRounds);
        }
        if (exactMaxQueries < 0 || exactMaxQueries > 24) {
            throw new InvalidInputException("exactMaxQueries", "must be in [0, 24], was " + exactMaxQueries);
        }
        if (wilcoxonZeroMethod == null) {
            throw new InvalidInputException("wilcoxonZeroMethod", "must be given");
        }
    }

    /**
     * 95% intervals, seed 42, 10,000 permutations and bootstrap rounds, exact up to 16 queries; Wilcoxon
     * with zero differences dropped and no continuity correction (scipy.stats.wilcoxon's defaults).
     */
    public static SignificanceOptions defaults() {
        return new SignificanceOptions(0.95, 42L, 10_000, 10_000, 16, WilcoxonSignedRank.ZeroMethod.WILCOX, false);
    }

    public SignificanceOptions withSeed(long s) {
        return new SignificanceOptions(level, s, permutations, bootstrapRounds, exactMaxQueries, wilcoxonZeroMethod,
                wilcoxonCorrection);
    }

    public SignificanceOptions withPermutations(int p) {
        return new SignificanceOptions(level, seed, p, bootstrapRounds, exactMaxQueries, wilcoxonZeroMethod,
                wilcoxonCorrection);
    }

    public SignificanceOptions withWilcoxon(WilcoxonSignedRank.ZeroMethod zeroMethod, boolean correction) {
        return new SignificanceOptions(level, seed, permutations, bootstrapRounds, exactMaxQueries, zeroMethod,
                correction);
    }
}
