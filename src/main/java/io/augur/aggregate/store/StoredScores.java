package io.augur.aggregate.store;

import io.augur.evaluation.store.EvaluationReader;
import io.augur.platform.auth.Workspace;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stored evaluations as score-table rows (model, benchmark, seed, value) for the aggregate capability,
 * read through the one {@link EvaluationReader} (projection, canonical order, a 400 beyond
 * {@link #MAX_ROWS}). When no step is asked for, each (model, benchmark, seed) keeps only its evaluation
 * with the latest step (an absent step counts as the earliest), so a learning curve contributes its final
 * value once.
 */
@ApplicationScoped
public class StoredScores {

    /** The most rows one selection may read; more is rejected with a 400 naming the selection. */
    public static final int MAX_ROWS = 500_000;

    /** What to read; every filter is optional. A null metric means each benchmark's own metric. */
    public record Filter(String metric, List<String> benchmarks, List<String> models, String family, Long step) {
    }

    /** One stored value. */
    public record Row(String model, String benchmark, boolean higherIsBetter, Long seed, Long step, double value) {
    }

    private final EvaluationReader reader;

    public StoredScores(EvaluationReader reader) {
        this.reader = reader;
    }

    /** The workspace's scores matching the filter. */
    public Uni<List<Row>> load(Workspace workspace, Filter f) {
        return reader.read(workspace, new EvaluationReader.Filter(f.metric(), f.benchmarks(), f.models(), f.family(), f.step()),
                MAX_ROWS, "selection").map(list -> {
                    Map<List<Object>, Row> latest = new LinkedHashMap<>();
                    for (EvaluationReader.Row r : list) {
                        Row row = new Row(r.model(), r.benchmark(), r.higherIsBetter(), r.seed(), r.step(), r.value());
                        List<Object> key = new ArrayList<>(3);
                        key.add(row.model());
                        key.add(row.benchmark());
                        key.add(row.seed());
                        latest.merge(key, row, (a, b) -> later(b, a) ? b : a);
                    }
                    return List.copyOf(latest.values());
                });
    }

    /** Whether {@code b} has a later step than {@code a} (absent = earliest). */
    private static boolean later(Row b, Row a) {
        if (Objects.equals(a.step(), b.step())) {
            return false;
        }
        return a.step() == null || (b.step() != null && b.step() > a.step());
    }
}
