package io.augur.platform.api;

import io.augur.platform.problem.ProblemException;
import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bootstrap settings of every operation that resamples, with one set of defaults: {@value #DEFAULT_ROUNDS}
 * rounds (enough for the 2.5% and 97.5% percentiles of a 95% interval to be stable to about a tenth of the
 * interval's width; Efron and Tibshirani 1993, sec. 19.3, and well inside the 60 s time budget of every
 * operation at its documented input bounds), seed {@value #DEFAULT_SEED}, level {@value #DEFAULT_LEVEL}.
 * Each operation narrows the rounds to what it can afford ({@link #resolve}: a 400 naming the field outside
 * that range) and answers with a {@link BootstrapReport}.
 */
@Schema(name = "BootstrapSettings", description = "Bootstrap settings, the same in every operation; every field optional: "
        + "rounds (default " + BootstrapSettings.DEFAULT_ROUNDS + "; each operation states its range, at most "
        + BootstrapSettings.MAX_ROUNDS + "; outside it a 400 names bootstrap.rounds), seed (default "
        + BootstrapSettings.DEFAULT_SEED + "), level (default " + BootstrapSettings.DEFAULT_LEVEL
        + "). The response's bootstrap report echoes what was used")
public record BootstrapSettings(
        @Min(0) @Max(BootstrapSettings.MAX_ROUNDS)
        @Schema(description = "Resampling rounds; default " + BootstrapSettings.DEFAULT_ROUNDS + " (the operation states its range)",
                example = "1000", defaultValue = "1000") Integer rounds,
        @Schema(description = "Seed of the random streams; default " + BootstrapSettings.DEFAULT_SEED
                + "; send the response's seed back to reproduce its intervals", example = "42", defaultValue = "42") Long seed,
        @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "Confidence level of the intervals, in (0, 1); default " + BootstrapSettings.DEFAULT_LEVEL,
                example = "0.95", defaultValue = "0.95") Double level) {

    public static final int DEFAULT_ROUNDS = 1000;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_LEVEL = 0.95;
    /** No operation runs more rounds than this in one request. */
    public static final int MAX_ROUNDS = 100_000;

    /** The settings an operation runs with: the request's, defaults for what it left out. */
    public record Used(int rounds, long seed, double level, boolean seedGiven) {

        /** The echo of these settings, for a bootstrap that left no round out. */
        public BootstrapReport report(String method) {
            return report(method, null, null);
        }

        /** The echo, with the rounds left out as failed or degenerate (null where the operation has none). */
        public BootstrapReport report(String method, Integer failedRounds, Integer degenerateRounds) {
            return new BootstrapReport(rounds, seed, seedGiven ? BootstrapReport.REQUEST : BootstrapReport.DEFAULT, level,
                    method, failedRounds, degenerateRounds);
        }
    }

    /**
     * The settings of {@code in} (null: all defaults) for an operation that runs {@code minRounds} to
     * {@code maxRounds} rounds; rounds outside that range get a 400 naming {@code roundsField} (the path of the
     * rounds in the request: {@code bootstrap.rounds}, or a query or form parameter's name).
     */
    public static Used resolve(BootstrapSettings in, int minRounds, int maxRounds, String roundsField) {
        return resolve(in == null ? null : in.rounds, in == null ? null : in.seed, in == null ? null : in.level,
                minRounds, maxRounds, roundsField);
    }

    /** As {@link #resolve(BootstrapSettings, int, int, String)}, from separate (query or form) values. */
    public static Used resolve(Integer rounds, Long seed, Double level, int minRounds, int maxRounds, String roundsField) {
        int r = rounds == null ? DEFAULT_ROUNDS : rounds;
        if (r < minRounds || r > maxRounds) {
            throw ProblemException.invalid(roundsField, "must be between " + minRounds + " and " + maxRounds
                    + " for this operation, was " + r);
        }
        double l = level == null ? DEFAULT_LEVEL : level;
        if (!(l > 0 && l < 1)) {
            throw ProblemException.invalid(roundsField.replaceAll("[^.]*$", "") + "level", "must be in (0, 1), was " + l);
        }
        return new Used(r, seed == null ? DEFAULT_SEED : seed, l, seed != null);
    }
}
