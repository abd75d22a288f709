package io.augur.pairwise.store;

import io.augur.pairwise.engine.Outcome;
import io.augur.pairwise.engine.PairCount;
import io.augur.platform.auth.Workspace;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stored arenas: their battle ids (idempotency) and battles aggregated per (model A, model B, outcome).
 * Raw battles are never kept; a leaderboard reads the counts only. Appends run in one transaction:
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING} says which battle ids are new, and only those
 * are added to the counts with an atomic {@code count = count + excluded.count} upsert, so a retried
 * or concurrent batch never counts a battle twice. Rows are written in a fixed order (battle ids and
 * count keys sorted) so that concurrent appends to one arena take their row locks in the same order
 * and cannot deadlock.
 */
@ApplicationScoped
public class ArenaStore {

    /** A stored arena with its totals; {@code key} is the internal key (paging), {@code id} the public one. */
    public record Arena(long key, UUID id, String name, String description, OffsetDateTime createdAt, long battles, int models) {
    }

    /** One battle to append; {@code index} is its 0-based position in the caller's batch. */
    public record NewBattle(int index, String battleId, String modelA, String modelB, Outcome outcome) {
    }

    /** How many battles of a batch were new and how many were already stored (by battle id). */
    public record Appended(int received, int added, int alreadyKnown) {
    }

    private static final String INSERT_ARENA = """
            insert into arena (workspace_id, name, description) values ($1, $2, $3)
            on conflict on constraint arena_name_unique do nothing
            returning id, public_id, name, description, created_at""";

    private static final String SELECT_ARENA = """
            select a.id, a.public_id, a.name, a.description, a.created_at,
                   coalesce((select sum(c.count) from arena_count c where c.arena_id = a.id), 0)::bigint as battles,
                   (select count(*) from (select model_a as m from arena_count c where c.arena_id = a.id
                                           union select model_b from arena_count c where c.arena_id = a.id) ms) as models
              from arena a""";

    private static final String INSERT_BATTLE = """
            insert into arena_battle (arena_id, battle_id) values ($1, $2)
            on conflict on constraint arena_battle_pk do nothing
            returning battle_id""";

    private static final String UPSERT_COUNT = """
            insert into arena_count (arena_id, model_a, model_b, outcome, count) values ($1, $2, $3, $4, $5)
            on conflict on constraint arena_count_pk do update set count = arena_count.count + excluded.count""";

    private final Pool pool;

    public ArenaStore(Pool pool) {
        this.pool = pool;
    }

    /** Creates an arena in the workspace; a name taken there is a 409 conflict. */
    public Uni<Arena> create(Workspace workspace, String name, String description) {
        return pool.preparedQuery(INSERT_ARENA).execute(Tuple.of(workspace.id(), name, description)).map(rs -> {
            if (rs.size() == 0) {
                throw ProblemException.conflict("name", "an arena named '" + name + "' already exists");
            }
            Row r = rs.iterator().next();
            return new Arena(r.getLong("id"), r.getUUID("public_id"), r.getString("name"), r.getString("description"),
                    r.getOffsetDateTime("created_at"), 0, 0);
        });
    }

    /** The workspace's arena with its totals; 404 when absent or in another workspace. */
    public Uni<Arena> get(Workspace workspace, UUID id) {
        return pool.preparedQuery(SELECT_ARENA + " where a.workspace_id = $1 and a.public_id = $2")
                .execute(Tuple.of(workspace.id(), id)).map(rs -> {
            if (rs.size() == 0) {
                throw ProblemException.notFound("arena", id);
            }
            return arena(rs.iterator().next());
        });
    }

    /**
     * Up to {@code limit + 1} arenas of the workspace with key greater than {@code after}, by key (the extra one
     * says a page follows).
     */
    public Uni<List<Arena>> list(Workspace workspace, long after, int limit) {
        return pool.preparedQuery(SELECT_ARENA + " where a.workspace_id = $1 and a.id > $2 order by a.id limit $3")
                .execute(Tuple.of(workspace.id(), after, limit + 1)).map(rs -> {
                    List<Arena> out = new ArrayList<>();
                    for (Row r : rs) {
                        out.add(arena(r));
                    }
                    return out;
                });
    }

    /** Deletes the workspace's arena with its battle ids and counts; 404 when absent or in another workspace. */
    public Uni<Void> delete(Workspace workspace, UUID id) {
        return pool.preparedQuery("delete from arena where workspace_id = $1 and public_id = $2")
                .execute(Tuple.of(workspace.id(), id)).map(rs -> {
            if (rs.rowCount() == 0) {
                throw ProblemException.notFound("arena", id);
            }
            return null;
        });
    }

