package io.augur.platform.auth;

import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store of workspaces and API keys (tables {@code workspace} and {@code api_key}). Keys are scoped like
 * every other resource: listing and revoking take the caller's workspace. Only the lookup by handle, which is
 * how a request is authenticated, reads across workspaces.
 */
@ApplicationScoped
public class AccessStore {

    /** The workspace existing data moved into (V3 migration) and the bootstrap admin key belongs to. */
    public static final String DEFAULT_WORKSPACE = "default";

    /** A key as listed: never its secret or hash. */
    public record KeyInfo(UUID id, String name, Role role, String prefix, Double requestsPerSecond,
            Integer maxComputations, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** A stored key as authentication needs it. */
    record StoredKey(UUID id, Workspace workspace, Role role, byte[] salt, byte[] hash, Double requestsPerSecond,
            Integer maxComputations, boolean revoked) {
    }

    /** A workspace as listed. */
    public record WorkspaceInfo(UUID id, String name, OffsetDateTime createdAt) {
    }

    private static final String KEY_COLUMNS = "k.public_id, k.name, k.role, k.prefix, k.requests_per_second,"
            + " k.max_computations, k.created_at, k.revoked_at";

    private final Pool pool;
    private final long cacheNanos;
    private final ConcurrentHashMap<String, Cached<StoredKey>> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<Workspace>> workspaces = new ConcurrentHashMap<>();

    private record Cached<T>(T value, long expires) {
        boolean fresh() {
            return expires - System.nanoTime() > 0;
        }
    }

    public AccessStore(Pool pool, @ConfigProperty(name = "augur.auth.key-cache", defaultValue = "5S") Duration cache) {
        this.pool = pool;
        this.cacheNanos = cache.toNanos();
    }

    /** The workspace of that name, or null. */
    public Uni<Workspace> workspace(String name) {
        return pool.preparedQuery("select id, public_id, name from workspace where name = $1").execute(Tuple.of(name))
                .map(rs -> rs.size() == 0 ? null : workspace(rs.iterator().next()));
    }

    /** A workspace just created with its first admin key. */
    public record CreatedWorkspace(WorkspaceInfo workspace, KeyInfo adminKey) {
    }

    /** Creates a workspace with an admin key ({@code key}, shown once by the caller), in one transaction; 409 when the name is taken. */
    public Uni<CreatedWorkspace> createWorkspace(String name, String key) {
        return pool.withTransaction(conn -> conn.preparedQuery("insert into workspace (name) values ($1)"
                + " on conflict do nothing returning id, public_id, name, created_at").execute(Tuple.of(name))
                .flatMap(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.conflict("name", "a workspace named '" + name + "' exists");
                    }
                    Row r = rs.iterator().next();
                    WorkspaceInfo info = new WorkspaceInfo(r.getUUID("public_id"), r.getString("name"),
                            r.getOffsetDateTime("created_at"));
                    return insertKey(conn, r.getLong("id"), "first admin of " + name, Role.ADMIN, null, null, key)
                            .map(k -> new CreatedWorkspace(info, k));
                }));
    }

    /**
     * The workspace of that internal key, or null: for the job runner, which runs a job in the workspace stored
     * with it (the submitter's, set from its authenticated caller).
     */
    @Unscoped("the job runner: a job runs in the workspace it was submitted in")
    public Uni<Workspace> workspaceById(long id) {
        return pool.preparedQuery("select id, public_id, name from workspace where id = $1").execute(Tuple.of(id))
                .map(rs -> rs.size() == 0 ? null : workspace(rs.iterator().next()));
    }

    /** Creates a workspace; a taken name is a 409. */
    Uni<Workspace> createWorkspace(String name) {
        return pool.preparedQuery("insert into workspace (name) values ($1) on conflict do nothing"
                + " returning id, public_id, name").execute(Tuple.of(name)).map(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.conflict("name", "a workspace named '" + name + "' exists");
                    }
                    return workspace(rs.iterator().next());
                });
    }

    /** Up to limit + 1 workspaces after the cursor, by id. */
    public Uni<List<Paged<WorkspaceInfo>>> workspaces(long after, int limit) {
        return pool.preparedQuery("select id, public_id, name, created_at from workspace where id > $1 order by id"
                + " limit $2").execute(Tuple.of(after, limit + 1)).map(rs -> {
                    List<Paged<WorkspaceInfo>> out = new ArrayList<>();
                    for (Row r : rs) {
                        out.add(new Paged<>(r.getLong("id"), new WorkspaceInfo(r.getUUID("public_id"),
                                r.getString("name"), r.getOffsetDateTime("created_at"))));
                    }
                    return out;
                });
    }

    /** An item of a page with the internal key its cursor is made of. */
    public record Paged<T>(long cursor, T item) {
    }

    /**
     * Stores a key for {@code workspace}: only its handle, salt and salted hash. Returns what listing shows;
     * the caller shows {@code key} to its client once.
     */
    public Uni<KeyInfo> createKey(Workspace workspace, String name, Role role, Double requestsPerSecond,
            Integer maxComputations, String key) {
        return insertKey(pool, workspace.id(), name, role, requestsPerSecond, maxComputations, key);
    }

    static Uni<KeyInfo> insertKey(SqlClient client, long workspaceId, String name, Role role,
            Double requestsPerSecond, Integer maxComputations, String key) {
        byte[] salt = KeySecrets.newSalt();
        return client.preparedQuery("insert into api_key as k (workspace_id, name, role, prefix, salt, hash,"
                + " requests_per_second, max_computations) values ($1, $2, $3, $4, $5, $6, $7, $8) returning "
                + KEY_COLUMNS).execute(Tuple.from(new Object[] {workspaceId, name, role.wire(),
                        KeySecrets.handle(key), io.vertx.core.buffer.Buffer.buffer(salt),
                        io.vertx.core.buffer.Buffer.buffer(KeySecrets.hash(salt, key)), requestsPerSecond,
                        maxComputations}))
                .map(rs -> keyInfo(rs.iterator().next()));
    }

    /** Up to limit + 1 keys of the workspace after the cursor, by id (revoked ones included). */
    public Uni<List<Paged<KeyInfo>>> keys(Workspace workspace, long after, int limit) {
        return pool.preparedQuery("select k.id, " + KEY_COLUMNS + " from api_key k where k.workspace_id = $1"
                + " and k.id > $2 order by k.id limit $3").execute(Tuple.of(workspace.id(), after, limit + 1))
                .map(rs -> {
                    List<Paged<KeyInfo>> out = new ArrayList<>();
                    for (Row r : rs) {
                        out.add(new Paged<>(r.getLong("id"), keyInfo(r)));
                    }
                    return out;
                });
    }

    /** The workspace's key; 404 when absent or in another workspace. */
    public Uni<KeyInfo> key(Workspace workspace, UUID id) {
        return pool.preparedQuery("select " + KEY_COLUMNS + " from api_key k where k.workspace_id = $1"
                + " and k.public_id = $2").execute(Tuple.of(workspace.id(), id)).map(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.notFound("key", id);
                    }
                    return keyInfo(rs.iterator().next());
                });
    }

    /** Revokes the workspace's key (idempotent); returns its handle; 404 when absent or in another workspace. */
    public Uni<String> revoke(Workspace workspace, UUID id) {
        return pool.preparedQuery("update api_key set revoked_at = coalesce(revoked_at, now())"
                + " where workspace_id = $1 and public_id = $2 returning prefix")
                .execute(Tuple.of(workspace.id(), id)).map(rs -> {
                    if (rs.size() == 0) {
                        throw ProblemException.notFound("key", id);
                    }
                    String handle = rs.iterator().next().getString("prefix");
                    keys.remove(handle); // at once on this replica; the others within augur.auth.key-cache
                    return handle;
                });
    }

    /**
     * The key with that handle with its workspace, or null; read from the database unless it was read less than
     * {@code augur.auth.key-cache} ago (unknown handles are not cached: a key created on another replica works
     * at once).
     */
    @Unscoped("authentication: a key is found by its handle before its workspace is known")
    Uni<StoredKey> lookup(String handle) {
        Cached<StoredKey> cached = keys.get(handle);
        if (cached != null && cached.fresh()) {
            return Uni.createFrom().item(cached.value());
        }
        if (keys.size() > 100_000) {
            keys.clear();
        }
        return read(handle).invoke(k -> {
            if (k != null && cacheNanos > 0) {
                keys.put(handle, new Cached<>(k, System.nanoTime() + cacheNanos));
            }
        });
    }

    /** The workspace of that name, or null, cached like keys. */
    Uni<Workspace> workspaceCached(String name) {
        Cached<Workspace> cached = workspaces.get(name);
        if (cached != null && cached.fresh()) {
            return Uni.createFrom().item(cached.value());
        }
        return workspace(name).invoke(w -> {
            if (w != null && cacheNanos > 0) {
                workspaces.put(name, new Cached<>(w, System.nanoTime() + cacheNanos));
            }
        });
    }

    private Uni<StoredKey> read(String handle) {
        return pool.preparedQuery("select k.public_id, k.role, k.salt, k.hash, k.requests_per_second,"
                + " k.max_computations, k.revoked_at, w.id as w_id, w.public_id as w_public_id, w.name as w_name"
                + " from api_key k join workspace w on w.id = k.workspace_id where k.prefix = $1")
                .execute(Tuple.of(handle)).map(AccessStore::storedKey);
    }

    private static StoredKey storedKey(RowSet<Row> rs) {
        if (rs.size() == 0) {
            return null;
        }
        Row r = rs.iterator().next();
        Workspace w = new Workspace(r.getLong("w_id"), r.getUUID("w_public_id"), r.getString("w_name"));
        return new StoredKey(r.getUUID("public_id"), w, Role.of(r.getString("role")), r.getBuffer("salt").getBytes(),
                r.getBuffer("hash").getBytes(), r.getDouble("requests_per_second"), r.getInteger("max_computations"),
                r.getOffsetDateTime("revoked_at") != null);
    }

    private static KeyInfo keyInfo(Row r) {
        return new KeyInfo(r.getUUID("public_id"), r.getString("name"), Role.of(r.getString("role")),
                r.getString("prefix"), r.getDouble("requests_per_second"), r.getInteger("max_computations"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("revoked_at"));
    }

    static Workspace workspace(Row r) {
        return new Workspace(r.getLong("id"), r.getUUID("public_id"), r.getString("name"));
    }
}
