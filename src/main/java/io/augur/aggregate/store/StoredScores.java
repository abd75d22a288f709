package io.augur.aggregate.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads stored evaluations as score-table rows (model, benchmark, seed, value) for the aggregate
 * capability. One projection query over {@code evaluation} joined to {@code model} and
 * {@code benchmark}, no entities loaded. When no step is asked for, each (model, benchmark, seed)
 * keeps only its evaluation with the latest step (an absent step counts as the earliest), so a
 * learning curve contributes its final value once.
 */
@ApplicationScoped
public class StoredScores {

    /** The most rows one selection may read; more is rejected by the caller. */
    public static final int MAX_ROWS = 500_000;

    /** What to read; every filter is optional. A null metric means each benchmark's own metric. */
    public record Filter(String metric, List<String> benchmarks, List<String> models, String family, Long step) {
    }

    /** One stored value. */
    public record Row(String model, String benchmark, boolean higherIsBetter, Long seed, Long step, double value) {
    }

    /** The rows read, and whether more than {@link #MAX_ROWS} matched. */
    public record Result(List<Row> rows, boolean truncated) {
    }

    private final Mutiny.SessionFactory sessions;

    public StoredScores(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Result> load(Filter f) {
        StringBuilder q = new StringBuilder("select m.name, b.name, b.higherIsBetter, e.seed, e.step, e.value"
                + " from EvaluationEntity e join e.model m join e.benchmark b where ");
        Map<String, Object> params = new HashMap<>();
        if (f.metric() != null) {
            q.append("e.metric = :metric");
            params.put("metric", f.metric());
        } else {
            q.append("e.metric = b.metric");
        }
        if (f.benchmarks() != null && !f.benchmarks().isEmpty()) {
            q.append(" and b.name in :benchmarks");
            params.put("benchmarks", f.benchmarks());
        }
        if (f.models() != null && !f.models().isEmpty()) {
            q.append(" and m.name in :models");
            params.put("models", f.models());
        }
        if (f.family() != null) {
            q.append(" and m.family = :family");
            params.put("family", f.family());
        }
        if (f.step() != null) {
            q.append(" and e.step = :step");
            params.put("step", f.step());
        }
        q.append(" order by e.id");
        return sessions.withSession(s -> {
            Mutiny.SelectionQuery<Object[]> query = s.createSelectionQuery(q.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.setMaxResults(MAX_ROWS + 1).getResultList();
        }).map(list -> {
            boolean truncated = list.size() > MAX_ROWS;
            List<Object[]> raw = truncated ? list.subList(0, MAX_ROWS) : list;
            Map<List<Object>, Row> latest = new LinkedHashMap<>();
            for (Object[] r : raw) {
                Row row = new Row((String) r[0], (String) r[1], (Boolean) r[2], (Long) r[3], (Long) r[4], ((Number) r[5]).doubleValue());
                List<Object> key = new ArrayList<>(3);
                key.add(row.model());
                key.add(row.benchmark());
                key.add(row.seed());
                latest.merge(key, row, (a, b) -> later(b, a) ? b : a);
            }
            return new Result(List.copyOf(latest.values()), truncated);
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
