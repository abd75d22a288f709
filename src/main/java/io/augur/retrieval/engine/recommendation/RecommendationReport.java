package io.augur.retrieval.engine.recommendation;

import java.util.List;

/**
 * Accuracy and beyond-accuracy measures of recommendation lists at k.
 *
 * @param usersScored                  users with a list and at least one relevant item (the averages' n)
 * @param usersWithoutRelevant         users with a list but no relevant item (left out of the averages)
 * @param itemCoverage                 distinct items in the top-k lists / catalog size
 * @param averageRecommendationPopularity mean over users of the mean popularity of their top-k items
 * @param giniIndex                    Gini index of how often each catalog item is recommended (0 equal, 1 concentrated)
 */
public record RecommendationReport(int k, int usersScored, int usersWithoutRelevant, Estimate precision,
        Estimate recall, Estimate ndcg, Estimate mrr, long distinctItemsRecommended, long catalogSize,
        double itemCoverage, double averageRecommendationPopularity, double giniIndex, List<UserMetrics> perUser) {
    public RecommendationReport {
        perUser = List.copyOf(perUser);
    }
}
