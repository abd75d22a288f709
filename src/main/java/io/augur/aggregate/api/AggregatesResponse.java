package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.stats.Interval;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** rliable's aggregates per system, each with its interval. */
@Schema(name = "AggregatesResponse")
public record AggregatesResponse(TableSummary table, BootstrapReport bootstrap, List<SystemAggregates> systems) {

    @Schema(name = "SystemAggregates")
    public record SystemAggregates(
            @Schema(example = "SPR") String system,
            @Schema(description = "Number of run x task scores", example = "2600") int runs,
            List<AggregateEstimate> estimates) {
    }

    @Schema(name = "AggregateEstimate", description = "Point estimate on the full data with its bootstrap interval")
    public record AggregateEstimate(
            @Schema(enumeration = { "mean", "median", "iqm", "optimality-gap" }, example = "iqm") String aggregate,
            @Schema(example = "0.337") double value,
            Interval interval) {
    }
}
