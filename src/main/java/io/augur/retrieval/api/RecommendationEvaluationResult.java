package io.augur.retrieval.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.augur.retrieval.engine.recommendation.Estimate;
import io.augur.retrieval.engine.recommendation.RecommendationReport;
import io.augur.retrieval.engine.recommendation.UserMetrics;
import io.augur.stats.Interval;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Top-k accuracy (with bootstrap intervals over users) and beyond-accuracy measures of recommendation lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RecommendationEvaluation", description = "Precision, recall, nDCG and MRR at k as means over users with"
        + " percentile bootstrap intervals, plus item coverage and popularity bias of the lists")
public record RecommendationEvaluationResult(
        @Schema(example = "10") int k,
        @Schema(description = "Users with a list and at least one relevant item (the n of the means)", example = "2") int usersScored,
        @Schema(description = "Users with a list but no relevant item, left out of the means", example = "0") int usersWithoutRelevant,
        @Schema(description = "P@k = hits / k (lists shorter than k are not padded)") Mean precision,
        @Schema(description = "R@k = hits / relevant items") Mean recall,
        @Schema(description = "nDCG@k with the given gains and log2 discount") Mean ndcg,
        @Schema(description = "MRR@k: 1 / rank of the first relevant item, 0 if none") Mean mrr,
        @Schema(description = "Descriptive measures of the submitted lists themselves (not estimates, so no interval)")
        Beyond beyondAccuracy,
        BootstrapReport bootstrap,
        @Schema(description = "Each scored user (only with perUser)") List<UserMetrics> perUser) {

    @Schema(name = "MeanOverUsers")
    public record Mean(
            @Schema(description = "Mean over scored users", example = "0.4") double estimate,
            @Schema(description = "Percentile bootstrap interval over users") Interval interval,
            @Schema(description = "Seed of the bootstrap", example = "42") long seed) {

        static Mean of(Estimate e) {
            return new Mean(e.mean(), e.interval(), e.seed());
        }
    }

    @Schema(name = "RecommendationBeyondAccuracy")
    public record Beyond(
            @Schema(description = "Distinct items in the top-k lists / catalogue size", example = "0.6") double itemCoverage,
            @Schema(example = "3") long distinctItemsRecommended,
            @Schema(example = "5") long catalogSize,
            @Schema(description = "Mean over users of the mean popularity of their top-k items (ARP)", example = "55.0")
            double averageRecommendationPopularity,
            @Schema(description = "Gini index of how often each catalogue item is recommended (0 even, 1 concentrated)",
                    example = "0.5") double giniIndex) {
    }

    static RecommendationEvaluationResult of(RecommendationReport r, BootstrapSettings.Used b, boolean perUser) {
        return new RecommendationEvaluationResult(r.k(), r.usersScored(), r.usersWithoutRelevant(), Mean.of(r.precision()),
                Mean.of(r.recall()), Mean.of(r.ndcg()), Mean.of(r.mrr()),
                new Beyond(r.itemCoverage(), r.distinctItemsRecommended(), r.catalogSize(),
                        r.averageRecommendationPopularity(), r.giniIndex()),
                b.report("percentile bootstrap over users"), perUser ? r.perUser() : null);
    }
}
