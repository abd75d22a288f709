package io.augur.aggregate.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One measured score of a system on a task in one run. */
@Schema(name = "TableScore", description = "One score: system reached value on task in run")
public record ScoreInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "The system (model, agent, algorithm)", example = "SPR") String system,
        @NotBlank @Size(max = 200) @Schema(required = true, description = "The task (benchmark, game, dataset)", example = "Alien") String task,
        @Size(max = 200) @Schema(description = "Run or seed label; a (system, task, run) may appear once. Optional: unlabelled runs are never taken as repeats", example = "0") String run,
        @NotNull @Finite @Schema(required = true, description = "The score, raw (normalisation is applied by the server); higher is better", example = "919.6") Double value) {
}
