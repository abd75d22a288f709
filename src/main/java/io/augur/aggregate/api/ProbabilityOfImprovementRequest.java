package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P(X > Y) averaged over tasks. */
@Schema(name = "ProbabilityOfImprovementRequest")
public record ProbabilityOfImprovementRequest(
        @Size(max = 500_000) @Schema(description = "The scores inline (give scores or selection)") List<@NotNull @Valid ScoreInput> scores,
        @Valid @Schema(description = "Stored evaluations to use instead of inline scores") ScoreSelection selection,
        @Valid @Schema(description = "Per-task normalisation; default none") NormalizationInput normalization,
        @Pattern(regexp = "reject|common-tasks", message = "must be reject or common-tasks")
        @Schema(enumeration = { "reject", "common-tasks" }, example = "reject", description = "A system without a score on some task: reject the table (default) or drop the tasks not scored for every system (listed in table.droppedTasks)") String missingTasks,
        @NotBlank @Schema(required = true, description = "The system that would improve", example = "SPR") String x,
        @NotBlank @Schema(required = true, description = "The system it is compared with", example = "CURL") String y,
        @Valid @Schema(description = "Stratified bootstrap (runs resampled with replacement within each task); rounds 1 to 100000") BootstrapSettings bootstrap) implements ScoreTableRequest {
}
