package io.augur.forecast.api;

import io.augur.evaluation.store.EvaluationReader;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.forecast.api.ForecastRequests.SelectionInput;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Loads the stored evaluations a forecast {@code selection} names (one benchmark and metric, optional
 * model names or family) with their models' N, D and C, through the one {@link EvaluationReader}: plain
 * rows in canonical order (a re-import in another order gives identical numbers), and a 400 instead of
 * truncation beyond {@link ForecastRequests#MAX_POINTS} rows.
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

    private final EvaluationReader reader;

    private final CallerContext caller;

    public SelectionLoader(EvaluationReader reader, CallerContext caller) {
        this.reader = reader;
        this.caller = caller;
    }

    /** Reads the selection from the caller's workspace. */
    public Uni<Selected> load(SelectionInput s) {
        Workspace workspace = caller.workspace();
        return reader.benchmark(workspace, s.benchmark().strip())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("selection.benchmark",
                        "no benchmark named '" + s.benchmark() + "'"))
                .flatMap(b -> {
                    String metric = s.metric() != null ? s.metric().strip() : b.metric();
                    List<String> models = s.models() == null || s.models().isEmpty() ? null
                            : s.models().stream().map(String::strip).toList();
                    String family = s.family() == null ? null : s.family().strip();
                    return reader.read(workspace, new EvaluationReader.Filter(metric, List.of(b.name()), models, family, null),
                            ForecastRequests.MAX_POINTS, "selection")
                            .map(rows -> new Selected(b.name(), metric, b.chanceLevel(), rows.stream()
                                    .map(r -> new StoredPoint(r.model(), r.parameters(), r.trainingTokens(),
                                            r.trainingCompute(), r.step(), r.value(), r.successes(), r.attempts()))
                                    .toList()));
                });
    }
}
