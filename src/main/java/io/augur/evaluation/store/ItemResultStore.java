package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-level results (model x item x score, optional subject, several samples per item), stored compactly and
 * scoped to a workspace (migration V6).
 *
 * <p>Layout, and why: a benchmark's items are numbered once in {@code item_catalog} (one row per benchmark: the
 * item keys and their subjects as two arrays, the position is the item's index); each (benchmark, model, sample)
 * series is one {@code item_result} row whose {@code scores} is a packed array of float64 little-endian, 8 bytes
 * per item of the catalog, NaN for an item the model was not scored on (a series written before the catalog grew
 * is shorter: the missing tail is "not scored"). 10 M cells (100 models x 100,000 items) are 100 rows of 800 kB
 * and one catalog row, written with a handful of statements instead of 10 M inserts, read back whole (every
 * capability that uses item results reads whole series: error bars, paired tests, item response models), and
 * 8 bytes a cell on disk instead of a ~60-byte row each. The price: one cell cannot be updated alone (an import
 * replaces whole series) and selections by item are done in memory, both fine for results that are written in
 * bulk by an evaluation run and read in bulk. A float8[] column would cost the same on disk but a text or binary
 * array encoding per element on the wire; bytea is a single copy.
 *
 * <p>Re-importing a (benchmark, model) <em>replaces</em> it: every stored sample of that model on that benchmark is
 * deleted and the file's samples are written (a re-run of an evaluation supersedes the old run; keeping a mix of
 * two runs' samples would silently mix harness versions). The catalog only grows: new items are appended, an item
 * given a subject takes it (the file's subject wins). Deleting a model or a benchmark deletes its series and
 * catalog by foreign-key cascade.
 *
 * <p>Models and benchmarks are named; with {@code createMissing} unknown ones are created in the same transaction
 * (a benchmark with metric "score") by the {@link NameResolver} of the evaluation import, so the whole import is one
 * all-or-nothing transaction.
 */
@ApplicationScoped
public class ItemResultStore {

    /** Series packed and inserted per statement batch: bounds the memory held for the wire (8 x 800 kB). */
    static final int SERIES_PER_BATCH = 8;

    /** One model's scores for one sample on the file's items: {@code scores[i]} for the file's item i, NaN missing. */
    public record Series(String model, int sample, double[] scores, int scored) {
    }

    /** A benchmark's items as the file gives them (subjects: null where none) and its series. */
    public record BenchmarkItems(String benchmark, long line, List<String> keys, List<String> subjects,
            List<Series> series) {
    }

    /** A parsed file: its benchmarks, the line where each model first appears (for errors), its cell count. */
    public record Upload(List<BenchmarkItems> benchmarks, Map<String, Long> modelLines, long cells) {
    }

    /** What an import stored. */
    public record Imported(long cells, int series, int seriesReplaced, int itemsAdded, int modelsCreated,
            int benchmarksCreated) {
    }

    /** A benchmark's item catalog. */
    public record Catalog(String benchmark, String[] keys, String[] subjects) {
    }

    /** One stored series: its scores packed (decode with {@link #decode}). */
    public record StoredSeries(String model, int sample, byte[] scores) {
    }

    /** A catalog and the selected series, ordered by model as requested (else by name) then sample. */
    public record Selection(Catalog catalog, List<StoredSeries> series) {
    }

    /** What is stored for one model on a benchmark. */
    public record ModelSummary(String model, int samples, long cellsScored) {
    }

    /** What is stored for a benchmark. */
    public record BenchmarkSummary(String benchmark, int items, int subjects, List<ModelSummary> models) {
    }

    private final Pool pool;
    private final ComputePool compute;

    public ItemResultStore(Pool pool, ComputePool compute) {
        this.pool = pool;
        this.compute = compute;
    }

    /** float64 little-endian, as stored. */
    public static double[] decode(byte[] packed) {
        double[] out = new double[packed.length / 8];
        ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    static byte[] encode(double[] values) {
        byte[] out = new byte[values.length * 8];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(values);
        return out;
    }

    private static final class ImportState {
        final NameResolver models;
        final NameResolver benchmarks;
        int series;
        int replaced;
        int itemsAdded;

        ImportState(boolean createMissing) {
            models = NameResolver.models(createMissing);
            benchmarks = NameResolver.benchmarks(createMissing);
        }
    }

    /** Imports a parsed file in one transaction, all or nothing (see the class comment for the rules). */
    public Uni<Imported> importItems(Workspace workspace, Upload upload, boolean createMissing, int maxErrors) {
        Map<String, Long> benchmarkLines = new LinkedHashMap<>();
        upload.benchmarks().forEach(b -> benchmarkLines.put(b.benchmark(), b.line()));
        ImportState st = new ImportState(createMissing);
        upload.modelLines().keySet().forEach(name -> st.models.want(name, null));
        benchmarkLines.keySet().forEach(name -> st.benchmarks.want(name, null));
        return pool.withTransaction(conn -> st.models.resolve(conn, workspace, 0)
                .flatMap(v -> st.benchmarks.resolve(conn, workspace, 0))
                .flatMap(v -> {
                    List<FieldError> errors = new ArrayList<>();
                    unknown(errors, "model", upload.modelLines(), st.models, maxErrors);
                    unknown(errors, "benchmark", benchmarkLines, st.benchmarks, maxErrors);
                    if (!errors.isEmpty()) {
                        errors.sort(java.util.Comparator.comparing(FieldError::row));
                        return Uni.createFrom().failure(ProblemException.invalidRows(errors));
                    }
                    return benchmarkStep(conn, workspace, upload.benchmarks(), 0, st);
                }).map(v -> new Imported(upload.cells(), st.series, st.replaced, st.itemsAdded, st.models.created(),
                        st.benchmarks.created())));
    }

    private static void unknown(List<FieldError> errors, String what, Map<String, Long> lines, NameResolver names,
            int maxErrors) {
        lines.forEach((name, line) -> {
            if (names.get(name) == null && errors.size() < maxErrors) {
                errors.add(new FieldError(what, line, "unknown " + what + " '" + name
                        + "' (createMissing=true creates it)"));
            }
        });
    }

    /** The file's item index -> the catalog's, and the catalog after the merge. */
    private record Merged(int[] index, String[] keys, String[] subjects, int added, boolean changed) {
    }

    private Uni<Void> benchmarkStep(SqlConnection conn, Workspace workspace, List<BenchmarkItems> benchmarks, int at,
            ImportState st) {
        if (at == benchmarks.size()) {
            return Uni.createFrom().voidItem();
        }
        BenchmarkItems b = benchmarks.get(at);
        long benchmarkId = st.benchmarks.get(b.benchmark()).id();
        // The catalog row must exist before it is locked: FOR UPDATE on no row locks nothing, and two imports creating
        // one benchmark's items would both merge against an empty list, the later one's order overwriting the positions
        // the earlier one's scores were written in. An empty row, inserted or found, is locked by the first import and
        // makes the second wait for it and merge against what it committed.
        return conn.preparedQuery("insert into item_catalog (benchmark_id, workspace_id, item_keys, subjects) values "
                + "($1, $2, '{}', '{}') on conflict (benchmark_id) do nothing").execute(Tuple.of(benchmarkId, workspace.id()))
                .flatMap(placed -> conn.preparedQuery("select item_keys, subjects from item_catalog where benchmark_id = $1 "
                        + "and workspace_id = $2 for update").execute(Tuple.of(benchmarkId, workspace.id())))
                .flatMap(rs -> {
                    String[] keys = null;
                    String[] subjects = null;
                    for (Row r : rs) {
                        keys = r.getArrayOfStrings("item_keys");
                        subjects = r.getArrayOfStrings("subjects");
                    }
                    String[] k = keys;
                    String[] s = subjects;
                    return compute.submit(() -> merge(k, s, b));
                })
                .flatMap(m -> {
                    st.itemsAdded += m.added();
                    Uni<Void> catalog = !m.changed() ? Uni.createFrom().voidItem()
                            : conn.preparedQuery("update item_catalog set item_keys = $3, subjects = $4, updated_at = now() "
                                    + "where benchmark_id = $1 and workspace_id = $2")
                                    .execute(Tuple.of(benchmarkId, workspace.id(), m.keys(), m.subjects())).replaceWithVoid();
                    Long[] models = b.series().stream().map(x -> st.models.get(x.model()).id()).distinct().toArray(Long[]::new);
                    return catalog.flatMap(v -> conn.preparedQuery("delete from item_result where benchmark_id = $1 and "
                            + "workspace_id = $2 and model_id = any($3)").execute(Tuple.of(benchmarkId, workspace.id(), models)))
                            .flatMap(rs -> {
                                st.replaced += rs.rowCount();
                                return seriesStep(conn, workspace, benchmarkId, b.series(), 0, m, st);
                            });
                })
                .flatMap(v -> benchmarkStep(conn, workspace, benchmarks, at + 1, st));
    }

    private static Merged merge(String[] storedKeys, String[] storedSubjects, BenchmarkItems b) {
        int stored = storedKeys == null ? 0 : storedKeys.length;
        Map<String, Integer> position = new HashMap<>(stored * 2 + 16);
        for (int i = 0; i < stored; i++) {
            position.put(storedKeys[i], i);
        }
        List<String> keys = new ArrayList<>(stored + b.keys().size());
        List<String> subjects = new ArrayList<>(stored + b.keys().size());
        for (int i = 0; i < stored; i++) {
            keys.add(storedKeys[i]);
            subjects.add(storedSubjects[i]);
        }
        int[] index = new int[b.keys().size()];
        boolean changed = stored == 0;
        int added = 0;
        for (int i = 0; i < index.length; i++) {
            String key = b.keys().get(i);
            String subject = b.subjects().get(i);
            Integer at = position.get(key);
            if (at == null) {
                at = keys.size();
                keys.add(key);
                subjects.add(subject);
                added++;
                changed = true;
            } else if (subject != null && !subject.equals(subjects.get(at))) {
                subjects.set(at, subject);
                changed = true;
            }
            index[i] = at;
        }
        return new Merged(index, keys.toArray(String[]::new), subjects.toArray(String[]::new), added, changed);
    }

    private static final String INSERT_SERIES = "insert into item_result (workspace_id, benchmark_id, model_id, sample, "
            + "scored, scores) values ($1, $2, $3, $4, $5, $6)";

    private Uni<Void> seriesStep(SqlConnection conn, Workspace workspace, long benchmarkId, List<Series> series, int at,
            Merged m, ImportState st) {
        if (at >= series.size()) {
            return Uni.createFrom().voidItem();
        }
        int end = Math.min(series.size(), at + SERIES_PER_BATCH);
        return compute.submit(() -> {
            List<Tuple> tuples = new ArrayList<>(end - at);
            for (int k = at; k < end; k++) {
                Series s = series.get(k);
                double[] packed = new double[m.keys().length];
                Arrays.fill(packed, Double.NaN);
                int n = Math.min(s.scores().length, m.index().length);
                for (int i = 0; i < n; i++) {
                    double v = s.scores()[i];
                    if (!Double.isNaN(v)) {
                        packed[m.index()[i]] = v;
                    }
                }
                tuples.add(Tuple.from(new Object[] {workspace.id(), benchmarkId, st.models.get(s.model()).id(), s.sample(),
                        s.scored(), io.vertx.core.buffer.Buffer.buffer(encode(packed))}));
            }
            return tuples;
        }).flatMap(tuples -> conn.preparedQuery(INSERT_SERIES).executeBatch(tuples))
                .flatMap(rs -> {
                    st.series += end - at;
                    return seriesStep(conn, workspace, benchmarkId, series, end, m, st);
                });
    }

    /** The benchmark's id and catalog; 404 when the workspace has no such benchmark or it has no item results. */
    private static Uni<Object[]> catalog(SqlConnection conn, Workspace workspace, String benchmark) {
        return conn.preparedQuery("select b.id, c.item_keys, c.subjects from benchmark b left join item_catalog c on "
                + "c.benchmark_id = b.id where b.workspace_id = $1 and b.name = $2")
                .execute(Tuple.of(workspace.id(), benchmark)).map(rs -> {
                    for (Row r : rs) {
                        if (r.getValue("item_keys") == null) {
                            throw new ProblemException(404, "/problems/not-found", "Not found", "benchmark '" + benchmark
                                    + "' has no item results", null, null);
                        }
                        return new Object[] {r.getLong("id"), new Catalog(benchmark, r.getArrayOfStrings("item_keys"),
                                r.getArrayOfStrings("subjects"))};
                    }
                    throw ProblemException.notFound("benchmark", "'" + benchmark + "'");
                });
    }

    /** The benchmark's id (without reading its catalog); 404 as {@link #catalog(SqlConnection, Workspace, String)}. */
    private static Uni<Long> benchmarkWithItems(SqlConnection conn, Workspace workspace, String benchmark) {
        return conn.preparedQuery("select b.id, c.benchmark_id is not null as has_items from benchmark b left join "
                + "item_catalog c on c.benchmark_id = b.id where b.workspace_id = $1 and b.name = $2")
                .execute(Tuple.of(workspace.id(), benchmark)).map(rs -> {
                    for (Row r : rs) {
                        if (!r.getBoolean("has_items")) {
                            throw new ProblemException(404, "/problems/not-found", "Not found", "benchmark '" + benchmark
                                    + "' has no item results", null, null);
                        }
                        return r.getLong("id");
                    }
                    throw ProblemException.notFound("benchmark", "'" + benchmark + "'");
                });
    }

    /**
     * The benchmark's catalog and the series of {@code models} (all models when null), in the order of
     * {@code models} (else by model name), then by sample. 404 when the benchmark does not exist in the workspace
     * or has no item results; a named model without item results on it is a 400 naming {@code field[i]}, and so is
     * a benchmark with item results of more than {@code maxModels} models when none are named (counted before any
     * series is read, so the answer's memory stays bounded).
     */
    public Uni<Selection> select(Workspace workspace, String benchmark, List<String> models, String field, int maxModels) {
        return pool.withTransaction(conn -> catalog(conn, workspace, benchmark).flatMap(c -> models != null
                ? Uni.createFrom().item(c)
                : conn.preparedQuery("select count(distinct model_id) from item_result where workspace_id = $1 and "
                        + "benchmark_id = $2").execute(Tuple.of(workspace.id(), c[0])).map(rs -> {
                            long stored = rs.iterator().next().getLong(0);
                            if (stored > maxModels) {
                                throw ProblemException.invalid(field, "benchmark '" + benchmark + "' has item results of "
                                        + stored + " models, more than the " + maxModels + " this request reads: name them");
                            }
                            return c;
                        })).flatMap(c -> conn.preparedQuery(
                "select m.name, r.sample, r.scores from item_result r join model m on m.id = r.model_id where "
                        + "r.workspace_id = $1 and r.benchmark_id = $2 and ($3::text[] is null or m.name = any($3)) "
                        + "order by m.name, r.sample")
                .execute(Tuple.of(workspace.id(), c[0], models == null ? null : models.toArray(String[]::new)))
                .map(rs -> {
                    Map<String, List<StoredSeries>> byModel = new LinkedHashMap<>();
                    for (Row r : rs) {
                        byModel.computeIfAbsent(r.getString("name"), k -> new ArrayList<>()).add(new StoredSeries(
                                r.getString("name"), r.getInteger("sample"), r.getBuffer("scores").getBytes()));
                    }
                    List<StoredSeries> out = new ArrayList<>();
                    if (models == null) {
                        byModel.values().forEach(out::addAll);
                    } else {
                        for (int i = 0; i < models.size(); i++) {
                            List<StoredSeries> s = byModel.get(models.get(i));
                            if (s == null) {
                                throw ProblemException.invalid(field + "[" + i + "]", "model '" + models.get(i)
                                        + "' has no item results on benchmark '" + benchmark + "'");
                            }
                            out.addAll(s);
                        }
                    }
                    return new Selection((Catalog) c[1], out);
                })));
    }

    /** What is stored, per benchmark with item results (only {@code benchmark} when given: 404 when it has none). */
    public Uni<List<BenchmarkSummary>> summary(Workspace workspace, String benchmark) {
        String sql = """
                select b.name as benchmark, c.items, c.subjects, m.name as model, count(r.id) as samples,
                       coalesce(sum(r.scored), 0) as scored
                  from (select benchmark_id, cardinality(item_keys) as items,
                               (select count(distinct s) from unnest(subjects) s) as subjects
                          from item_catalog where workspace_id = $1) c
                  join benchmark b on b.id = c.benchmark_id
                  left join item_result r on r.benchmark_id = c.benchmark_id
                  left join model m on m.id = r.model_id
                 where $2::text is null or b.name = $2
                 group by b.name, c.items, c.subjects, m.name
                 order by b.name, m.name""";
        Uni<Void> exists = benchmark == null ? Uni.createFrom().voidItem()
                : pool.withConnection(conn -> benchmarkWithItems(conn, workspace, benchmark)).replaceWithVoid();
        return exists.flatMap(v -> pool.preparedQuery(sql).execute(Tuple.of(workspace.id(), benchmark)).map(rs -> {
            Map<String, BenchmarkSummary> out = new LinkedHashMap<>();
            for (Row r : rs) {
                BenchmarkSummary s = out.computeIfAbsent(r.getString("benchmark"), k -> new BenchmarkSummary(k,
                        r.getInteger("items"), r.getInteger("subjects"), new ArrayList<>()));
                if (r.getString("model") != null) {
                    s.models().add(new ModelSummary(r.getString("model"), r.getInteger("samples"), r.getLong("scored")));
                }
            }
            return List.copyOf(out.values());
        }));
    }

    /** The catalog of a benchmark (404 as in {@link #select}), for an export's precondition. */
    public Uni<Catalog> catalog(Workspace workspace, String benchmark) {
        return pool.withConnection(conn -> catalog(conn, workspace, benchmark)).map(c -> (Catalog) c[1]);
    }

    /**
     * The series of a benchmark (of {@code models} when given), streamed from a cursor two rows a fetch inside a
     * read-only transaction, so only a couple of series are held at a time whatever the benchmark's size.
     */
    public Multi<StoredSeries> stream(Workspace workspace, String benchmark, List<String> models) {
        String sql = """
                select m.name, r.sample, r.scores from item_result r join model m on m.id = r.model_id
                  join benchmark b on b.id = r.benchmark_id
                 where r.workspace_id = $1 and b.name = $2 and ($3::text[] is null or m.name = any($3))
                 order by m.name, r.sample""";
        Tuple args = Tuple.of(workspace.id(), benchmark, models == null || models.isEmpty() ? null
                : models.toArray(String[]::new));
        return Multi.createFrom().resourceFromUni(pool::getConnection, conn -> conn.begin()
                .onItem().transformToMulti(tx -> conn.prepare(sql).onItem()
                        .transformToMulti(ps -> ps.createStream(2, args).toMulti())))
                .withFinalizer((java.util.function.Function<SqlConnection, Uni<Void>>) SqlConnection::close)
                .map(r -> new StoredSeries(r.getString("name"), r.getInteger("sample"), r.getBuffer("scores").getBytes()));
    }

    /**
     * Deletes the item results of a benchmark: of {@code models} when given (their series), else all of them (the
     * catalog too). 404 when the benchmark does not exist in the workspace or has no item results. Returns the
     * number of series deleted.
     */
    public Uni<Integer> delete(Workspace workspace, String benchmark, List<String> models) {
        return pool.withTransaction(conn -> benchmarkWithItems(conn, workspace, benchmark).flatMap(id -> {
            if (models == null || models.isEmpty()) {
                return conn.preparedQuery("delete from item_result where benchmark_id = $1 and workspace_id = $2")
                        .execute(Tuple.of(id, workspace.id())).flatMap(rs -> conn.preparedQuery(
                                "delete from item_catalog where benchmark_id = $1 and workspace_id = $2")
                                .execute(Tuple.of(id, workspace.id())).replaceWith(rs.rowCount()));
            }
            return conn.preparedQuery("delete from item_result r using model m where r.model_id = m.id and "
                    + "r.benchmark_id = $1 and r.workspace_id = $2 and m.name = any($3)")
                    .execute(Tuple.of(id, workspace.id(), models.toArray(String[]::new))).map(rs -> rs.rowCount());
        }));
    }
}
