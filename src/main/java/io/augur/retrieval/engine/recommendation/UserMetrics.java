package io.augur.retrieval.engine.recommendation;

/** Ranking quality of one user's list at k (users without relevant items are not scored). */
public record UserMetrics(String user, double precision, double recall, double ndcg, double reciprocalRank) {
}
