package io.augur.reliability.api;

import io.augur.evaluation.store.ItemResultStore;
import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.ProblemException;
import io.augur.reliability.engine.ItemScores;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Step 2 of the pipeline for the reliability endpoints: a stored selection of item-level results (a benchmark and
 * models, imported by importItemResultsFromFile) resolved into the same {@link ItemScores} an inline request gives,
 * so the engine cannot tell them apart. Items are aligned across models: an item is used when every selected model
 * has at least one scored sample on it (the intersection, which a paired comparison needs); the others are left
 * out and counted. An item's scores are its scored samples in sample order. With {@code clusterBySubject} the
 * items' subjects are the clusters (every used item must have one).
 */
@ApplicationScoped
public class StoredItemSelections {

    /** What a stored selection resolved to, reported beside the result. */
    @Schema(name = "StoredItemsUsed", description = "The stored item results a computation used")
    public record Used(
            @Schema(example = "mmlu") String benchmark,
            @Schema(example = "[\"llama-3-8b\", \"mistral-7b\"]") List<String> models,
            @Schema(description = "Items in the benchmark's item list", example = "14042") int benchmarkItems,
            @Schema(description = "Items every selected model was scored on: the items used", example = "14000") int itemsUsed,
            @Schema(description = "Items scored for some selected models but not all: left out", example = "42") int itemsLeftOut,
            @Schema(description = "Most samples of one item of one model", example = "1") int maxSamplesPerItem,
            @Schema(description = "Clusters are the items' subjects", example = "false") boolean clusteredBySubject) {
    }

    /** Per model (in order) its aligned item scores, and what was used. */
    public record Resolved(Map<String, ItemScores> models, Used used) {
    }

    private final ItemResultStore store;
    private final ComputePool compute;

    public StoredItemSelections(ItemResultStore store, ComputePool compute) {
        this.store = store;
        this.compute = compute;
    }

    /**
     * Loads the selection (404 for a benchmark unknown to the workspace or without item results) and aligns it on
     * the compute pool. {@code minModels}/{@code maxModels} bound how many models the operation takes; errors name
     * {@code field}.models or {@code field}.clusterBySubject.
     */
    public Uni<Resolved> resolve(Workspace workspace, ReliabilityRequests.StoredItems selection, String field,
            int minModels, int maxModels) {
        List<String> models = selection.models() == null ? null : selection.models().stream().map(String::strip).toList();
        if (models != null) {
            if (new HashSet<>(models).size() != models.size()) {
                throw ProblemException.invalid(field + ".models", "a model is named twice");
            }
            if (models.size() < minModels || models.size() > maxModels) {
                throw ProblemException.invalid(field + ".models", countRule(minModels, maxModels) + ", got "
                        + models.size());
            }
        } else if (minModels == maxModels) {
            throw ProblemException.invalid(field + ".models", countRule(minModels, maxModels));
        }
        boolean cluster = Boolean.TRUE.equals(selection.clusterBySubject());
        String benchmark = selection.benchmark().strip();
        return store.select(workspace, benchmark, models, field + ".models", maxModels)
                .flatMap(s -> compute.submit(() -> align(s, benchmark, cluster, field, minModels, maxModels)));
    }

    private static String countRule(int min, int max) {
        return min == max ? "give exactly " + min + " model" + (min == 1 ? "" : "s")
                : "give " + min + " to " + max + " models";
    }

    static Resolved align(ItemResultStore.Selection s, String benchmark, boolean cluster, String field, int minModels,
            int maxModels) {
        int n = s.catalog().keys().length;
        Map<String, List<double[]>> byModel = new LinkedHashMap<>();
        for (ItemResultStore.StoredSeries series : s.series()) {
            byModel.computeIfAbsent(series.model(), k -> new ArrayList<>()).add(ItemResultStore.decode(series.scores()));
        }
        if (byModel.size() < minModels || byModel.size() > maxModels) {
            throw ProblemException.invalid(field + ".models", "benchmark '" + benchmark + "' has item results of "
                    + byModel.size() + " model(s); " + countRule(minModels, maxModels));
        }
        boolean[] every = new boolean[n];
        java.util.Arrays.fill(every, true);
        boolean[] some = new boolean[n];
        for (List<double[]> samples : byModel.values()) {
            boolean[] scored = new boolean[n];
            for (double[] v : samples) {
                for (int i = 0; i < Math.min(n, v.length); i++) {
                    scored[i] |= !Double.isNaN(v[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                every[i] &= scored[i];
                some[i] |= scored[i];
            }
        }
        int used = 0;
        int leftOut = 0;
        for (int i = 0; i < n; i++) {
            used += every[i] ? 1 : 0;
            leftOut += some[i] && !every[i] ? 1 : 0;
        }
        if (used < 2) {
            throw ProblemException.invalid(field + ".models", "the selected models share " + used + " scored item(s) on '"
                    + benchmark + "'; at least 2 are needed");
        }
        String[] clusters = null;
        if (cluster) {
            clusters = new String[used];
            for (int i = 0, k = 0; i < n; i++) {
                if (every[i]) {
                    if (s.catalog().subjects()[i] == null) {
                        throw ProblemException.invalid(field + ".clusterBySubject", "item '" + s.catalog().keys()[i]
                                + "' has no subject; import subjects for every item to cluster by them");
                    }
                    clusters[k++] = s.catalog().subjects()[i];
                }
            }
        }
        Map<String, ItemScores> out = new LinkedHashMap<>();
        int maxSamples = 0;
        for (Map.Entry<String, List<double[]>> e : byModel.entrySet()) {
            double[][] items = new double[used][];
            double[] buffer = new double[e.getValue().size()];
            for (int i = 0, k = 0; i < n; i++) {
                if (!every[i]) {
                    continue;
                }
                int m = 0;
                for (double[] v : e.getValue()) {
                    if (i < v.length && !Double.isNaN(v[i])) {
                        buffer[m++] = v[i];
                    }
                }
                items[k++] = java.util.Arrays.copyOf(buffer, m);
                maxSamples = Math.max(maxSamples, m);
            }
            out.put(e.getKey(), new ItemScores(items, clusters));
        }
        return new Resolved(out, new Used(benchmark, List.copyOf(out.keySet()), n, used, leftOut, maxSamples, cluster));
    }
}
