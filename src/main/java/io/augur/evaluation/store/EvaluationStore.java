package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.database.TimeOrderedIds;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bulk upsert of evaluations in one transaction: all rows or none. Rows come in chunks (a streamed file is read
 * chunk by chunk on the compute pool) and each chunk is one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT
 * DO UPDATE} with its columns as binary array parameters; the next chunk is read while the current one is
 * written. Model and benchmark names are resolved once per import; unknown names fail the whole import with
 * every offending row named (or are created, with {@code createMissing}). The database checks each statement's
 * model and benchmark keys once per statement (V8, V9), not once per row, and new rows' public ids come with the
 * chunk ({@link TimeOrderedIds}) rather than from the column's per-row default.
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

    /**
     * A chunk of rows and those of them that a later row of the same chunk repeats (same model, benchmark, metric as
     * written, seed and step): a repeated identity is stored once, with the last row's values, as if the later row
     * replaced the earlier one. Rows of different chunks are compared by the database (the later one replaces).
     */
    public record Batch(List<Row> rows, BitSet superseded) {

        private record NameKey(String model, String benchmark, String metric, Long seed, Long step) {
            @Override
            public int hashCode() {
                return mix(model.hashCode(), benchmark.hashCode(), Objects.hashCode(metric), Objects.hashCode(seed),
                        Objects.hashCode(step));
            }
        }

        /** The batch of {@code rows}; a pass with a hash set over the rows, so call it on the compute pool. */
        public static Batch of(List<Row> rows) {
            BitSet superseded = new BitSet(rows.size());
            Set<NameKey> later = new HashSet<>(rows.size() * 2);
            for (int i = rows.size() - 1; i >= 0; i--) {
                Row r = rows.get(i);
                if (!later.add(new NameKey(r.model(), r.benchmark(), r.metric(), r.seed(), r.step()))) {
                    superseded.set(i);
                }
            }
            return new Batch(rows, superseded);
        }

        /** {@code rows} in batches of at most {@code size} (on the compute pool). */
        public static List<Batch> chunks(List<Row> rows, int size) {
            List<Batch> out = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += size) {
                out.add(of(rows.subList(from, Math.min(rows.size(), from + size))));
            }
            return out;
        }

        /** A chunk source handing out {@code batches}, then an empty one. */
        public static Supplier<Uni<Batch>> source(List<Batch> batches) {
            Iterator<Batch> it = batches.iterator();
            return () -> Uni.createFrom().item(it.hasNext() ? it.next() : new Batch(List.of(), new BitSet()));
        }
    }

    private final Pool pool;
    private final ComputePool compute;

    public EvaluationStore(Pool pool, ComputePool compute) {
        this.pool = pool;
        this.compute = compute;
    }

    /**
     * Upserts the batches into the workspace, all or nothing; model and benchmark names are the workspace's and must
     * exist (each row naming an unknown one is reported, at most {@code maxErrors}).
     */
    public Uni<Outcome> upsert(Workspace workspace, List<Batch> batches, int maxErrors) {
        return pool.withTransaction(conn -> {
            ImportState st = new ImportState(Batch.source(batches), false, maxErrors, false);
            return importAll(conn, workspace, st, st.next.get());
        }).map(r -> new Outcome((int) r.inserted(), (int) r.replaced()));
    }

    /** What a streamed import stored. */
    public record Imported(long received, long inserted, long replaced, int modelsCreated, int benchmarksCreated) {
    }

    // One statement per chunk: rows from parallel arrays, upserted by identity; the count of new rows comes back
    // (the others replaced a stored identity). A row equal to the stored one is left as it is: rewriting it would
    // write a new version of the row and of its five index entries (a re-sent file of a million rows took 13.8 s of
    // the database's time rewritten, 2.4 s left alone; measured, issue 14), and its updated_at stays.
    private static final String UPSERT_MANY = """
            with up as (
                insert into evaluation (workspace_id, model_id, benchmark_id, metric, seed, step, value, std_error,
                                        successes, attempts, public_id)
                select $10, t.* from unnest($1::int8[], $2::int8[], $3::text[], $4::int8[], $5::int8[], $6::float8[],
                                     $7::float8[], $8::int8[], $9::int8[], $11::uuid[]) as t
                on conflict on constraint evaluation_identity do update
                   set value = excluded.value, std_error = excluded.std_error, successes = excluded.successes,
                       attempts = excluded.attempts, updated_at = now()
                   where (evaluation.value, evaluation.std_error, evaluation.successes, evaluation.attempts)
                         is distinct from (excluded.value, excluded.std_error, excluded.successes, excluded.attempts)
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted) as inserted from up""";

    // Rows that cannot meet a stored identity (their model or benchmark was created by this import in the same
    // chunk): a plain insert, without the speculative insertion ON CONFLICT costs per row.
    private static final String INSERT_MANY = """
            insert into evaluation (workspace_id, model_id, benchmark_id, metric, seed, step, value, std_error, successes,
                                    attempts, public_id)
            select $10, t.* from unnest($1::int8[], $2::int8[], $3::text[], $4::int8[], $5::int8[], $6::float8[],
                                 $7::float8[], $8::int8[], $9::int8[], $11::uuid[]) as t""";

    /**
     * A streamed import in one transaction: chunks are pulled from {@code next} (empty ends the stream; a
     * failure, such as a bad row, rolls everything back) and each is upserted with one
     * {@code INSERT ... SELECT FROM unnest(...)} statement; the next chunk is pulled (read on the compute pool)
     * while the current one is written. Model and benchmark names are resolved once per import; with
     * {@code createMissing} the unknown ones are created (a benchmark with the metric of its first row, or
     * "score"), otherwise every row naming one is reported (at most {@code maxErrors}). A row repeating the
     * identity of an earlier row of the file replaces it, as it would replace a stored one.
     */
    public Uni<Imported> importRows(Workspace workspace, Supplier<Uni<Batch>> next, boolean createMissing,
            int maxErrors) {
        return pool.withTransaction(conn -> {
            ImportState st = new ImportState(next, createMissing, maxErrors, true);
            return importAll(conn, workspace, st, next.get());
        });
    }

    private static final class ImportState {
        final Supplier<Uni<Batch>> next;
        final int maxErrors;
        /** Whether an unknown name's error says that createMissing would create it. */
        final boolean offerCreate;
        /** The import's models and benchmarks; a name's step is the number of the chunk that created it. */
        final NameResolver models;
        final NameResolver benchmarks;
        int chunk;
        /** The next chunk, being read while the current one is written. */
        Uni<Batch> pending;
        long received;
        long inserted;
        long replaced;

        ImportState(Supplier<Uni<Batch>> next, boolean createMissing, int maxErrors, boolean offerCreate) {
            this.next = next;
            this.models = NameResolver.models(createMissing);
            this.benchmarks = NameResolver.benchmarks(createMissing);
            this.maxErrors = maxErrors;
            this.offerCreate = offerCreate;
        }
    }

    /**
     * Writes the chunks one after the other, each a step of its own (no step holds on to an earlier chunk, so the
     * memory is that of two chunks, whatever the file's size); {@code first} gives the first chunk.
     */
    private Uni<Imported> importAll(SqlConnection conn, Workspace workspace, ImportState st, Uni<Batch> first) {
        st.pending = first;
        return Multi.createBy().repeating().uni(() -> importStep(conn, workspace, st)).whilst(more -> more)
                .collect().last().map(v -> new Imported(st.received, st.inserted, st.replaced, st.models.created(),
                        st.benchmarks.created()));
    }

    /**
     * Writes the chunk {@code st.pending} gives (false: there was none left): its new names resolved (a query only
     * for names not seen before), its statement parameters built on the compute pool, then the statements sent while
     * the next chunk is already being read (asked for only now, so the reader is never used by two threads at once,
     * and at most one computation of the import runs at a time).
     */
    private Uni<Boolean> importStep(SqlConnection conn, Workspace workspace, ImportState st) {
        Uni<Batch> current = st.pending;
        st.pending = null;
        return current.flatMap(batch -> {
            if (batch.rows().isEmpty()) {
                return Uni.createFrom().item(false);
            }
            int received = batch.rows().size();
            return resolve(conn, workspace, st, batch.rows())
                    .flatMap(v -> compute.submit(() -> parameters(workspace, st, batch)))
                    .flatMap(chunk -> {
                        Uni<Batch> following = st.next.get().memoize().indefinitely();
                        following.subscribe().with(b -> { }, e -> { }); // read on now; a failure surfaces in its step
                        st.pending = following;
                        Uni<Long> fresh = chunk.fresh() == null ? Uni.createFrom().item(0L)
                                : conn.preparedQuery(INSERT_MANY).execute(chunk.fresh()).map(rs -> (long) rs.rowCount());
                        int repeated = chunk.repeated();
                        Tuple upsert = chunk.upsert();
                        return fresh.flatMap(plain -> upsert == null ? Uni.createFrom().item(new long[] {plain, plain})
                                : conn.preparedQuery(UPSERT_MANY).execute(upsert).map(rs -> new long[] {
                                    plain + rs.iterator().next().getLong("inserted"), plain + chunk.upsertRows()}))
                                .map(counts -> {
                                    st.received += received;
                                    st.inserted += counts[0];
                                    st.replaced += counts[1] - counts[0] + repeated;
                                    return true;
                                });
                    });
        });
    }

    /** Resolves the names of the chunk's rows that earlier chunks did not name (no query when there are none). */
    private static Uni<Void> resolve(SqlConnection conn, Workspace workspace, ImportState st, List<Row> rows) {
        for (Row r : rows) {
            st.models.want(r.model(), null);
            st.benchmarks.want(r.benchmark(), r.metric());
        }
        return st.models.resolve(conn, workspace, st.chunk)
                .flatMap(v -> st.benchmarks.resolve(conn, workspace, st.chunk));
    }

    /**
     * A chunk's statement parameters: the rows that cannot meet a stored identity (null: none), the others (null:
     * none) and their number, and how many of its rows repeated an identity of the chunk.
     */
    private record Chunk(Tuple fresh, Tuple upsert, int upsertRows, int repeated) {
    }

    /** Columns of a statement, filled row by row. */
    private static final class Columns {
        final Long[] model;
        final Long[] benchmark;
        final String[] metric;
        final Long[] seed;
        final Long[] step;
        final Double[] value;
        final Double[] stdError;
        final Long[] successes;
        final Long[] attempts;
        int n;

        Columns(int capacity) {
            model = new Long[capacity];
            benchmark = new Long[capacity];
            metric = new String[capacity];
            seed = new Long[capacity];
            step = new Long[capacity];
            value = new Double[capacity];
            stdError = new Double[capacity];
            successes = new Long[capacity];
            attempts = new Long[capacity];
        }

        void add(Long m, Long b, String k, Row r) {
            model[n] = m;
            benchmark[n] = b;
            metric[n] = k;
            seed[n] = r.seed();
            step[n] = r.step();
            value[n] = r.value();
            stdError[n] = r.stdError();
            successes[n] = r.successes();
            attempts[n] = r.attempts();
            n++;
        }

        Tuple tuple(Workspace workspace) {
            return n == 0 ? null : Tuple.from(new Object[] {Arrays.copyOf(model, n), Arrays.copyOf(benchmark, n),
                    Arrays.copyOf(metric, n), Arrays.copyOf(seed, n), Arrays.copyOf(step, n), Arrays.copyOf(value, n),
                    Arrays.copyOf(stdError, n), Arrays.copyOf(successes, n), Arrays.copyOf(attempts, n),
                    workspace.id(), TimeOrderedIds.next(n)});
        }
    }

    private record IdKey(long model, long benchmark, String metric, Long seed, Long step) {
        @Override
        public int hashCode() {
            return mix(Long.hashCode(model), Long.hashCode(benchmark), metric.hashCode(), Objects.hashCode(seed),
                    Objects.hashCode(step));
        }
    }

    /**
     * A hash of an identity's parts. The records' own hash (31 * h + part) collides on the names and ids of a grid
     * (model i + 1 with benchmark j - 31: a file of every model on every benchmark filled the hash tables' buckets);
     * multiplying by the 64-bit golden ratio between parts spreads them.
     */
    private static int mix(int... parts) {
        long h = 0;
        for (int p : parts) {
            h = (h + p) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The chunk's columns as arrays, rows superseded within the chunk left out; fails with the rows naming unknown
     * models or benchmarks (at most maxErrors). A row is fresh (inserted without ON CONFLICT) when its model or its
     * benchmark was created by this import for this very chunk: no stored row, and no row of an earlier chunk, can
     * have its identity. On the compute pool.
     */
    private static Chunk parameters(Workspace workspace, ImportState st, Batch batch) {
        List<Row> rows = batch.rows();
        BitSet superseded = batch.superseded();
        int n = rows.size() - superseded.cardinality();
        List<FieldError> errors = new ArrayList<>();
        NameResolver.Named[] modelOf = new NameResolver.Named[n];
        NameResolver.Named[] benchmarkOf = new NameResolver.Named[n];
        Row[] kept = new Row[n];
        String[] metric = new String[n];
        boolean anyWritten = false;
        boolean anyDefault = false;
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            NameResolver.Named m = st.models.get(r.model());
            NameResolver.Named bench = st.benchmarks.get(r.benchmark());
            if (m == null || bench == null) {
                String hint = st.offerCreate ? " (createMissing=true creates it)" : "";
                if (m == null && errors.size() < st.maxErrors) {
                    errors.add(new FieldError("model", r.row(), "unknown model '" + r.model() + "'" + hint));
                }
                if (bench == null && errors.size() < st.maxErrors) {
                    errors.add(new FieldError("benchmark", r.row(), "unknown benchmark '" + r.benchmark() + "'" + hint));
                }
                continue;
            }
            if (!errors.isEmpty() || superseded.get(i)) {
                continue;
            }
            anyWritten |= r.metric() != null;
            anyDefault |= r.metric() == null;
            modelOf[k] = m;
            benchmarkOf[k] = bench;
            kept[k] = r;
            metric[k] = r.metric() != null ? r.metric() : bench.metric();
            k++;
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        boolean[] drop = new boolean[n];
        int repeated = rows.size() - n;
        if (anyWritten && anyDefault) {
            // a row without a metric and one naming its benchmark's metric may still be one identity: keep the last
            Map<IdKey, Integer> last = new HashMap<>();
            for (int i = 0; i < n; i++) {
                last.put(key(modelOf[i], benchmarkOf[i], metric[i], kept[i]), i);
            }
            for (int i = 0; i < n; i++) {
                if (last.get(key(modelOf[i], benchmarkOf[i], metric[i], kept[i])) != i) {
                    drop[i] = true;
                    repeated++;
                }
            }
        }
        Columns fresh = new Columns(n);
        Columns upsert = new Columns(n);
        for (int i = 0; i < n; i++) {
            if (drop[i]) {
                continue;
            }
            boolean isFresh = modelOf[i].createdIn() == st.chunk || benchmarkOf[i].createdIn() == st.chunk;
            (isFresh ? fresh : upsert).add(modelOf[i].id(), benchmarkOf[i].id(), metric[i], kept[i]);
        }
        st.chunk++;
        return new Chunk(fresh.tuple(workspace), upsert.tuple(workspace), upsert.n, repeated);
    }

    private static IdKey key(NameResolver.Named model, NameResolver.Named benchmark, String metric, Row r) {
        return new IdKey(model.id(), benchmark.id(), metric, r.seed(), r.step());
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
     * stored models lack (a stored value is never overwritten); then imports the batches like
     * {@link #importRows}, in the same transaction.
     */
    public Uni<Imported> importWithModels(Workspace workspace, List<ModelFacts> facts, List<Batch> batches,
            boolean createMissing, int maxErrors) {
        int n = facts.size();
        String[] names = new String[n];
        Long[] params = new Long[n];
        Double[] tokens = new Double[n];
        Double[] flops = new Double[n];
        for (int i = 0; i < n; i++) {
            names[i] = facts.get(i).name();
            params[i] = facts.get(i).parameters();
            tokens[i] = facts.get(i).trainingTokens();
            flops[i] = facts.get(i).trainingCompute();
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
        return pool.withTransaction(conn -> conn.preparedQuery(sql)
                .execute(Tuple.of(names, params, tokens, flops, workspace.id()))
                .flatMap(rs -> {
                    int created = 0;
                    for (io.vertx.mutiny.sqlclient.Row r : rs) {
                        created += r.getBoolean("inserted") ? 1 : 0;
                    }
                    int made = created;
                    ImportState st = new ImportState(Batch.source(batches), createMissing, maxErrors, true);
                    return importAll(conn, workspace, st, st.next.get()).map(r -> new Imported(r.received(),
                            r.inserted(), r.replaced(), r.modelsCreated() + made, r.benchmarksCreated()));
                }));
    }
}
