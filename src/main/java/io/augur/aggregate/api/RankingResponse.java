package io.augur.aggregate.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A social-choice ranking across tasks (deterministic: no sampling, so no seed). */
@Schema(name = "RankingResponse")
public record RankingResponse(TableSummary table,
        @Schema(enumeration = { "borda", "copeland", "kemeny" }, example = "borda") String method,
        @Schema(description = "How it was computed, in words (Kemeny: exact or heuristic)", example = "Borda count (ties within a task count half)") String algorithm,
        @Schema(description = "Whether the order is proven optimal for its rule (Kemeny heuristic: only if it meets the lower bound)", example = "true") boolean optimal,
        @Schema(description = "Systems best first") List<RankedSystem> ranking,
        @Schema(description = "Sum over tasks of the Kendall distance to the task's order (ties half)", example = "1.0") double kendallDistance,
        @Schema(description = "Lower bound of the Kemeny-optimal distance", example = "1.0") double kendallDistanceLowerBound,
        @Schema(description = "Tasks on which a lower score won", example = "[]") List<String> lowerIsBetter) {

    @Schema(name = "RankedSystem")
    public record RankedSystem(
            @Schema(example = "SPR") String system,
            @Schema(description = "1-based; tied systems share the best position", example = "1") int position,
            @Schema(description = "Borda or Copeland score; Kemeny: number of systems placed after it", example = "2.0") double score,
            @Schema(description = "Shares its position with another system", example = "false") boolean tied) {
    }
}
