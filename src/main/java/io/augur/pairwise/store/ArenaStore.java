package io.augur.pairwise.store;

import io.augur.pairwise.engine.Outcome;
import io.augur.pairwise.engine.PairCount;
import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
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
import java.util.HashMap;
import io.augur.platform.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stored arenas: their battles (id and content, for idempotency and exports), kept in blocks of one upload
 * chunk each ({@link BattleBlocks}), and the battles aggregated per (model A, model B, outcome), which is all
 * a leaderboard reads. Appends run in one transaction holding the arena row locked: the arena's battle ids are
 * loaded once, only ids not stored yet are written and added to the counts (an atomic
 * {@code count = count + excluded.count} upsert, count keys in a fixed order), so a retried or concurrent
 * upload never counts a battle twice, and a battle id stored with another content is a 409.
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



    private final Pool pool;
    private final ComputePool compute;

    public ArenaStore(Pool pool, ComputePool compute) {
        this.pool = pool;
        this.compute = compute;
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

    /** Deletes the workspace's arena with its battles and counts; 404 when absent or in another workspace. */
    public Uni<Void> delete(Workspace workspace, UUID id) {
        return pool.preparedQuery("delete from arena where workspace_id = $1 and public_id = $2 returning id")
                .execute(Tuple.of(workspace.id(), id)).map(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.notFound("arena", id);
                    }
                    return null;
                });
    }

    /**
     * Appends a validated batch in one transaction (the bulk path with one chunk): the new battles are stored
     * and added to the counts; a battle id already stored with the same content is skipped, with a different
     * content it is a 409 naming it. 404 when the arena does not exist.
     */
    public Uni<Appended> append(Workspace workspace, UUID id, List<NewBattle> battles) {
        List<String> models = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        int n = battles.size();
        BattleChunk chunk = new BattleChunk(models, new int[n], new int[n], new byte[n], new String[n], n);
        for (int i = 0; i < n; i++) {
            NewBattle b = battles.get(i);
            chunk.a()[i] = index.computeIfAbsent(b.modelA(), k -> { models.add(k); return models.size() - 1; });
            chunk.b()[i] = index.computeIfAbsent(b.modelB(), k -> { models.add(k); return models.size() - 1; });
            chunk.outcome()[i] = (byte) b.outcome().ordinal();
            chunk.battleIds()[i] = b.battleId();
        }
        boolean[] sent = {false};
        return ingest(workspace, id, () -> {
            BattleChunk next = sent[0] ? null : chunk;
            sent[0] = true;
            return Uni.createFrom().item(next);
        }).map(r -> new Appended((int) r.received(), (int) r.added(), (int) r.alreadyKnown()));
    }

    /**
     * Battles of a chunk: {@code models} is the reader's dictionary so far (it only grows from chunk to chunk),
     * {@code a}, {@code b} index it, {@code outcome} is the {@link Outcome} ordinal; the first {@code size}
     * entries are used.
     */
    public record BattleChunk(List<String> models, int[] a, int[] b, byte[] outcome, String[] battleIds, int size) {
    }

    /** What a bulk ingestion stored. */
    public record Ingested(long received, long added, long alreadyKnown) {
    }

    private static final String INSERT_MODELS = """
            insert into arena_model (arena_id, name) select $1, n from unnest($2::text[]) as n
            on conflict on constraint arena_model_name_unique do nothing""";

    private static final String UPSERT_COUNTS = """
            insert into arena_count (arena_id, model_a, model_b, outcome, count)
            select $1, t.a, t.b, t.o, t.n from unnest($2::text[], $3::text[], $4::int2[], $5::int8[]) as t(a, b, o, n)
            on conflict on constraint arena_count_pk do update set count = arena_count.count + excluded.count""";

    private static final String SELECT_BLOCKS = """
            select block_no, size, battle_ids, battles from arena_battle_block where arena_id = $1 order by block_no""";

    private static final String INSERT_BLOCK = """
            insert into arena_battle_block (arena_id, workspace_id, block_no, size, battle_ids, battles)
            values ($1, $2, $3, $4, $5, $6)""";

    /**
     * Bulk ingestion in one transaction: the arena's stored battle ids are loaded once into a
     * {@link BattleBlocks.Index} (under the arena's lock), then chunks are pulled from {@code next} (an empty or
     * null chunk ends the stream; a failure of {@code next}, such as a bad line, rolls everything back); each
     * chunk is checked against the index on the compute pool (a known id with the same content is skipped, with
     * another content it is a conflict) and its new battles written as one block row of
     * {@link BattleBlocks} (the next chunk is read meanwhile). The counts of the new battles are added to the
     * arena's once, at the end, in a fixed order. A battle id stored (or given earlier in the upload) with a
     * different content is a 409 naming up to 20 such ids, and nothing is stored. Appends to one arena are
     * serialised (the arena row is locked FOR NO KEY UPDATE, which leaves readers free), so concurrent uploads
     * see each other's battles and cannot deadlock.
     */
    public Uni<Ingested> ingest(Workspace workspace, UUID id, java.util.function.Supplier<Uni<BattleChunk>> next) {
        return pool.withTransaction(conn -> conn.preparedQuery(
                "select id from arena where workspace_id = $1 and public_id = $2 for no key update")
                .execute(Tuple.of(workspace.id(), id)).flatMap(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.notFound("arena", id);
                    }
                    long arenaId = rs.iterator().next().getLong("id");
                    Ingestion st = new Ingestion(workspace.id());
                    // the file's first chunk is read while the stored ids are loaded
                    Uni<BattleChunk> first = next.get().memoize().indefinitely();
                    first.subscribe().with(c -> { }, e -> { });
                    return conn.prepare(SELECT_BLOCKS).flatMap(ps -> loadBlocks(ps.cursor(Tuple.of(arenaId)), st))
                            .flatMap(v -> step(conn, arenaId, st, first, next));
                }));
    }

    /** State of one ingestion: the index of battle ids, the reader's model indices mapped to arena_model ids, the counts so far. */
    private static final class Ingestion {
        final long workspaceId;
        final BattleBlocks.Index index = new BattleBlocks.Index();
        int nextBlock;
        int[] dbIdOf = new int[0];
        int mapped;
        final Map<Integer, String> nameOfDbId = new HashMap<>();
        final BattleBlocks.Counts counts = new BattleBlocks.Counts();
        long received;
        long added;

        Ingestion(long workspaceId) {
            this.workspaceId = workspaceId;
        }
    }

    /** Reads the stored blocks a few at a time and indexes them on the compute pool. */
    private Uni<Void> loadBlocks(io.vertx.mutiny.sqlclient.Cursor cursor, Ingestion st) {
        return cursor.read(4).flatMap(rs -> compute.submit(() -> {
            for (Row r : rs) {
                st.index.addStored(r.getBuffer("battle_ids").getBytes(), r.getBuffer("battles").getBytes(),
                        r.getInteger("size"));
                st.nextBlock = r.getInteger("block_no") + 1;
            }
            return null;
        })).flatMap(v -> cursor.hasMore() ? loadBlocks(cursor, st) : cursor.close());
    }

    /**
     * Writes the chunk {@code current} will give while the one after it is already being read (the reader
     * is asked for a chunk only once the previous one is complete, so it is never read by two threads).
     */
    private Uni<Ingested> step(SqlConnection conn, long arenaId, Ingestion st, Uni<BattleChunk> current,
            java.util.function.Supplier<Uni<BattleChunk>> next) {
        return current.flatMap(chunk -> {
            if (chunk == null || chunk.size() == 0) {
                return finish(conn, arenaId, st);
            }
            Uni<BattleChunk> following = next.get().memoize().indefinitely();
            following.subscribe().with(c -> { }, e -> { }); // start reading now; the failure surfaces below
            return mapModels(conn, arenaId, st, chunk.models())
                    .flatMap(v -> compute.submit(() -> newBattles(st, chunk)))
                    .flatMap(block -> writeBlock(conn, arenaId, st, block))
                    .flatMap(v -> step(conn, arenaId, st, following, next));
        });
    }

    private static Uni<Void> mapModels(SqlConnection conn, long arenaId, Ingestion st, List<String> models) {
        if (st.mapped == models.size()) {
            return Uni.createFrom().voidItem();
        }
        String[] fresh = models.subList(st.mapped, models.size()).toArray(new String[0]);
        return conn.preparedQuery(INSERT_MODELS).execute(Tuple.of(arenaId, fresh))
                .flatMap(x -> conn.preparedQuery("select id, name from arena_model where arena_id = $1 and name = any($2)")
                        .execute(Tuple.of(arenaId, fresh)))
                .map(rs -> {
                    Map<String, Integer> ids = new HashMap<>();
                    for (Row r : rs) {
                        ids.put(r.getString("name"), r.getInteger("id"));
                    }
                    st.dbIdOf = java.util.Arrays.copyOf(st.dbIdOf, models.size());
                    for (int i = st.mapped; i < models.size(); i++) {
                        int id = ids.get(models.get(i));
                        st.dbIdOf[i] = id;
                        st.nameOfDbId.put(id, models.get(i));
                    }
                    st.mapped = models.size();
                    return null;
                });
    }

    /**
     * The chunk checked against the index (on the compute pool): known ids with the same content are skipped,
     * with another content they are collected and fail the upload with a 409; the new battles form the next
     * block (null when there are none) and are added to the counts.
     */
    private static byte[][] newBattles(Ingestion st, BattleChunk chunk) {
        int n = chunk.size();
        BattleBlocks.Index index = st.index;
        index.startBlock();
        List<String> clashes = new ArrayList<>();
        boolean more = false;
        for (int i = 0; i < n; i++) {
            String battleId = chunk.battleIds()[i];
            byte[] id = battleId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long hash = BattleBlocks.hash(id, 0, id.length);
            int a = st.dbIdOf[chunk.a()[i]];
            int b = st.dbIdOf[chunk.b()[i]];
            int o = chunk.outcome()[i];
            long content = BattleBlocks.pack(a, b, o);
            int known = index.find(id, hash);
            if (known < 0) {
                index.addNew(id, hash, content);
                st.counts.add(content);
            } else {
                long stored = index.content(known);
                if (stored != 0 && stored != content) { // 0: stored before contents were kept, equal to any
                    if (clashes.contains(battleId)) {
                        continue;
                    }
                    if (clashes.size() < 20) {
                        clashes.add(battleId);
                    } else {
                        more = true;
                    }
                }
            }
        }
        if (!clashes.isEmpty()) {
            java.util.Collections.sort(clashes);
            throw new ProblemException(409, "/problems/conflict", "Conflict", "battle id(s) " + clashes
                    + (more ? " (the first 20)" : "") + " already stored (or given earlier in "
                    + "this upload) with a different model_a, model_b or winner; nothing was stored",
                    "battleId", clashes.stream().map(id -> new Problem.FieldError("battleId", null,
                            "battle id '" + id + "' has another content than the stored battle")).toList());
        }
        int added = index.currentSize();
        st.received += n;
        st.added += added;
        return index.finishBlock();
    }

    private static Uni<Void> writeBlock(SqlConnection conn, long arenaId, Ingestion st, byte[][] block) {
        if (block == null) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(INSERT_BLOCK).execute(Tuple.of(arenaId, st.workspaceId, st.nextBlock++,
                block[1].length / BattleBlocks.CONTENT_BYTES, io.vertx.core.buffer.Buffer.buffer(block[0]),
                io.vertx.core.buffer.Buffer.buffer(block[1]))).replaceWith((Void) null);
    }

    private static Uni<Ingested> finish(SqlConnection conn, long arenaId, Ingestion st) {
        Ingested result = new Ingested(st.received, st.added, st.received - st.added);
        if (st.counts.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        // counts keyed by names in one orientation (model A before model B in String order), sorted, so
        // every writer takes the count rows' locks in the same order
        Map<List<Object>, long[]> byName = new TreeMap<>(KEY_ORDER);
        st.counts.forEach((key, c) -> {
            String ma = st.nameOfDbId.get(BattleBlocks.modelA(key));
            String mb = st.nameOfDbId.get(BattleBlocks.modelB(key));
            Outcome o = Outcome.values()[BattleBlocks.outcome(key)];
            boolean swap = ma.compareTo(mb) > 0;
            byName.computeIfAbsent(List.of(swap ? mb : ma, swap ? ma : mb, (swap ? o.flipped() : o).ordinal()),
                    k -> new long[1])[0] += c;
        });
        int m = byName.size();
        String[] ka = new String[m];
        String[] kb = new String[m];
        Short[] ko = new Short[m];
        Long[] kn = new Long[m];
        int i = 0;
        for (var e : byName.entrySet()) {
            ka[i] = (String) e.getKey().get(0);
            kb[i] = (String) e.getKey().get(1);
            ko[i] = (short) (int) (Integer) e.getKey().get(2);
            kn[i] = e.getValue()[0];
            i++;
        }
        return conn.preparedQuery(UPSERT_COUNTS).execute(Tuple.of(arenaId, ka, kb, ko, kn)).replaceWith(result);
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

    /** A stored battle as exported (names null for battles appended before their content was kept). */
    public record StoredBattle(String battleId, String modelA, String modelB, Outcome outcome) {
    }

    /**
     * The arena's battles in the order they arrived, streamed block by block from a cursor inside a read-only
     * repeatable-read transaction (one block, at most 50,000 battles, decoded at a time), so an export of millions is
     * never held in memory; the model names and the blocks are read from one snapshot, so an upload committed between
     * the two reads cannot give battles whose models have no name (check the arena exists first: a missing one
     * streams nothing).
     */
    public io.smallrye.mutiny.Multi<StoredBattle> battles(Workspace workspace, UUID id) {
        Tuple arena = Tuple.of(workspace.id(), id);
        return io.smallrye.mutiny.Multi.createFrom()
                .resourceFromUni(pool::getConnection, conn -> conn.begin().onItem().transformToMulti(tx -> conn
                        .query("set transaction isolation level repeatable read, read only").execute()
                        .onItem().transformToMulti(snapshot -> conn.preparedQuery("""
                                select m.id, m.name from arena_model m join arena a on a.id = m.arena_id
                                 where a.workspace_id = $1 and a.public_id = $2""").execute(arena)
                        .onItem().transformToMulti(models -> {
                            Map<Integer, String> names = new HashMap<>();
                            for (Row r : models) {
                                names.put(r.getInteger("id"), r.getString("name"));
                            }
                            return conn.prepare("""
                                    select size, battle_ids, battles from arena_battle_block
                                     where arena_id = (select id from arena where workspace_id = $1 and public_id = $2)
                                     order by block_no""").onItem().transformToMulti(ps -> ps.createStream(1, arena).toMulti())
                                    // a block (up to 50,000 battles) is decoded on the compute pool, not the event loop
                                    .onItem().transformToUniAndConcatenate(r -> compute.submit(() -> decodeBlock(r, names)))
                                    .onItem().<StoredBattle>disjoint();
                        }))))
                .withFinalizer((java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<Void>>) conn -> conn.close());
    }

    private static List<StoredBattle> decodeBlock(Row r, Map<Integer, String> names) {
        int size = r.getInteger("size");
        String[] ids = BattleBlocks.ids(r.getBuffer("battle_ids").getBytes(), size);
        byte[] contents = r.getBuffer("battles").getBytes();
        List<StoredBattle> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long c = BattleBlocks.content(contents, i);
            out.add(c == 0 ? new StoredBattle(ids[i], null, null, null) : new StoredBattle(ids[i],
                    names.get(BattleBlocks.modelA(c)), names.get(BattleBlocks.modelB(c)),
                    Outcome.values()[BattleBlocks.outcome(c)]));
        }
        return out;
    }

    /** The arena's counts as stored (one orientation per pair), streamed like {@link #battles}. */
    public io.smallrye.mutiny.Multi<PairCount> countRows(Workspace workspace, UUID id) {
        return stream(workspace, id, """
                select model_a, model_b,
                       sum(count) filter (where outcome = 0) as wins_a, sum(count) filter (where outcome = 1) as wins_b,
                       sum(count) filter (where outcome = 2) as ties
                  from arena_count where arena_id = (select id from arena where workspace_id = $1 and public_id = $2)
                 group by model_a, model_b order by model_a, model_b""",
                r -> new PairCount(r.getString("model_a"), r.getString("model_b"), orZero(r.getLong("wins_a")),
                        orZero(r.getLong("wins_b")), orZero(r.getLong("ties"))));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private <T> io.smallrye.mutiny.Multi<T> stream(Workspace workspace, UUID id, String sql,
            java.util.function.Function<Row, T> map) {
        return io.smallrye.mutiny.Multi.createFrom()
                .resourceFromUni(pool::getConnection, conn -> conn.begin().onItem().transformToMulti(tx -> conn
                        .prepare(sql).onItem().transformToMulti(ps -> ps.createStream(2000, Tuple.of(workspace.id(), id)).toMulti())))
                .withFinalizer((java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<Void>>) conn -> conn.close())
                .map(map);
    }
}
