package io.augur.platform.jobs;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.augur.platform.auth.AccessStore;
import io.augur.platform.auth.CallerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.compute.ComputeScope;
import io.augur.platform.database.SchemaVersionCheck;
import io.augur.platform.jobs.store.JobStore;
import io.augur.platform.jobs.store.JobStore.Status;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemMapper;
import io.augur.stats.CancellationToken;
import io.augur.stats.Progress;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Runs the jobs of this replica. At most {@code augur.jobs.concurrency} jobs run here at once (0 = half the
 * compute threads, at least one), so jobs never take every compute slot from synchronous requests; a replica
 * with a free slot claims the oldest queued job from the database every {@code augur.jobs.poll-interval} (and
 * at once when a job is submitted to it). A job runs its operation's own code path (the endpoint's function
 * from body to response) on a duplicated Vert.x context carrying a {@link ComputeScope}: the compute pool then
 * gives it the job's token and {@link Progress} and the job time budget ({@code augur.jobs.time-budget}).
 *
 * <p>Every {@code augur.jobs.heartbeat} the runner renews the lease of each of its jobs and writes its progress;
 * the answer says whether a cancel was asked on any replica, which trips the job's token. A replica that dies
 * mid-job stops renewing: once the heartbeat is older than {@code augur.jobs.lease}, any replica's sweep puts
 * the job back in the queue to be run again from its stored body (the computations are deterministic given their
 * seed, so a re-run gives the same result) while it has been attempted fewer than {@code augur.jobs.max-attempts}
 * times, and otherwise marks it failed with a "job lost" problem; it is never left running. On a graceful
 * shutdown the jobs still running here are stopped and put back in the queue at once. Finished jobs keep their
 * result for {@code augur.jobs.retention}; their record is deleted one retention later.
 *
 * <p>A replica serving a database nobody migrated yet (serve-only mode, before the migration Job ends) leaves the
 * job table alone: its timers first ask {@link SchemaVersionCheck} (a catalogue lookup, no error on the server)
 * and skip the tick until the schema this build needs is present, saying so once in the log; from then on the
 * answer is kept.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /** The token reason of a job cancelled by its user (DELETE). */
    static final String CANCELLED = "the job was cancelled (DELETE /api/v1/jobs/{id})";
    private static final String SHUTDOWN = "shutdown";

    private final JobStore store;
    private final JobOperations operations;
    private final ObjectMapper json;
    private final ComputePool compute;
    private final Vertx vertx;
    private final int slots;
    private final Duration timeBudget;
    private final Duration retention;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Duration lease;
    private final int maxAttempts;
    private final String replica;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean stopped = true;
    private long pollTimer = -1;
    private long heartbeatTimer = -1;

    /** A job running on this replica. */
    record Running(UUID id, String operation, CancellationToken token, Progress progress) {
    }

    private final AccessStore access;
    private final SchemaVersionCheck schema;
    /** Set once the schema this build needs is present (it does not go away); until then no tick queries jobs. */
    private volatile boolean schemaPresent;
    private final AtomicBoolean waitingLogged = new AtomicBoolean();
    private final AtomicLong ticksWithoutSchema = new AtomicLong();

    public JobRunner(JobStore store, AccessStore access, @Readiness SchemaVersionCheck schema, JobOperations operations,
            ObjectMapper json, ComputePool compute, Vertx vertx,
            @ConfigProperty(name = "augur.jobs.concurrency", defaultValue = "0") int concurrency,
            @ConfigProperty(name = "augur.jobs.time-budget", defaultValue = "1H") Duration timeBudget,
            @ConfigProperty(name = "augur.jobs.retention", defaultValue = "24H") Duration retention,
            @ConfigProperty(name = "augur.jobs.poll-interval", defaultValue = "1S") Duration pollInterval,
            @ConfigProperty(name = "augur.jobs.heartbeat", defaultValue = "2S") Duration heartbeat,
            @ConfigProperty(name = "augur.jobs.lease", defaultValue = "30S") Duration lease,
            @ConfigProperty(name = "augur.jobs.max-attempts", defaultValue = "2") int maxAttempts) {
        this.store = store;
        this.access = access;
        this.schema = schema;
        this.operations = operations;
        this.json = json;
        this.compute = compute;
        this.vertx = vertx;
        this.slots = concurrency > 0 ? concurrency : Math.max(1, compute.threads() / 2);
        this.timeBudget = timeBudget;
        this.retention = retention;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.replica = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    void start(@Observes StartupEvent event) {
        stopped = false;
        pollTimer = vertx.setPeriodic(pollInterval.toMillis(), t -> whenSchemaPresent(this::claim));
        heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), t -> whenSchemaPresent(() -> {
            renewLeases();
            sweep().subscribe().with(n -> { }, f -> LOG.debugf("job sweep failed: %s", f.toString()));
        }));
    }

    /** Runs a timer's {@code work} if the schema this build needs is present; otherwise skips it (logged once). */
    private void whenSchemaPresent(Runnable work) {
        if (schemaPresent) {
            work.run();
            return;
        }
        schema.present().subscribe().with(present -> {
            if (present) {
                schemaPresent = true;
                if (waitingLogged.get()) {
                    LOG.info("Jobs: the database schema is present; claiming queued jobs");
                }
                work.run();
            } else {
                ticksWithoutSchema.incrementAndGet();
                if (waitingLogged.compareAndSet(false, true)) {
                    LOG.infof("Jobs: not polling for jobs until the database schema version %s is present (see the "
                            + "readiness check \"Database schema\")", SchemaVersionCheck.REQUIRED_VERSION);
                }
            }
        }, f -> LOG.debugf("asking for the database schema failed: %s", f.toString()));
    }

    /** Timer ticks skipped because the schema was not there yet (for the serve-without-schema test). */
    public long ticksWithoutSchema() {
        return ticksWithoutSchema.get();
    }

    /** Stops claiming; the jobs running here are stopped and queued again for another replica. */
    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(heartbeatTimer);
        for (Running r : running.values()) {
            r.token().cancel(SHUTDOWN);
        }
    }

    /** This replica's name in the jobs' owner column. */
    public String replica() {
        return replica;
    }

    /** Jobs this replica runs at once. */
    public int slots() {
        return slots;
    }

    public Duration retention() {
        return retention;
    }

    public Duration lease() {
        return lease;
    }

    /** Claims queued jobs while this replica has free job slots (called on submission and on a timer). */
    public void claim() {
        if (stopped || running.size() >= slots || !claiming.compareAndSet(false, true)) {
            return;
        }
        store.claimNext(replica).subscribe().with(claimed -> {
            claiming.set(false);
            if (claimed.isPresent()) {
                run(claimed.get());
                claim();
            }
        }, failure -> {
            claiming.set(false);
            LOG.debugf("claiming a job failed: %s", failure.toString());
        });
    }

    /** Trips the token of a job running here (a cancel on another replica arrives with the next heartbeat). */
    public void cancelLocally(UUID id) {
        Running r = running.get(id);
        if (r != null) {
            r.token().cancel(CANCELLED);
        }
    }

    /** The live progress of a job running here, or null. */
    public Progress.Snapshot localProgress(UUID id) {
        Running r = running.get(id);
        return r == null ? null : r.progress().snapshot();
    }

    private void run(JobStore.Claimed job) {
        CancellationToken token = new CancellationToken();
        Progress progress = new Progress();
        Running r = new Running(job.id(), job.operation(), token, progress);
        running.put(job.id(), r);
        String instance = "/api/v1/jobs/" + job.id();
        JobOperation op = operations.byOperationId(job.operation()).orElse(null);
        if (op == null) {
            end(r, Status.FAILED, null, null, new Problem("/problems/invalid-input", "Invalid input", 400,
                    "operation: this replica cannot run '" + job.operation() + "'", instance, "operation", null));
            return;
        }
        LOG.infof("Job %s (%s, attempt %d) started on %s", job.id(), job.operation(), job.attempts(), replica);
        ComputeScope scope = ComputeScope.startingNow(token, progress, timeBudget);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        scope.bind(context);
        // a safe (isolated) context, as a request's is: a selection-driven job opens Hibernate Reactive sessions
        VertxContextSafetyToggle.setContextSafe(context, true);
        // the job runs in the workspace it was submitted in (stored with it), as its submitter's computation did
        access.workspaceById(job.workspaceId()).subscribe().with(workspace -> context.runOnContext(v -> {
            Uni<?> work;
            try {
                if (workspace == null) {
                    throw new IllegalStateException("the job's workspace no longer exists");
                }
                CallerContext.bindJob(workspace, job.id().toString());
                work = op.run().apply(job.body());
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            work.flatMap(item -> compute.submit(() -> serialize(item, op.produces())))
                    .subscribe().with(
                            result -> end(r, Status.SUCCEEDED, result[0], result[1], null),
                            failure -> failed(r, failure, instance));
        }), failure -> failed(r, failure, instance));
    }

    /** The response entity as the endpoint would write it: JSON, or text (SVG, trec_eval output) as is. */
    private String[] serialize(Object item, String produces) throws Exception {
        Object entity = item instanceof Response response ? response.getEntity() : item;
        if (entity instanceof String text) {
            return new String[] { text, produces };
        }
        return new String[] { json.writeValueAsString(entity), "application/json" };
    }

    private void failed(Running r, Throwable failure, String instance) {
        String reason = r.token().reason();
        if (SHUTDOWN.equals(reason)) {
            store.release(r.id(), replica).subscribe().with(x -> running.remove(r.id()), f -> running.remove(r.id()));
            LOG.infof("Job %s stopped by the shutdown and queued again", r.id());
            return;
        }
        if (CANCELLED.equals(reason)) {
            end(r, Status.CANCELLED, null, null, cancelledProblem(instance));
            return;
        }
        end(r, Status.FAILED, null, null, ProblemMapper.problemOf(failure, instance));
    }

    static Problem cancelledProblem(String instance) {
        return new Problem("/problems/job-cancelled", "Job cancelled", 409, "the job was cancelled before it finished",
                instance, null, null);
    }

    private void end(Running r, Status status, String result, String resultType, Problem problem) {
        Progress.Snapshot p = r.progress().snapshot();
        String problemJson = problem == null ? null : toJson(problem);
        boolean reported = p.unit() != null;
        store.finish(r.id(), replica, status, resultType, result, problemJson, retention, p.unit(),
                reported ? p.done() : null, reported ? p.total() : null)
                .subscribe().with(mine -> {
                    running.remove(r.id());
                    LOG.infof("Job %s (%s) %s%s", r.id(), r.operation(), status.sql(),
                            mine ? "" : "; it was no longer this replica's (lease lost), result dropped");
                    claim();
                }, f -> {
                    running.remove(r.id());
                    LOG.warnf("Job %s: storing its end (%s) failed: %s", r.id(), status.sql(), f.toString());
                    claim();
                });
    }

    /** Renews the lease and records the progress of every job running here; trips the tokens of cancelled ones. */
    private void renewLeases() {
        for (Running r : List.copyOf(running.values())) {
            Progress.Snapshot p = r.progress().snapshot();
            store.heartbeat(r.id(), replica, p.unit(), p.done(), p.total()).subscribe().with(answer -> {
                if (answer.isEmpty()) {
                    r.token().cancel("the job's lease was lost to another replica");
                } else if (answer.get()) {
                    r.token().cancel(CANCELLED);
                }
            }, f -> LOG.debugf("job heartbeat failed: %s", f.toString()));
        }
    }

    /**
     * Recovers jobs whose replica stopped renewing their lease (queued again, or failed after max-attempts),
     * then deletes the records whose result expired one retention ago. Runs on every replica's heartbeat timer;
     * public so tests can run it at once. Answers how many jobs were recovered.
     */
    public Uni<Integer> sweep() {
        String lost = toJson(new Problem("/problems/job-lost", "Job lost", 503, "the replica running this job stopped "
                + "renewing its lease (augur.jobs.lease, " + lease.toSeconds() + " s) and the job had already been "
                + "attempted " + maxAttempts + " time(s) (augur.jobs.max-attempts); submit it again", null, null, null));
        String cancelled = toJson(cancelledProblem(null));
        return store.recoverStale(lease, maxAttempts, lost, cancelled, retention).flatMap(recovered -> {
            for (JobStore.Recovered j : recovered) {
                LOG.warnf("Job %s: its replica stopped renewing the lease; now %s", j.id(), j.status().sql());
            }
            if (recovered.stream().anyMatch(j -> j.status() == Status.QUEUED)) {
                claim();
            }
            return store.purge(retention).map(purged -> recovered.size());
        });
    }

    private String toJson(Problem p) {
        try {
            return json.writeValueAsString(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "augur";
        }
    }
}
