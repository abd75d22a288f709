package io.augur.retrieval.engine.recommendation;

import java.util.List;

/** The ranked list recommended to one user, best first. */
public record UserRecommendations(String user, List<String> items) {
    public UserRecommendations {
        items = List.copyOf(items);
    }
}
