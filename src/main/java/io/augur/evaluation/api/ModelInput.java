package io.augur.evaluation.api;

import io.augur.platform.validation.CalendarDate;
import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a model. */
@Schema(name = "ModelInput", description = "A model to create or replace")
public record ModelInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Unique name", example = "pythia-1.4b") String name,
        @Size(max = 200) @Schema(description = "Model family", example = "pythia") String family,
        @Positive @Schema(description = "Parameter count N", example = "1414647808") Long parameters,
        @Positive @Finite @Schema(description = "Training tokens D", example = "300000000000") Double trainingTokens,
        @Positive @Finite @Schema(description = "Training compute C in FLOPs", example = "2.546e21") Double trainingCompute,
        @CalendarDate @Schema(description = "Release date, 0001-01-01 to 9999-12-31", example = "2023-02-13") LocalDate releaseDate,
        @Schema(description = "Free-form attributes", example = "{\"architecture\": \"gpt-neox\", \"context\": 2048}") Map<String, Object> attributes) {
}
