package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** rliable's aggregates with stratified-bootstrap intervals. */
@Schema(name = "AggregatesRequest")
public record AggregatesRequest(
        @Size(max = 500_000) @Schema(description = "The scores inline (give scores or selection)") List<@NotNull @Valid ScoreInput> scores,
        @Valid @Schema(description = "Stored evaluations to use instead of inline scores") ScoreSelection selection,
        @Valid @Schema(description = "Per-task normalisation; default none") NormalizationInput normalization,
        @Pattern(regexp = "reject|common-tasks", message = "must be reject or common-tasks")
        @Schema(enumeration = { "reject", "common-tasks" }, example = "reject", description = "A system without a score on some task: reject the table (default) or drop the tasks not scored for every system (listed in table.droppedTasks)") String missingTasks,
        @Size(max = 4) @Schema(description = "Aggregates to compute; default all four", example = "[\"mean\", \"median\", \"iqm\", \"optimality-gap\"]")
        List<@NotNull @Pattern(regexp = "mean|median|iqm|optimality-gap", message = "must be one of mean, median, iqm, optimality-gap") String> aggregates,
        @Finite @Schema(description = "Target gamma of the optimality gap mean(max(gamma - x, 0)); default 1", example = "1.0") Double optimalityGapTarget,
        @Valid @Schema(description = "Stratified bootstrap (runs resampled with replacement within each task); rounds 1 to 100000") BootstrapSettings bootstrap) implements ScoreTableRequest {
}
