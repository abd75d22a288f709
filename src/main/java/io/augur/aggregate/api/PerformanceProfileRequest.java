package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Performance profiles over thresholds given as a list or as an evenly spaced grid. */
@Schema(name = "PerformanceProfileRequest")
public record PerformanceProfileRequest(
        @Size(max = 500_000) @Schema(description = "The scores inline (give scores or selection)") List<@NotNull @Valid ScoreInput> scores,
        @Valid @Schema(description = "Stored evaluations to use instead of inline scores") ScoreSelection selection,
        @Valid @Schema(description = "Per-task normalisation; default none") NormalizationInput normalization,
        @Pattern(regexp = "reject|common-tasks", message = "must be reject or common-tasks")
        @Schema(enumeration = { "reject", "common-tasks" }, example = "reject", description = "A system without a score on some task: reject the table (default) or drop the tasks not scored for every system (listed in table.droppedTasks)") String missingTasks,
        @Size(min = 1, max = PerformanceProfileRequest.MAX_TAUS) @Schema(description = "Thresholds tau (give taus or tauGrid)", example = "[0.0, 0.5, 1.0]") List<@NotNull @Finite Double> taus,
        @Valid @Schema(description = "Evenly spaced thresholds from..to inclusive (give taus or tauGrid)") TauGrid tauGrid,
        @Valid @Schema(description = "Stratified bootstrap (runs resampled with replacement within each task); rounds 1 to 100000") BootstrapSettings bootstrap) implements ScoreTableRequest {

    public static final int MAX_TAUS = 1000;

    /** count thresholds from {@code from} to {@code to} inclusive (numpy.linspace). */
    @Schema(name = "TauGrid")
    public record TauGrid(
            @NotNull @Finite @Schema(required = true, example = "0.0") Double from,
            @NotNull @Finite @Schema(required = true, example = "2.0") Double to,
            @NotNull @Min(1) @Max(MAX_TAUS) @Schema(required = true, description = "1 to 1000", example = "21") Integer count) {
    }
}