    /**
     * Appends a validated batch in one transaction: the new battle ids are recorded and their battles
     * added to the counts; battle ids already stored are skipped (whatever their content). 404 when the
     * arena does not exist (the arena row is locked against a concurrent delete meanwhile).
     */
    public Uni<Appended> append(Workspace workspace, UUID id, List<NewBattle> battles) {
        List<NewBattle> sorted = new ArrayList<>(battles);
        sorted.sort(Comparator.comparing(NewBattle::battleId));
        return pool.withTransaction(conn -> lockArena(conn, workspace, id).flatMap(arenaId -> {
            if (sorted.isEmpty()) {
                return Uni.createFrom().item(new Appended(0, 0, 0));
            }
            List<Tuple> ids = new ArrayList<>(sorted.size());
            for (NewBattle b : sorted) {
                ids.add(Tuple.of(arenaId, b.battleId()));
            }
            return conn.preparedQuery(INSERT_BATTLE).executeBatch(ids).flatMap(inserted -> {
                Set<String> fresh = newIds(inserted);
                List<Tuple> counts = countTuples(arenaId, sorted, fresh);
                Appended result = new Appended(sorted.size(), fresh.size(), sorted.size() - fresh.size());
                if (counts.isEmpty()) {
                    return Uni.createFrom().item(result);
                }
                return conn.preparedQuery(UPSERT_COUNT).executeBatch(counts).replaceWith(result);
            });
        }));
    }

    /**
     * The arena's aggregated counts, one row per pair (model A before model B in String order), sorted
     * by (model A, model B); 404 when the arena does not exist.
     */
    public Uni<List<PairCount>> counts(Workspace workspace, UUID id) {
        return pool.withTransaction(conn -> lockArena(conn, workspace, id).flatMap(arenaId -> conn.preparedQuery(
                "select model_a, model_b, outcome, count from arena_count where arena_id = $1")
                .execute(Tuple.of(arenaId)).map(ArenaStore::pairCounts)));
    }

    /** The workspace's arena's key, its row locked against a concurrent delete; 404 when absent or elsewhere. */
    private static Uni<Long> lockArena(SqlConnection conn, Workspace workspace, UUID id) {
        return conn.preparedQuery("select id from arena where workspace_id = $1 and public_id = $2 for key share")
                .execute(Tuple.of(workspace.id(), id)).map(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.notFound("arena", id);
                    }
                    return rs.iterator().next().getLong("id");
                });
    }

    private static Set<String> newIds(RowSet<Row> first) {
        Set<String> out = new HashSet<>();
        for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
            for (Row r : rs) {
                out.add(r.getString("battle_id"));
            }
        }
        return out;
    }

    /** Count increments of the new battles, keyed (model A, model B, outcome) in one orientation, sorted. */
    private static List<Tuple> countTuples(long arenaId, List<NewBattle> battles, Set<String> fresh) {
        Map<List<Object>, long[]> increments = new TreeMap<>(KEY_ORDER);
        for (NewBattle b : battles) {
            if (!fresh.contains(b.battleId())) {
                continue;
            }
            boolean swap = b.modelA().compareTo(b.modelB()) > 0;
            String a = swap ? b.modelB() : b.modelA();
            String c = swap ? b.modelA() : b.modelB();
            Outcome o = swap ? b.outcome().flipped() : b.outcome();
            increments.computeIfAbsent(List.of(a, c, o.ordinal()), k -> new long[1])[0]++;
        }
        List<Tuple> out = new ArrayList<>(increments.size());
        increments.forEach((k, v) -> out.add(Tuple.of(arenaId, k.get(0), k.get(1),
                (short) (int) (Integer) k.get(2), v[0])));
        return out;
    }

    private static final Comparator<List<Object>> KEY_ORDER = Comparator
            .<List<Object>, String>comparing(k -> (String) k.get(0))
            .thenComparing(k -> (String) k.get(1))
            .thenComparing(k -> (Integer) k.get(2));

    private static List<PairCount> pairCounts(RowSet<Row> rs) {
        Map<List<String>, long[]> pairs = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Row r : rs) {
            long[] c = pairs.computeIfAbsent(List.of(r.getString("model_a"), r.getString("model_b")),
                    k -> new long[3]);
            c[r.getShort("outcome")] += r.getLong("count");
        }
        List<PairCount> out = new ArrayList<>(pairs.size());
        pairs.forEach((k, c) -> out.add(new PairCount(k.get(0), k.get(1), c[0], c[1], c[2])));
        return out;
    }

    private static Arena arena(Row r) {
        return new Arena(r.getLong("id"), r.getUUID("public_id"), r.getString("name"), r.getString("description"),
                r.getOffsetDateTime("created_at"), r.getLong("battles"), r.getLong("models").intValue());
    }
}
