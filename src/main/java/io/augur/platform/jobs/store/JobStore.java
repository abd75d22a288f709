package io.augur.platform.jobs.store;

import io.augur.platform.auth.Unscoped;
import io.augur.platform.auth.Workspace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs in PostgreSQL, the one place their SQL lives (so a workspace scope is added here alone). The table is
 * the queue: {@link #claimNext} takes the oldest queued job with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * never claim the same job; every write of a running job names its owner and status ({@code where owner = $ and
 * status = 'running'}), so a replica that lost a job (its lease expired and another took it) cannot overwrite
 * it. Times come from the database's clock, so replicas' clocks need not agree.
 */
@ApplicationScoped
public class JobStore {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public String sql() {
            return name().toLowerCase();
        }

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }

        static Status of(String s) {
            return valueOf(s.toUpperCase());
        }
    }

    /** A job as stored, without its body and result. */
    public record StoredJob(UUID id, String operation, Status status, String bodySha256, String progressUnit,
            long progressDone, long progressTotal, String problem, boolean cancelRequested, int attempts, String owner,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime expiresAt,
            boolean expired, boolean hasResult) {
    }

    /** A job a replica claimed: what it needs to run it. */
    public record Claimed(UUID id, String operation, byte[] body, String bodyType, int attempts, long workspaceId) {
    }

    /** A finished job's result, or absent. */
    public record Result(String mediaType, String text) {
    }

    /** What a replica-loss recovery did to one job. */
    public record Recovered(UUID id, Status status) {
    }

    private static final String COLUMNS = """
            id, operation, status, body_sha256, progress_unit, progress_done, progress_total, problem, cancel_requested,
            attempts, owner, created_at, started_at, finished_at, expires_at, coalesce(expires_at < now(), false) as expired,
            result is not null as has_result""";

    private static final String INSERT = "insert into job (id, operation, status, body, body_type, body_sha256, "
            + "workspace_id) values ($1, $2, 'queued', $3, $4, $5, $6) returning " + COLUMNS;

    private static final String SELECT = "select " + COLUMNS + " from job where id = $1 and workspace_id = $2";

    private static final String CLAIM = """
            update job set status = 'running', owner = $1, started_at = now(), heartbeat_at = now(),
                   attempts = attempts + 1, progress_unit = null, progress_done = 0, progress_total = 0
             where id = (select id from job where status = 'queued' order by created_at, id
                          limit 1 for update skip locked)
            returning id, operation, body, body_type, attempts, workspace_id""";

    private static final String HEARTBEAT = """
            update job set heartbeat_at = now(), progress_unit = $3, progress_done = $4, progress_total = $5
             where id = $1 and owner = $2 and status = 'running'
            returning cancel_requested""";

    private static final String FINISH = """
            update job set status = $3, result = $4, result_type = $5, problem = $6, finished_at = now(),
                   expires_at = now() + make_interval(secs => $7), body = null, heartbeat_at = null,
                   progress_unit = coalesce($8, progress_unit), progress_done = coalesce($9, progress_done),
                   progress_total = coalesce($10, progress_total)
             where id = $1 and owner = $2 and status = 'running'""";

    /** A job stopped by its replica's graceful shutdown goes back to the queue; that attempt does not count. */
    private static final String RELEASE = """
            update job set status = 'queued', owner = null, heartbeat_at = null, started_at = null,
                   attempts = greatest(attempts - 1, 0)
             where id = $1 and owner = $2 and status = 'running'""";

    private static final String CANCEL_QUEUED = """
            update job set status = 'cancelled', cancel_requested = true, problem = $2, finished_at = now(),
                   expires_at = now() + make_interval(secs => $3), body = null
             where id = $1 and workspace_id = $4 and status = 'queued'""";

    private static final String CANCEL_RUNNING = """
            update job set cancel_requested = true where id = $1 and workspace_id = $2 and status = 'running'""";

    /**
     * Running jobs whose owner stopped renewing the lease: cancelled if a cancel was asked, queued again (owner
     * cleared) while attempts are below the maximum, otherwise failed with the given problem.
     */
    private static final String RECOVER = """
            update job set
                   status = case when cancel_requested then 'cancelled' when attempts < $2 then 'queued' else 'failed' end,
                   problem = case when cancel_requested then $4 when attempts < $2 then null else $3 end,
                   finished_at = case when cancel_requested or attempts >= $2 then now() end,
                   expires_at = case when cancel_requested or attempts >= $2 then now() + make_interval(secs => $5) end,
                   body = case when cancel_requested or attempts >= $2 then null else body end,
                   owner = null, heartbeat_at = null
             where status = 'running' and heartbeat_at < now() - make_interval(secs => $1)
            returning id, status""";

    private static final String PURGE = "delete from job where expires_at < now() - make_interval(secs => $1)";

    private static final String RESULT = "select result_type, result from job where id = $1 and workspace_id = $2"
            + " and status = 'succeeded'";

    private final Pool pool;

    public JobStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new queued job of the workspace. */
    public Uni<StoredJob> create(Workspace workspace, UUID id, String operation, byte[] body, String bodyType,
            String bodySha256) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(id, operation, Buffer.buffer(body), bodyType, bodySha256,
                workspace.id())).map(rs -> job(rs.iterator().next()));
    }

    /** The workspace's job, or empty (also when it belongs to another workspace). */
    public Uni<Optional<StoredJob>> find(Workspace workspace, UUID id) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(id, workspace.id())).map(JobStore::first);
    }

    /** The oldest queued job, now running on {@code owner}, or empty when none is queued. */
    @Unscoped("the queue: a replica claims the oldest job of any workspace; the job keeps its workspace")
    public Uni<Optional<Claimed>> claimNext(String owner) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(owner)).map(rs -> {
            if (rs.size() == 0) {
                return Optional.empty();
            }
            Row r = rs.iterator().next();
            return Optional.of(new Claimed(r.getUUID("id"), r.getString("operation"),
                    r.getBuffer("body").getBytes(), r.getString("body_type"), r.getInteger("attempts"),
                    r.getLong("workspace_id")));
        });
    }

    /**
     * Renews the lease of a running job and records its progress. Answers whether a cancel was asked, or empty
     * when {@code owner} no longer runs the job (its lease expired and it was recovered).
     */
    @Unscoped("the owner replica's lease of a job it claimed")
    public Uni<Optional<Boolean>> heartbeat(UUID id, String owner, String unit, long done, long total) {
        return pool.preparedQuery(HEARTBEAT).execute(Tuple.of(id, owner, unit, done, total))
                .map(rs -> rs.size() == 0 ? Optional.empty()
                        : Optional.of(rs.iterator().next().getBoolean("cancel_requested")));
    }

    /**
     * Ends a running job: {@code result} for a success, {@code problem} (JSON) otherwise; kept for
     * {@code retention}. False when {@code owner} no longer runs it.
     */
    @Unscoped("the owner replica ends a job it claimed")
    public Uni<Boolean> finish(UUID id, String owner, Status status, String resultType, String result, String problem,
            Duration retention, String unit, Long done, Long total) {
        Tuple t = Tuple.tuple().addValue(id).addValue(owner).addValue(status.sql()).addValue(result).addValue(resultType).addValue(problem)
                .addValue(seconds(retention)).addValue(unit).addValue(done).addValue(total);
        return pool.preparedQuery(FINISH).execute(t).map(rs -> rs.rowCount() == 1);
    }

    /** Puts a running job of {@code owner} back in the queue (graceful shutdown). */
    @Unscoped("the owner replica puts a job it claimed back in the queue")
    public Uni<Boolean> release(UUID id, String owner) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(id, owner)).map(rs -> rs.rowCount() == 1);
    }

    /**
     * Cancels a job: a queued one at once (with {@code problem}), a running one by flagging it for its owner,
     * which trips its token at its next heartbeat. Answers the job as it then stands.
     */
    public Uni<Optional<StoredJob>> cancel(Workspace workspace, UUID id, String problem, Duration retention) {
        return pool.withTransaction(c -> c.preparedQuery(CANCEL_QUEUED)
                .execute(Tuple.of(id, problem, seconds(retention), workspace.id()))
                .flatMap(x -> c.preparedQuery(CANCEL_RUNNING).execute(Tuple.of(id, workspace.id())))
                .flatMap(x -> c.preparedQuery(SELECT).execute(Tuple.of(id, workspace.id()))).map(JobStore::first));
    }

    /** Recovers the running jobs whose lease is older than {@code lease}; see {@link #RECOVER}. */
    @Unscoped("any replica's sweep of the jobs whose replica died")
    public Uni<List<Recovered>> recoverStale(Duration lease, int maxAttempts, String lostProblem,
            String cancelledProblem, Duration retention) {
        Tuple t = Tuple.of(seconds(lease), maxAttempts, lostProblem, cancelledProblem, seconds(retention));
        return pool.preparedQuery(RECOVER).execute(t).map(rs -> {
            List<Recovered> out = new ArrayList<>();
            for (Row r : rs) {
                out.add(new Recovered(r.getUUID("id"), Status.of(r.getString("status"))));
            }
            return out;
        });
    }

    /**
     * Deletes the jobs whose result expired more than {@code grace} ago; until then a read of the result says
     * it expired (410) rather than that the job never existed.
     */
    @Unscoped("retention: expired jobs of every workspace are deleted")
    public Uni<Integer> purge(Duration grace) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(seconds(grace))).map(RowSet::rowCount);
    }

    /** The stored result of the workspace's succeeded job. */
    public Uni<Optional<Result>> result(Workspace workspace, UUID id) {
        return pool.preparedQuery(RESULT).execute(Tuple.of(id, workspace.id())).map(rs -> {
            if (rs.size() == 0) {
                return Optional.empty();
            }
            Row r = rs.iterator().next();
            return r.getString("result") == null ? Optional.empty()
                    : Optional.of(new Result(r.getString("result_type"), r.getString("result")));
        });
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Optional<StoredJob> first(RowSet<Row> rs) {
        return rs.size() == 0 ? Optional.empty() : Optional.of(job(rs.iterator().next()));
    }

    private static StoredJob job(Row r) {
        return new StoredJob(r.getUUID("id"), r.getString("operation"), Status.of(r.getString("status")),
                r.getString("body_sha256"), r.getString("progress_unit"), r.getLong("progress_done"),
                r.getLong("progress_total"), r.getString("problem"), r.getBoolean("cancel_requested"),
                r.getInteger("attempts"), r.getString("owner"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"), r.getOffsetDateTime("expires_at"),
                r.getBoolean("expired"), r.getBoolean("has_result"));
    }
}
