package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one reader of stored evaluations for computations (step 2 of the pipeline): projection queries over
 * {@code evaluation} joined to {@code model} and {@code benchmark}, so no entity graph is loaded on the
 * event loop, in a canonical order (model, benchmark, metric, seed, step: the table's unique key), so a
 * selection gives the same rows in the same order whatever order they were imported in. A selection that
 * matches more rows than the caller allows is refused with a 400 naming the selection, never truncated.
 * The listing's page and by-id queries live here too, so no api class holds a query. Every query is scoped to
 * the caller's workspace.
 */
@ApplicationScoped
public class EvaluationReader {

    /** What to read; every filter is optional. A null metric means each benchmark's own metric. */
    public record Filter(String metric, List<String> benchmarks, List<String> models, String family, Long step) {
    }

    /** One stored evaluation with what computations need of its model and benchmark. */
    public record Row(String model, Long parameters, Double trainingTokens, Double trainingCompute, String benchmark,
            boolean higherIsBetter, Long seed, Long step, double value, Long successes, Long attempts) {
    }

    /** A benchmark's name, metric, direction and chance level. */
    public record BenchmarkInfo(String name, String metric, boolean higherIsBetter, Double chanceLevel) {
    }

    private final Mutiny.SessionFactory sessions;

    public EvaluationReader(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * One page of the listing, ordered by id, after the cursor id; every filter is optional (exact match). Runs in
     * the caller's session (the resource's {@code @WithSession}); entities are mapped to records there.
     */
    public Uni<List<EvaluationEntity>> page(Workspace workspace, String model, String family, String benchmark,
            String metric, long after, int limit) {
        StringBuilder q = new StringBuilder("from EvaluationEntity e join fetch e.model m join fetch e.benchmark b"
                + " where e.workspaceId = :workspace and e.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspace.id());
        params.put("after", after);
        filter(q, params, "m.name", "model", model);
        filter(q, params, "m.family", "family", family);
        filter(q, params, "b.name", "benchmark", benchmark);
        filter(q, params, "e.metric", "metric", metric);
        // range is inclusive: one row more than the page tells the caller there is a next page
        return EvaluationEntity.<EvaluationEntity>find(q + " order by e.id", params).range(0, limit).list();
    }

    /** The workspace's evaluation with its model and benchmark, or null (in the caller's session). */
    public Uni<EvaluationEntity> byId(Workspace workspace, UUID id) {
        return EvaluationEntity.<EvaluationEntity>find("from EvaluationEntity e join fetch e.model join fetch"
                + " e.benchmark where e.workspaceId = ?1 and e.publicId = ?2", workspace.id(), id).firstResult();
    }

    /** Deletes the workspace's evaluation; false when there is none (in the caller's transaction). */
    public Uni<Boolean> delete(Workspace workspace, UUID id) {
        return EvaluationEntity.delete("workspaceId = ?1 and publicId = ?2", workspace.id(), id).map(n -> n > 0);
    }

    private static void filter(StringBuilder q, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            q.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    /** The workspace's benchmark of that name, or null. */
    public Uni<BenchmarkInfo> benchmark(Workspace workspace, String name) {
        return sessions.withSession(s -> s.createSelectionQuery("select b.name, b.metric, b.higherIsBetter,"
                + " b.chanceLevel from BenchmarkEntity b where b.workspaceId = :workspace and b.name = :name",
                Object[].class).setParameter("workspace", workspace.id()).setParameter("name", name).getResultList())
                .map(list -> list.isEmpty() ? null : info(list.getFirst()));
    }

    private static BenchmarkInfo info(Object[] r) {
        return new BenchmarkInfo((String) r[0], (String) r[1], (Boolean) r[2], (Double) r[3]);
    }

    /**
     * The matching evaluations in canonical order; fails with a 400 naming {@code field} when more than
     * {@code maxRows} match.
     */
    public Uni<List<Row>> read(Workspace workspace, Filter f, int maxRows, String field) {
        StringBuilder q = new StringBuilder("select m.name, m.parameters, m.trainingTokens, m.trainingCompute, b.name,"
                + " b.higherIsBetter, e.seed, e.step, e.value, e.successes, e.attempts"
                + " from EvaluationEntity e join e.model m join e.benchmark b where e.workspaceId = :workspace and ");
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspace.id());
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
        q.append(" order by m.name, b.name, e.metric, e.seed nulls first, e.step nulls first");
        return sessions.withSession(s -> {
            Mutiny.SelectionQuery<Object[]> query = s.createSelectionQuery(q.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.setMaxResults(maxRows + 1).getResultList();
        }).map(list -> {
            if (list.size() > maxRows) {
                throw ProblemException.invalid(field, "matches more than " + maxRows + " stored evaluations; narrow it "
                        + "(benchmarks, models, family, metric or step) or send the data inline in parts");
            }
            return list.stream().map(r -> new Row((String) r[0], (Long) r[1], (Double) r[2], (Double) r[3], (String) r[4],
                    (Boolean) r[5], (Long) r[6], (Long) r[7], ((Number) r[8]).doubleValue(), (Long) r[9], (Long) r[10]))
                    .toList();
        });
    }
}
