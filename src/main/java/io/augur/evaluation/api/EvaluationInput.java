package io.augur.evaluation.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.augur.platform.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One measured value to import. The model and benchmark are named (they must exist); the metric
 * defaults to the benchmark's metric. Identity is (model, benchmark, metric, seed, step): importing
 * a row whose identity is already stored replaces its value, standard error and counts. Registered for
 * reflection: the import reads it with an ObjectMapper call of its own (the body is JSON or CSV).
 */
@RegisterForReflection
@Schema(name = "EvaluationInput", description = "One measured value; (model, benchmark, metric, seed, step) identifies it")
public record EvaluationInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Name of an existing model", example = "pythia-1.4b") String model,
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Name of an existing benchmark", example = "arc-challenge") String benchmark,
        @Size(max = 100) @Schema(description = "Metric name; default: the benchmark's metric", example = "accuracy") String metric,
        @Schema(description = "Seed or run number, when several runs were made", example = "1") Long seed,
        @PositiveOrZero @Schema(description = "Training step or epoch, for learning curves", example = "143000") Long step,
        @NotNull @Finite @Schema(required = true, description = "The measured value", example = "0.2807") Double value,
        @PositiveOrZero @Finite @Schema(description = "Standard error of the value", example = "0.0131") Double stdError,
        @PositiveOrZero @Schema(description = "Successes k, for pass counts (k of n)", example = "329") Long successes,
        @PositiveOrZero @Schema(description = "Attempts n, for pass counts (k of n)", example = "1172") Long attempts) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "successes and attempts go together, with attempts > 0 and successes <= attempts")
    public boolean isCounts() {
        if (successes == null && attempts == null) {
            return true;
        }
        return successes != null && attempts != null && attempts > 0 && successes <= attempts;
    }
}
