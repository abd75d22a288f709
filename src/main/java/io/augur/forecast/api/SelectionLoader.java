package io.augur.forecast.api;

import io.augur.evaluation.store.BenchmarkEntity;
import io.augur.evaluation.store.EvaluationEntity;
import io.augur.forecast.api.ForecastRequests.SelectionInput;
import io.augur.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the stored evaluations a forecast {@code selection} names (one benchmark and metric, optional
 * model names or family) with their models' N, D and C, as plain rows: entities never leave the session.
 */
@ApplicationScoped
public class SelectionLoader {

    /** One stored evaluation with what the forecast needs of its model. */
    public record StoredPoint(String model, Long parameters, Double trainingTokens, Double trainingCompute, Long step,
            double value, Long successes, Long attempts) {
    }

    /** The selection's benchmark, metric and chance level, and its evaluations. */
    public record Selected(String benchmark, String metric, Double chanceLevel, List<StoredPoint> rows) {
    }

    public Uni<Selected> load(SelectionInput s) {
        return Panache.withSession(() -> BenchmarkEntity.<BenchmarkEntity>find("name", s.benchmark().strip()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.invalid("selection.benchmark",
                        "no benchmark named '" + s.benchmark() + "'"))
                .flatMap(b -> {
                    String metric = s.metric() != null ? s.metric().strip() : b.metric;
                    StringBuilder q = new StringBuilder(
                            "from EvaluationEntity e join fetch e.model m where e.benchmark.id = :benchmark and e.metric = :metric");
                    Map<String, Object> params = new HashMap<>();
                    params.put("benchmark", b.id);
                    params.put("metric", metric);
                    if (s.models() != null && !s.models().isEmpty()) {
                        q.append(" and m.name in :models");
                        params.put("models", s.models().stream().map(String::strip).toList());
                    }
                    if (s.family() != null) {
                        q.append(" and m.family = :family");
                        params.put("family", s.family().strip());
                    }
                    return EvaluationEntity.<EvaluationEntity>find(q + " order by e.id", params)
                            .range(0, ForecastRequests.MAX_POINTS).list()
                            .map(list -> new Selected(b.name, metric, b.chanceLevel, list.stream()
                                    .map(e -> new StoredPoint(e.model.name, e.model.parameters, e.model.trainingTokens,
                                            e.model.trainingCompute, e.step, e.value, e.successes, e.attempts))
                                    .toList()));
                }));
    }
}
