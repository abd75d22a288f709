package io.augur.reliability.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request records of the reliability endpoints. */
public final class ReliabilityRequests {

    private ReliabilityRequests() {
    }

    static final int MAX_ITEMS = 1_000_000;

    @Schema(name = "StoredItemSelection", description = "Item-level results stored by importItemResultsFromFile, used instead "
            + "of inline scores: a benchmark and models. Items are those every selected model was scored on (the intersection, "
            + "counted in the response's selection); an item's scores are its scored samples.")
    public record StoredItems(
            @NotBlank @Size(max = 200) @Schema(required = true, description = "Benchmark name", example = "mmlu") String benchmark,
            @Size(min = 1, max = 1000) @Schema(description = "Model names, in the order wanted (error bars: exactly one; power: "
                    + "exactly two; paired comparisons: default every model with item results on the benchmark)",
                    example = "[\"llama-3-8b\"]") List<@NotBlank String> models,
            @Schema(description = "Cluster the items by their stored subject (clustered standard errors); default false",
                    example = "false") Boolean clusterBySubject) {
    }

    @Schema(name = "ErrorBarsRequest", description = "One model's item-level scores, inline (scores) or stored (stored)")
    public record ErrorBars(
            @Size(min = 2, max = MAX_ITEMS) @Schema(description = "Per item, its scores (one or several samples); required unless stored is given", example = "[[1], [0], [1], [1]]")
            List<@NotNull @Size(min = 1, max = 10_000) List<@NotNull @Finite Double>> scores,
            @Size(max = MAX_ITEMS) @Schema(description = "Per item, its cluster (passage, subject) for clustered standard errors", example = "[\"p1\", \"p1\", \"p2\", \"p2\"]")
            List<@NotNull String> clusters,
            @Valid BootstrapSettings bootstrap,
            @Valid @Schema(description = "Stored item results of one model instead of scores") StoredItems stored) {
    }

    @Schema(name = "PairedComparisonsRequest", description = "Several models' scores on the same items, in the same order")
    public record Paired(
            @Size(min = 2, max = 1000) @Schema(description = "Model -> per-item scores (one sample per item); required unless stored is given", example = "{\"A\": [1, 1, 0, 1], \"B\": [0, 1, 0, 0]}")
            Map<String, @NotNull @Size(min = 2, max = MAX_ITEMS) List<@NotNull @Finite Double>> models,
            @Schema(description = "Compare every model with this one; default: every pair", example = "B") String baseline,
            @Size(max = MAX_ITEMS) @Schema(description = "Per item, its cluster, for clustered standard errors") List<@NotNull String> clusters,
            @Valid BootstrapSettings bootstrap,
            @Valid @Schema(description = "Stored item results of two or more models instead of models") StoredItems stored) {
    }

    @Schema(name = "PowerRequest", description = "Give items for the minimum detectable effect, effect for the items (and seeds) needed; the "
            + "spread of the per-item difference from sdDifference, or first and second models' item scores (paired variance), or accuracy (and correlation)")
    public record Power(
            @Min(2) @Max(1_000_000_000) @Schema(description = "Items of the benchmark", example = "1000") Integer items,
            @Finite @DecimalMin(value = "0", inclusive = false) @Schema(description = "Difference to detect", example = "0.03") Double effect,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) @Schema(description = "Two-sided level, default 0.05", example = "0.05") Double alpha,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) @Schema(description = "Power, default 0.8", example = "0.8") Double power,
            @Finite @DecimalMin(value = "0", inclusive = false) @Schema(description = "Standard deviation of the per-item difference") Double sdDifference,
            @Size(min = 2, max = MAX_ITEMS) @Schema(description = "First model's per-item scores") List<@NotNull @Finite Double> first,
            @Size(min = 2, max = MAX_ITEMS) @Schema(description = "Second model's per-item scores") List<@NotNull @Finite Double> second,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) @Schema(description = "Expected accuracy of 0/1 scorers", example = "0.7") Double accuracy,
            @Finite @Schema(description = "Assumed correlation of the two models' item results, default 0", example = "0.5") Double correlation,
            @Finite @DecimalMin(value = "0", inclusive = false) @Schema(description = "Seed standard deviation, for the seeds needed", example = "0.01") Double seedSd,
            @Valid @Schema(description = "Stored item results of exactly two models instead of first and second (the paired variance "
                    + "over the items both were scored on; items defaults to that count)") StoredItems stored) {
    }

    @Schema(name = "SeedVarianceRequest", description = "Scores per seed at each checkpoint")
    public record Seeds(
            @NotNull @Size(min = 1, max = 100_000) @Schema(required = true, description = "Checkpoint steps, increasing", example = "[1000, 2000, 3000]") List<@NotNull Long> steps,
            @NotNull @Size(max = 10_000) @Schema(required = true, description = "Per seed, one score per step; at least two seeds", example = "[[0.30, 0.35, 0.41], [0.32, 0.33, 0.44], [0.29, 0.37, 0.40]]")
            List<@NotNull @Size(max = 100_000) List<@NotNull @Finite Double>> scores) {
    }

    @Schema(name = "SignalToNoiseRequest", description = "Final scores of a population of models, the last checkpoints of one or more, and optionally small- and target-scale scores for decision accuracy")
    public record SignalNoise(
            @NotNull @Size(min = 2, max = 100_000) @Schema(required = true, example = "[0.40, 0.45, 0.52, 0.60]") List<@NotNull @Finite Double> finalScores,
            @NotNull @Size(min = 1, max = 10_000) @Schema(required = true, example = "[[0.59, 0.61, 0.60, 0.62, 0.58]]")
            List<@NotNull @Size(max = 100_000) List<@NotNull @Finite Double>> lastCheckpoints,
            @Size(max = 100_000) @Schema(description = "Candidates' small-scale scores", example = "[0.31, 0.35, 0.33]") List<@NotNull @Finite Double> small,
            @Size(max = 100_000) @Schema(description = "The same candidates at the target scale", example = "[0.52, 0.58, 0.55]") List<@NotNull @Finite Double> target) {
    }

    @Schema(name = "PassAtKProblem", description = "Samples drawn and samples correct for one problem")
    public record Problem(@NotNull @Min(1) @Schema(required = true, example = "200") Integer n, @NotNull @Min(0) @Schema(required = true, example = "13") Integer c) {
    }

    @Schema(name = "PassAtKRequest", description = "k and, per problem, n samples with c correct")
    public record PassAtK(
            @NotNull @Min(1) @Schema(required = true, example = "10") Integer k,
            @NotNull @Size(min = 1, max = 1_000_000) @Schema(required = true) List<@NotNull @Valid Problem> problems) {
    }
}
