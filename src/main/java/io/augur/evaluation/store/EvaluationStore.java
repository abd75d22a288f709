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
import java.util.UUID;
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

    /** What a streamed import stored. */
    public record Imported(long received, long inserted, long replaced, int modelsCreated, int benchmarksCreated) {
    }

    // One statement per chunk: rows from parallel arrays, upserted by identity; the counts of new and
    // replaced rows come back in one row.
    private static final String UPSERT_MANY = """
            with up as (
                insert into evaluation (workspace_id, model_id, benchmark_id, metric, seed, step, value, std_error,
                                        successes, attempts)
                select $10, t.* from unnest($1::int8[], $2::int8[], $3::text[], $4::int8[], $5::int8[], $6::float8[],
                                     $7::float8[], $8::int8[], $9::int8[]) as t
                on conflict on constraint evaluation_identity do update
                   set value = excluded.value, std_error = excluded.std_error, successes = excluded.successes,
                       attempts = excluded.attempts, updated_at = now()
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted) as inserted, count(*) as rows from up""";

    /**
     * A streamed import in one transaction: chunks are pulled from {@code next} (empty ends the stream; a
     * failure, such as a bad row, rolls everything back) and each is upserted with one
     * {@code INSERT ... SELECT FROM unnest(...)} statement. Model and benchmark names are resolved once per
     * import; with {@code createMissing} the unknown ones are created (a benchmark with the metric of its first
     * row, or "score"), otherwise every row naming one is reported (at most {@code maxErrors}). A row repeating
     * the identity of an earlier row of the file replaces it, as it would replace a stored one.
     */
    public Uni<Imported> importRows(Workspace workspace, java.util.function.Supplier<Uni<List<Row>>> next,
            boolean createMissing, int maxErrors) {
        return pool.withTransaction(conn -> importStep(conn, workspace, new ImportState(), next, createMissing, maxErrors));
    }

    private static final class ImportState {
        final Map<String, long[]> models = new HashMap<>();
        final Map<String, Object[]> benchmarks = new HashMap<>();
        long received;
        long inserted;
        long replaced;
        int modelsCreated;
        int benchmarksCreated;
    }

    private Uni<Imported> importStep(SqlConnection conn, Workspace workspace, ImportState st,
            java.util.function.Supplier<Uni<List<Row>>> next, boolean createMissing, int maxErrors) {
        return next.get().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new Imported(st.received, st.inserted, st.replaced, st.modelsCreated,
                        st.benchmarksCreated));
            }
            return resolve(conn, workspace, st, rows, createMissing)
                    .flatMap(v -> upsertChunk(conn, workspace, st, rows, maxErrors))
                    .flatMap(v -> importStep(conn, workspace, st, next, createMissing, maxErrors));
        });
    }

    private static Uni<Void> resolve(SqlConnection conn, Workspace workspace, ImportState st, List<Row> rows,
            boolean createMissing) {
        Map<String, String> newModels = new java.util.LinkedHashMap<>();
        Map<String, String> newBenchmarks = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            if (!st.models.containsKey(r.model())) {
                newModels.putIfAbsent(r.model(), r.model());
            }
            if (!st.benchmarks.containsKey(r.benchmark())) {
                newBenchmarks.putIfAbsent(r.benchmark(), r.metric() == null ? "score" : r.metric());
            }
        }
        Uni<Void> models = newModels.isEmpty() ? Uni.createFrom().voidItem()
                : ids(conn, workspace, "model", List.copyOf(newModels.keySet())).flatMap(found -> {
                    found.forEach((name, idMetric) -> st.models.put(name, new long[] {(Long) idMetric[0]}));
                    String[] missing = newModels.keySet().stream().filter(n -> !found.containsKey(n)).toArray(String[]::new);
                    if (missing.length == 0 || !createMissing) {
                        return Uni.createFrom().voidItem();
                    }
                    return conn.preparedQuery("insert into model (workspace_id, name) select $2, unnest($1::text[]) "
                            + "on conflict on constraint model_name_unique do nothing returning id, name")
                            .execute(Tuple.of(missing, workspace.id())).flatMap(rs -> {
                                st.modelsCreated += rs.rowCount();
                                return ids(conn, workspace, "model", List.of(missing));
                            }).map(created -> {
                                created.forEach((name, idMetric) -> st.models.put(name, new long[] {(Long) idMetric[0]}));
                                return null;
                            });
                });
        return models.flatMap(v -> newBenchmarks.isEmpty() ? Uni.createFrom().voidItem()
                : ids(conn, workspace, "benchmark", List.copyOf(newBenchmarks.keySet())).flatMap(found -> {
                    st.benchmarks.putAll(found);
                    List<String> missing = newBenchmarks.keySet().stream().filter(n -> !found.containsKey(n)).toList();
                    if (missing.isEmpty() || !createMissing) {
                        return Uni.createFrom().voidItem();
                    }
                    String[] names = missing.toArray(new String[0]);
                    String[] metrics = missing.stream().map(newBenchmarks::get).toArray(String[]::new);
                    return conn.preparedQuery("insert into benchmark (workspace_id, name, metric) select $3, t.* from "
                            + "unnest($1::text[], $2::text[]) as t on conflict on constraint benchmark_name_unique do "
                            + "nothing returning id")
                            .execute(Tuple.of(names, metrics, workspace.id())).flatMap(rs -> {
                                st.benchmarksCreated += rs.rowCount();
                                return ids(conn, workspace, "benchmark", missing);
                            }).map(created -> {
                                st.benchmarks.putAll(created);
                                return null;
                            });
                }));
    }

    private static Uni<Void> upsertChunk(SqlConnection conn, Workspace workspace, ImportState st, List<Row> rows,
            int maxErrors) {
        List<FieldError> errors = new ArrayList<>();
        // the last row of each identity in the chunk (an earlier one is replaced by it, as across chunks)
        Map<List<Object>, Integer> last = new HashMap<>();
        long[] modelIds = new long[rows.size()];
        long[] benchmarkIds = new long[rows.size()];
        String[] metrics = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long[] m = st.models.get(r.model());
            Object[] b = st.benchmarks.get(r.benchmark());
            if (m == null && errors.size() < maxErrors) {
                errors.add(new FieldError("model", r.row(), "unknown model '" + r.model()
                        + "' (createMissing=true creates it)"));
            }
            if (b == null && errors.size() < maxErrors) {
                errors.add(new FieldError("benchmark", r.row(), "unknown benchmark '" + r.benchmark()
                        + "' (createMissing=true creates it)"));
            }
            if (m != null && b != null) {
                modelIds[i] = m[0];
                benchmarkIds[i] = (Long) b[0];
                metrics[i] = r.metric() != null ? r.metric() : (String) b[1];
                last.put(java.util.Arrays.asList(m[0], b[0], metrics[i], r.seed(), r.step()), i);
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalidRows(errors));
        }
        int n = last.size();
        Long[] a = new Long[n];
        Long[] b = new Long[n];
        String[] metric = new String[n];
        Long[] seed = new Long[n];
        Long[] step = new Long[n];
        Double[] value = new Double[n];
        Double[] se = new Double[n];
        Long[] succ = new Long[n];
        Long[] att = new Long[n];
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (last.get(java.util.Arrays.asList(modelIds[i], benchmarkIds[i], metrics[i], r.seed(), r.step())) != i) {
                continue;
            }
            a[k] = modelIds[i];
            b[k] = benchmarkIds[i];
            metric[k] = metrics[i];
            seed[k] = r.seed();
            step[k] = r.step();
            value[k] = r.value();
            se[k] = r.stdError();
            succ[k] = r.successes();
            att[k] = r.attempts();
            k++;
        }
        int duplicates = rows.size() - n;
        return conn.preparedQuery(UPSERT_MANY).execute(Tuple.from(new Object[] {a, b, metric, seed, step, value, se,
                succ, att, workspace.id()})).map(rs -> {
                    io.vertx.mutiny.sqlclient.Row row = rs.iterator().next();
                    long inserted = row.getLong("inserted");
                    st.received += rows.size();
                    st.inserted += inserted;
                    st.replaced += row.getLong("rows") - inserted + duplicates;
                    return null;
                });
    }

    /** An evaluation as exported, with its model and benchmark by name. */
    public record Exported(UUID id, String model, String benchmark, String metric, Long seed, Long step, double value,
            Double stdError, Long successes, Long attempts) {
    }

    /**
     * The evaluations matching every non-null filter (model name, model family, benchmark name, metric; each
     * a list of accepted values), ordered by id and streamed from a cursor (2,000 rows a fetch) inside a
     * read-only transaction, so a selection of millions is never held in memory.
     */
    public io.smallrye.mutiny.Multi<Exported> export(Workspace workspace, List<String> models, List<String> families,
            List<String> benchmarks, List<String> metrics) {
        String sql = """
                select e.public_id, m.name as model, b.name as benchmark, e.metric, e.seed, e.step, e.value, e.std_error,
                       e.successes, e.attempts
                  from evaluation e join model m on m.id = e.model_id join benchmark b on b.id = e.benchmark_id
                 where e.workspace_id = $5 and ($1::text[] is null or m.name = any($1)) and ($2::text[] is null or m.family = any($2))
                   and ($3::text[] is null or b.name = any($3)) and ($4::text[] is null or e.metric = any($4))
                 order by e.id""";
        Tuple args = Tuple.of(array(models), array(families), array(benchmarks), array(metrics), workspace.id());
        return io.smallrye.mutiny.Multi.createFrom().resourceFromUni(pool::getConnection, conn -> conn.begin()
                .onItem().transformToMulti(tx -> conn.prepare(sql).onItem()
                        .transformToMulti(ps -> ps.createStream(2000, args).toMulti())))
                .withFinalizer((java.util.function.Function<SqlConnection, Uni<Void>>) SqlConnection::close)
                .map(r -> new Exported(r.getUUID("public_id"), r.getString("model"), r.getString("benchmark"),
                        r.getString("metric"), r.getLong("seed"), r.getLong("step"), r.getDouble("value"),
                        r.getDouble("std_error"), r.getLong("successes"), r.getLong("attempts")));
    }

    private static String[] array(List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(new String[0]);
    }

    /** Model attributes read from a table: name, parameters N, training tokens D, training compute C (nulls absent). */
    public record ModelFacts(String name, Long parameters, Double trainingTokens, Double trainingCompute) {
    }

    /**
     * Creates the models of {@code facts} that do not exist, with their attributes, and fills the attributes
     * stored models lack (a stored value is never overwritten); then imports {@code rows} like
     * {@link #importRows}, in the same transaction.
     */
    public Uni<Imported> importWithModels(Workspace workspace, List<ModelFacts> facts, List<Row> rows,
            boolean createMissing, int maxErrors) {
        int n = facts.size();
        String[] names = new String[n];
        Long[] params = new Long[n];
        Double[] tokens = new Double[n];
        Double[] compute = new Double[n];
        for (int i = 0; i < n; i++) {
            names[i] = facts.get(i).name();
            params[i] = facts.get(i).parameters();
            tokens[i] = facts.get(i).trainingTokens();
            compute[i] = facts.get(i).trainingCompute();
        }
        String sql = createMissing ? """
                insert into model (workspace_id, name, parameters, training_tokens, training_compute)
                select $5, t.* from unnest($1::text[], $2::int8[], $3::float8[], $4::float8[]) as t
                on conflict on constraint model_name_unique do update
                   set parameters = coalesce(model.parameters, excluded.parameters),
                       training_tokens = coalesce(model.training_tokens, excluded.training_tokens),
                       training_compute = coalesce(model.training_compute, excluded.training_compute),
                       updated_at = now()
                returning (xmax = 0) as inserted""" : """
                update model m set parameters = coalesce(m.parameters, t.p), training_tokens = coalesce(m.training_tokens, t.d),
                       training_compute = coalesce(m.training_compute, t.c), updated_at = now()
                  from unnest($1::text[], $2::int8[], $3::float8[], $4::float8[]) as t(n, p, d, c)
                 where m.workspace_id = $5 and m.name = t.n
                returning false as inserted""";
        boolean[] sent = {false};
        return pool.withTransaction(conn -> conn.preparedQuery(sql)
                .execute(Tuple.of(names, params, tokens, compute, workspace.id()))
                .flatMap(rs -> {
                    int created = 0;
                    for (io.vertx.mutiny.sqlclient.Row r : rs) {
                        created += r.getBoolean("inserted") ? 1 : 0;
                    }
                    int made = created;
                    ImportState st = new ImportState();
                    return importStep(conn, workspace, st, () -> {
                        List<Row> next = sent[0] ? List.of() : rows;
                        sent[0] = true;
                        return Uni.createFrom().item(next);
                    }, createMissing, maxErrors).map(r -> new Imported(r.received(), r.inserted(), r.replaced(),
                            r.modelsCreated() + made, r.benchmarksCreated()));
                }));
    }
}
