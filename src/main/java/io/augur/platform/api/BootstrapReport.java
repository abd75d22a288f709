package io.augur.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bootstrap behind a response's intervals, echoed the same way by every operation that resamples:
 * the rounds, seed and level used (send them back to reproduce the intervals), whether the seed was the
 * request's or the default, the method, and, where the operation refits per round, the rounds left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BootstrapReport", description = "The bootstrap behind the intervals, with the seed that reproduces them")
public record BootstrapReport(
        @Schema(example = "1000") int rounds,
        @Schema(description = "The seed used; send it back to reproduce the intervals", example = "42") long seed,
        @Schema(description = "request if the client gave the seed, default otherwise", enumeration = { REQUEST, DEFAULT },
                example = "request", required = true) String seedSource,
        @Schema(example = "0.95") double level,
        @Schema(description = "What was resampled and how the intervals were read off the replicates",
                example = "percentile bootstrap, 1000 rounds", required = true) String method,
        @Schema(description = "Rounds whose refit failed and were left out (operations that refit per round)", example = "0")
        Integer failedRounds,
        @Schema(description = "Rounds left out as degenerate (a resample that cannot identify the estimate; operations "
                + "that detect it)", example = "0") Integer degenerateRounds) {

    public static final String REQUEST = "request";
    public static final String DEFAULT = "default";
}
