package io.augur.aggregate.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A social-choice ranking across tasks: each task votes with its order of the systems' mean scores. */
@Schema(name = "RankingRequest")
public record RankingRequest(
        @Size(max = 500_000) @Schema(description = "The scores inline (give scores or selection)") List<@NotNull @Valid ScoreInput> scores,
        @Valid @Schema(description = "Stored evaluations to use instead of inline scores") ScoreSelection selection,
        @Valid @Schema(description = "Per-task normalisation; default none") NormalizationInput normalization,
        @Pattern(regexp = "reject|common-tasks", message = "must be reject or common-tasks")
        @Schema(enumeration = { "reject", "common-tasks" }, example = "reject", description = "A system without a score on some task: reject the table (default) or drop the tasks not scored for every system (listed in table.droppedTasks)") String missingTasks,
        @NotNull @Pattern(regexp = "borda|copeland|kemeny", message = "must be one of borda, copeland, kemeny")
        @Schema(required = true, enumeration = { "borda", "copeland", "kemeny" }, example = "borda") String method,
        @Size(max = 10_000) @Schema(description = "Tasks on which a lower score wins; with a selection, benchmarks stored with higherIsBetter false are added", example = "[]") List<@NotBlank String> lowerIsBetter,
        @Min(0) @Max(22) @Schema(description = "Kemeny only: rank exactly up to this many systems (default 18, at most 22), by heuristic beyond", example = "18") Integer exactLimit) implements ScoreTableRequest {
}
