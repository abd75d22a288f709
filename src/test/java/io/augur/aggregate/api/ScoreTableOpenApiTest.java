package io.augur.aggregate.api;


import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document of this capability: ids, summaries, 400 problems, and examples that work when pasted. */
@QuarkusTest
class ScoreTableOpenApiTest {

    static final List<String> PATHS = List.of("/api/v1/score-tables/aggregates", "/api/v1/score-tables/performance-profile",
            "/api/v1/score-tables/probability-of-improvement", "/api/v1/score-tables/rankings", "/api/v1/rankings/agreement");

    @Test
    void everyExampleWorksWhenPasted() {
        io.augur.testing.OpenApiExamples.assertEveryExampleWorks(PATHS);
    }
}
