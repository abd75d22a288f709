package io.augur.evaluation.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a benchmark (task). */
@Schema(name = "BenchmarkInput", description = "A benchmark (task) to create or replace")
public record BenchmarkInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Unique name", example = "arc-challenge") String name,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "Name of the primary metric", example = "accuracy") String metric,
        @Schema(description = "Whether a higher value is better (default true)", example = "true", defaultValue = "true") Boolean higherIsBetter,
        @Finite @Schema(description = "Score of random guessing, the floor of sigmoid forecasts", example = "0.25") Double chanceLevel,
        @Size(max = 4000) @Schema(description = "What the benchmark measures", example = "Grade-school science questions, challenge set") String description) {
}
