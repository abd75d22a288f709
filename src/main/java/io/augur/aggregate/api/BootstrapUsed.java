package io.augur.aggregate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bootstrap settings that reproduce a response's intervals. */
@Schema(name = "BootstrapUsed", description = "Bootstrap settings that reproduce the intervals")
public record BootstrapUsed(
        @Schema(example = "2000") int rounds,
        @Schema(description = "The seed used; send it back to reproduce the intervals", example = "42") long seed,
        @Schema(description = "request if the client gave the seed, default otherwise", enumeration = { "request", "default" }, example = "request") String seedSource,
        @Schema(example = "0.95") double level,
        @Schema(example = "stratified bootstrap percentile (runs resampled with replacement within each task)") String method) {
}
