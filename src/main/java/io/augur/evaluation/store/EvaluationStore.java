package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk upsert of evaluations in one transaction: all rows or none. Model and benchmark names are
 * resolved in one query each; unknown names fail the whole batch with every offending row named.
 * Rows go to PostgreSQL as one pipelined batch of {@code INSERT ... ON CONFLICT DO UPDATE}, which is
 * what keeps a 10,000-row import well under a second (row-by-row ORM persists would not).
 */
@ApplicationScoped
public class EvaluationStore {

    /** One row to store; {@code row} is its 1-based position in the caller's batch, for errors. */
    public record Row(long row, String model, String benchmark, String metric, Long seed, Long step, double value,
            Double stdError, Long successes, Long attempts) {
    }

    /** How many rows were new and how many replaced a stored identity. */
    public record Outcome(int inserted, int replaced) {
    }

    private static final String UPSERT = """
            insert into evaluation (model_id, benchmark_id, metric, seed, step, value, std_error, successes, attempts,
                                    workspace_id, public_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, gen_random_uuid())
            on conflict on constraint evaluation_identity do update
               set value = excluded.value, std_error = excluded.std_error, successes = excluded.successes,
                   attempts = excluded.attempts, updated_at = now()
            returning (xmax = 0) as inserted""";

    private final Pool pool;

    public EvaluationStore(Pool pool) {
        this.pool = pool;
    }

    /** Upserts the rows into the workspace; model and benchmark names are the workspace's. */
    public Uni<Outcome> upsert(Workspace workspace, List<Row> rows, int maxErrors) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0));
        }
        return pool.withTransaction(conn -> ids(conn, workspace, "model", rows.stream().map(Row::model).toList())
                .flatMap(models -> ids(conn, workspace, "benchmark", rows.stream().map(Row::benchmark).toList())
                        .flatMap(benchmarks -> {
                            List<FieldError> errors = new ArrayList<>();
                            List<Tuple> tuples = new ArrayList<>(rows.size());
                            for (Row r : rows) {
                                Object[] m = models.get(r.model());
                                Object[] b = benchmarks.get(r.benchmark());
                                if (m == null && errors.size() < maxErrors) {
                                    errors.add(new FieldError("model", r.row(), "unknown model '" + r.model() + "'"));
                                }
                                if (b == null && errors.size() < maxErrors) {
                                    errors.add(new FieldError("benchmark", r.row(),
                                            "unknown benchmark '" + r.benchmark() + "'"));
                                }
                                if (m != null && b != null) {
                                    String metric = r.metric() != null ? r.metric() : (String) b[1];
                                    tuples.add(Tuple.from(new Object[] {m[0], b[0], metric, r.seed(), r.step(),
                                            r.value(), r.stdError(), r.successes(), r.attempts(), workspace.id()}));
                                }
                            }
                            if (!errors.isEmpty()) {
                                return Uni.createFrom().failure(ProblemException.invalidRows(errors));
                            }
                            return conn.preparedQuery(UPSERT).executeBatch(tuples).map(EvaluationStore::count);
                        })));
    }

    private static Outcome count(RowSet<io.vertx.mutiny.sqlclient.Row> first) {
        int inserted = 0;
        int replaced = 0;
        for (RowSet<io.vertx.mutiny.sqlclient.Row> rs = first; rs != null; rs = rs.next()) {
            for (io.vertx.mutiny.sqlclient.Row row : rs) {
                if (row.getBoolean("inserted")) {
                    inserted++;
                } else {
                    replaced++;
                }
            }
        }
        return new Outcome(inserted, replaced);
    }

    /** name -> {id, metric} for the names that exist in {@code table} (model or benchmark). */
    private static Uni<Map<String, Object[]>> ids(SqlConnection conn, Workspace workspace, String table,
            List<String> names) {
        Set<String> distinct = new LinkedHashSet<>(names);
        String metric = table.equals("benchmark") ? "metric" : "null";
        return conn.preparedQuery("select id, name, " + metric + " as metric from " + table
                + " where workspace_id = $1 and name = any($2)")
                .execute(Tuple.of(workspace.id(), distinct.toArray(new String[0])))
                .map(rs -> {
                    Map<String, Object[]> out = new HashMap<>();
                    for (io.vertx.mutiny.sqlclient.Row row : rs) {
                        out.put(row.getString("name"), new Object[] {row.getLong("id"), row.getString("metric")});
                    }
                    return out;
                });
    }
}
