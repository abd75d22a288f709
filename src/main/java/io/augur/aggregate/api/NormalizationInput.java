package io.augur.aggregate.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per-task normalisation {@code (x - low) / (high - low)}: {@code none}, {@code min-max} (low and high
 * are the task's smallest and largest score in the table), or {@code baselines} (low and high given
 * per task, e.g. random and human scores for Atari's human-normalised score).
 */
@Schema(name = "TableNormalization", description = "Per-task normalisation (x - low) / (high - low)")
public record NormalizationInput(
        @NotNull @Pattern(regexp = "none|min-max|baselines", message = "must be one of none, min-max, baselines")
        @Schema(required = true, enumeration = { "none", "min-max", "baselines" }, example = "baselines",
                description = "none: raw scores; min-max: per task over the table's own scores; baselines: low and high given per task") String type,
        @Schema(description = "For type baselines: low (maps to 0) and high (maps to 1) for every task of the table",
                example = "{\"Alien\": {\"low\": 227.8, \"high\": 7127.7}}") Map<String, @NotNull @Valid Baseline> baselines) {

    /** The score mapping to 0 and the one mapping to 1. */
    @Schema(name = "TaskBaseline")
    public record Baseline(
            @NotNull @Finite @Schema(required = true, description = "Score that maps to 0 (e.g. random agent)", example = "227.8") Double low,
            @NotNull @Finite @Schema(required = true, description = "Score that maps to 1 (e.g. human)", example = "7127.7") Double high) {
    }
}
