package io.augur.aggregate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A table read from stored evaluations: systems are models, tasks are benchmarks, runs are seeds.
 * Every filter is optional; together they must match at least one evaluation.
 */
@Schema(name = "ScoreSelection", description = "Stored evaluations as a score table: systems = models, tasks = benchmarks, runs = seeds")
public record ScoreSelection(
        @Size(max = 100) @Schema(description = "Metric of the evaluations; default: each benchmark's own metric", example = "accuracy") String metric,
        @Size(max = 1000) @Schema(description = "Benchmark names (tasks); default: every benchmark with matching evaluations", example = "[\"arc-challenge\", \"hellaswag\"]") List<@NotBlank String> benchmarks,
        @Size(max = 1000) @Schema(description = "Model names (systems)", example = "[\"pythia-1.4b\", \"pythia-2.8b\"]") List<@NotBlank String> models,
        @Size(max = 200) @Schema(description = "Model family (systems); combined with models, a model must match both", example = "pythia") String family,
        @PositiveOrZero @Schema(description = "Training step; default: for each model, benchmark and seed the evaluation with the latest step", example = "143000") Long step) {
}
