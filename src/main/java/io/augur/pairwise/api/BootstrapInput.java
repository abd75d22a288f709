package io.augur.pairwise.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bootstrap settings for the rating intervals; every field has a default. */
@Schema(name = "BootstrapInput", description = "Bootstrap settings of the rating intervals")
public record BootstrapInput(
        @Min(2) @Max(LeaderboardResource.MAX_ROUNDS) @Schema(description = "Bootstrap rounds, 2 to 10000; default 1000", example = "1000") Integer rounds,
        @Schema(description = "Seed that reproduces the intervals; default 42", example = "42") Long seed,
        @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "Confidence level of the intervals, in (0, 1); default 0.95", example = "0.95") Double level) {

    static final int DEFAULT_ROUNDS = 1000;
    static final long DEFAULT_SEED = 42;
    static final double DEFAULT_LEVEL = 0.95;

    int roundsOrDefault() {
        return rounds == null ? DEFAULT_ROUNDS : rounds;
    }

    long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    double levelOrDefault() {
        return level == null ? DEFAULT_LEVEL : level;
    }

    static BootstrapInput orDefault(BootstrapInput in) {
        return in == null ? new BootstrapInput(null, null, null) : in;
    }
}
