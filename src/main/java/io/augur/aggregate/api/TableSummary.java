package io.augur.aggregate.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What table a computation ran on. */
@Schema(name = "TableSummary", description = "The table the computation ran on")
public record TableSummary(
        @Schema(description = "inline or selection", enumeration = { "inline", "selection" }, example = "inline") String source,
        @Schema(description = "Systems, in order of first appearance", example = "[\"SPR\", \"CURL\"]") List<String> systems,
        @Schema(description = "Tasks used, sorted by name", example = "[\"Alien\", \"Pong\"]") List<String> tasks,
        @Schema(description = "Tasks dropped by missingTasks common-tasks", example = "[]") List<String> droppedTasks,
        @Schema(description = "How scores were normalised, in words", example = "baselines (score - low) / (high - low)") String normalization,
        @Schema(description = "The missing-task policy applied", example = "reject") String missingTasks,
        @Schema(description = "Number of scores (rows) the table was built from", example = "8") int scores) {
}
