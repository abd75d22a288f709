package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model or benchmark names of one bulk import resolved to their ids in the workspace, on the import's own SQL
 * connection so that the import stays one all-or-nothing transaction (the Hibernate session of
 * {@link NamedEntities} could not share it). Names are gathered with {@link #want} and resolved together by
 * {@link #resolve}: one query looks up the names not resolved before; with {@code createMissing} the unknown ones
 * are created by one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING RETURNING} (a benchmark with
 * the metric it was first wanted with, or "score"), and those another transaction created meanwhile are read back.
 * Without {@code createMissing} unknown names stay unresolved ({@link #get} is null) for the caller to report with
 * the rows that name them. Not thread-safe: an import calls it one step at a time.
 */
final class NameResolver {

    /** The metric of a benchmark created for rows that name none. */
    static final String DEFAULT_METRIC = "score";

    /**
     * A resolved name: its id (boxed once here rather than row by row into a statement's columns), its metric
     * (benchmarks; null for models), and the number of the import's step that created it ({@link #STORED} when it
     * was stored before, or was created meanwhile by another transaction).
     */
    record Named(Long id, String metric, int createdIn) {
    }

    /** {@link Named#createdIn} of a name this import did not create. */
    static final int STORED = -1;

    private final String table;
    private final boolean benchmark;
    private final boolean createMissing;
    private final Map<String, Named> resolved = new HashMap<>();
    /** Names wanted since the last {@link #resolve} and not resolved yet -> the metric a benchmark is created with. */
    private final Map<String, String> wanted = new LinkedHashMap<>();
    private int created;

    private NameResolver(String table, boolean createMissing) {
        this.table = table;
        this.benchmark = table.equals("benchmark");
        this.createMissing = createMissing;
    }

    /** The models of an import; unknown ones are created when {@code createMissing}. */
    static NameResolver models(boolean createMissing) {
        return new NameResolver("model", createMissing);
    }

    /** The benchmarks of an import; unknown ones are created when {@code createMissing}. */
    static NameResolver benchmarks(boolean createMissing) {
        return new NameResolver("benchmark", createMissing);
    }

    /**
     * Asks for {@code name} to be resolved by the next {@link #resolve}; {@code metric} is the metric a benchmark
     * created for it gets (null: "score"), the first one wanted counting. Nothing is done for a resolved name.
     */
    void want(String name, String metric) {
        if (!resolved.containsKey(name)) {
            wanted.putIfAbsent(name, metric == null ? DEFAULT_METRIC : metric);
        }
    }

    /** The resolved name, or null when it is unknown (or not wanted yet). */
    Named get(String name) {
        return resolved.get(name);
    }

    /** How many names this import created. */
    int created() {
        return created;
    }

    /**
     * Resolves the names wanted since the last call (no query when there are none); the names created here are
     * marked as created in {@code step}.
     */
    Uni<Void> resolve(SqlConnection conn, Workspace workspace, int step) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> names = List.copyOf(wanted.keySet());
        Map<String, String> metrics = Map.copyOf(wanted);
        wanted.clear();
        return lookUp(conn, workspace, names).flatMap(v -> {
            List<String> missing = names.stream().filter(n -> !resolved.containsKey(n)).toList();
            if (missing.isEmpty() || !createMissing) {
                return Uni.createFrom().voidItem();
            }
            return create(conn, workspace, missing, metrics, step).flatMap(w -> {
                List<String> others = missing.stream().filter(n -> !resolved.containsKey(n)).toList();
                return others.isEmpty() ? Uni.createFrom().voidItem() : lookUp(conn, workspace, others);
            });
        });
    }

    /** Records the stored ones of {@code names}. */
    private Uni<Void> lookUp(SqlConnection conn, Workspace workspace, List<String> names) {
        return conn.preparedQuery("select id, name" + (benchmark ? ", metric" : "") + " from " + table
                + " where workspace_id = $1 and name = any($2)")
                .execute(Tuple.of(workspace.id(), names.toArray(String[]::new)))
                .map(rs -> record(rs, STORED));
    }

    /** Creates {@code names}, skipping those another transaction has just created, and records the ones created. */
    private Uni<Void> create(SqlConnection conn, Workspace workspace, List<String> names, Map<String, String> metrics,
            int step) {
        String[] given = names.toArray(String[]::new);
        Uni<RowSet<Row>> insert = benchmark
                ? conn.preparedQuery("insert into benchmark (workspace_id, name, metric) select $3, t.* from "
                        + "unnest($1::text[], $2::text[]) as t on conflict on constraint benchmark_name_unique do "
                        + "nothing returning id, name, metric")
                        .execute(Tuple.of(given, names.stream().map(metrics::get).toArray(String[]::new),
                                workspace.id()))
                : conn.preparedQuery("insert into model (workspace_id, name) select $2, unnest($1::text[]) "
                        + "on conflict on constraint model_name_unique do nothing returning id, name")
                        .execute(Tuple.of(given, workspace.id()));
        return insert.map(rs -> {
            created += rs.rowCount();
            return record(rs, step);
        });
    }

    /** Records the names of {@code rows} (id, name and, of benchmarks, metric) as resolved. */
    private Void record(RowSet<Row> rows, int createdIn) {
        for (Row r : rows) {
            resolved.put(r.getString("name"), new Named(r.getLong("id"), benchmark ? r.getString("metric") : null,
                    createdIn));
        }
        return null;
    }
}
