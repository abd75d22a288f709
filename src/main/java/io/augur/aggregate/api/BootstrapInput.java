package io.augur.aggregate.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stratified-bootstrap settings; every field is optional. */
@Schema(name = "TableBootstrap", description = "Stratified bootstrap: runs resampled with replacement within each task")
public record BootstrapInput(
        @Min(1) @Max(BootstrapInput.MAX_ROUNDS) @Schema(description = "Bootstrap rounds, 1 to 100000; default 2000 (rliable's)", example = "2000") Integer rounds,
        @Schema(description = "Seed of the random streams; default " + BootstrapInput.DEFAULT_SEED + " (stated in the response)", example = "42") Long seed,
        @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "Confidence level of the percentile intervals, in (0, 1); default 0.95", example = "0.95") Double level) {

    /** At most this many rounds per request, so one request cannot monopolise the machine. */
    public static final int MAX_ROUNDS = 100_000;
    public static final int DEFAULT_ROUNDS = 2000;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_LEVEL = 0.95;
}
