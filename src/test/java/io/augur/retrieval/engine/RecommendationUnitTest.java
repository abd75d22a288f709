package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augur.retrieval.engine.recommendation.RecommendationEvaluation;
import io.augur.retrieval.engine.recommendation.RecommendationReport;
import io.augur.retrieval.engine.recommendation.UserRecommendations;
import io.augur.stats.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationUnitTest {

    static final Set<String> CATALOG = Set.of("a", "b", "c", "d", "e");

    @Test
    void metricsByHand() {
        List<UserRecommendations> lists = List.of(
                new UserRecommendations("u1", List.of("a", "b", "c")),
                new UserRecommendations("u2", List.of("a", "d", "e")),
                new UserRecommendations("u3", List.of("b")));
        Map<String, Map<String, Double>> rel = Map.of(
                "u1", Map.of("b", 1.0, "e", 1.0),
                "u2", Map.of("a", 2.0, "d", 1.0));
        Map<String, Long> pop = Map.of("a", 10L, "b", 5L, "c", 1L, "d", 0L, "e", 4L);
        RecommendationReport r = RecommendationEvaluation.evaluate(lists, rel, pop, CATALOG, 2, 0.95, 7, 500);
        // u1 top 2 = a, b: one hit of 2 relevant; first hit at rank 2
        // u2 top 2 = a (gain 2), d (gain 1): ideal order
        assertEquals(2, r.usersScored());
        assertEquals(1, r.usersWithoutRelevant());
        assertEquals((0.5 + 1.0) / 2, r.precision().mean(), 1e-12);
        assertEquals((0.5 + 1.0) / 2, r.recall().mean(), 1e-12);
        double ndcgU1 = (1 / log2(3)) / (1 + 1 / log2(3));
        assertEquals((ndcgU1 + 1.0) / 2, r.ndcg().mean(), 1e-12);
        assertEquals((0.5 + 1.0) / 2, r.mrr().mean(), 1e-12);
        // recommended at k=2: a (2x), b (2x), d (1x); c, e never
        assertEquals(3, r.distinctItemsRecommended());
        assertEquals(3.0 / 5, r.itemCoverage(), 1e-12);
        assertEquals(((10 + 5) / 2.0 + (10 + 0) / 2.0 + 5) / 3, r.averageRecommendationPopularity(), 1e-12);
        // counts sorted 0,0,1,2,2: sum (2j - 6) c_j = (-4)0 + (-2)0 + 0*1 + 2*2 + 4*2 = 12; / (5 * 5)
        assertEquals(12.0 / 25, r.giniIndex(), 1e-12);
        assertEquals(7, r.ndcg().seed());
    }

    @Test
    void duplicateItemsAndUnknownItemsAreRejected() {
        Map<String, Map<String, Double>> rel = Map.of("u1", Map.of("a", 1.0));
        assertThrows(InvalidInputException.class, () -> RecommendationEvaluation.evaluate(
                List.of(new UserRecommendations("u1", List.of("a", "a"))), rel, Map.of(), CATALOG, 5, 0.95, 1, 10));
        assertThrows(InvalidInputException.class, () -> RecommendationEvaluation.evaluate(
                List.of(new UserRecommendations("u1", List.of("zz"))), rel, Map.of(), CATALOG, 5, 0.95, 1, 10));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
