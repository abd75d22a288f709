package io.augur.platform.compute;

import io.augur.platform.auth.Caller;
import io.augur.platform.http.HttpOperations;
import io.augur.platform.http.RequestIds;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.CancellationToken;
import io.augur.stats.ForkJoinWorkers;
import io.augur.stats.Workers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The pool that owns all CPU-heavy work (parsing and validating bodies, fits, bootstraps, metric
 * computations): a dedicated {@link ForkJoinPool} of {@code augur.compute.threads} workers (0 = the
 * cores) that never grows, so parallel work inside one request ({@link Workers#forEach}) runs on these
 * same threads and joins by work stealing. At most {@code augur.compute.queue} computations wait beyond
 * the running ones; one more is answered at once with 503 "queue full".
 *
 * <p>Fair between callers: each caller (quota key: API key, token subject) has at most
 * {@code augur.auth.max-computations} admitted (more is answered 429), and the admitted ones wait in one queue
 * per caller; at most as many computations as there are threads run at once, and a free thread goes to the
 * caller with the fewest running, round-robin among ties ({@link FairDispatch}). So a tenant with its whole
 * quota of heavy bootstraps queued delays another tenant's request by the computations already running, not by
 * its queue. Parallel loops inside a running computation are not dispatched: they use the idle threads.
 *
 * <p>Every computation gets a {@link CancellationToken}, bound with the pool's {@link Workers} as
 * {@link Workers#current()}. The token is tripped when the time budget ({@code augur.compute.time-budget},
 * counted from submission, so queue wait counts) ends, answered with 503 "time budget spent", or when the
 * HTTP client goes away (response closed before it was written); the engines check it in their loops and
 * stop. A computation still queued when its token trips never starts. Retry-After is the expected wait:
 * the queue ahead divided by the threads, times the recent mean run time.
 *
 * <p>Asynchronous jobs (io.augur.platform.jobs) run their steps here too, identified by the {@link ComputeScope}
 * on their Vert.x context: on the job workers, a second pool of {@code augur.jobs.threads} workers, with the
 * job's token, {@link io.augur.stats.Progress} and time budget ({@code augur.jobs.time-budget}), outside the
 * request queue. A computation over its request budget is told, in its 503, to run as a job.
 *
 * <p>Shutdown: on SIGTERM Quarkus lets requests in flight finish for {@code quarkus.shutdown.timeout} (new
 * ones are refused with 503) and then closes the HTTP connections. So that the computations still running
 * are answered rather than cut off, the pool's own shutdown hook waits alongside for the timeout minus
 * {@code augur.compute.shutdown-grace}; then every computation still admitted has its token tripped with
 * reason "shutdown" and its request answered 503 "shutting down", which ends the graceful wait early. The
 * workers see their tokens within the grace; a worker that does not is abandoned (the threads are daemons),
 * so the process never waits on an engine.
 */
@Startup
@ApplicationScoped
public class ComputePool {

    private static final Logger LOG = Logger.getLogger(ComputePool.class);

    private final ForkJoinPool pool;
    /** The job workers: asynchronous jobs' computations run here, never on the request threads. */
    private final ForkJoinPool jobPool;
    private final AtomicInteger jobsRunning = new AtomicInteger();
    private final int threads;
    private final int queue;
    private final Duration timeBudget;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    /** Which admitted computation gets the next free thread: fair between callers (quota keys). */
    private final FairDispatch<Waiting> dispatch;
    /** The queue of computations submitted outside a request with a caller (tests; authentication disabled). */
    private static final String UNNAMED_CALLER = "";
    private final Counter rejected;
    private final Counter budgetSpent;
    private final Counter clientGone;
    private final MeterRegistry registry;
    private final Duration shutdownGrace;
    private final Duration shutdownTimeout;
    private final Thread shutdownHook;
    /** Every admitted computation not yet answered (queued or running), so shutdown can stop and answer them. */
    private final Set<Admitted<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** Set when shutdown stops the computations: from then on none starts, and each is answered "shutting down". */
    private volatile boolean stopping;
    /** Exponentially weighted mean run time of finished computations, in seconds. */
    private volatile double meanRunSeconds = 1.0;

    public ComputePool(@ConfigProperty(name = "augur.compute.threads") int threads,
            @ConfigProperty(name = "augur.compute.queue") int queue,
            @ConfigProperty(name = "augur.compute.time-budget") Duration timeBudget,
            @ConfigProperty(name = "augur.compute.shutdown-grace", defaultValue = "1S") Duration shutdownGrace,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "0S") Duration shutdownTimeout,
            @ConfigProperty(name = "augur.jobs.threads", defaultValue = "0") int jobThreads,
            MeterRegistry registry) {
        this.registry = registry;
        this.shutdownGrace = shutdownGrace;
        this.shutdownTimeout = shutdownTimeout;
        this.shutdownHook = Thread.ofPlatform().name("augur-compute-shutdown").unstarted(this::onSignal);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.queue = Math.max(0, queue);
        this.timeBudget = timeBudget;
        this.dispatch = new FairDispatch<>(this.threads);
        AtomicInteger counter = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("augur-compute-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // core = max = parallelism: the pool never adds compensation threads, so it uses exactly its threads;
        // saturate = true: a join that cannot be compensated waits (helping by work stealing) instead of failing.
        this.pool = new ForkJoinPool(this.threads, factory, null, false, this.threads, this.threads, 1, p -> true,
                60, TimeUnit.SECONDS);
        int jobWorkers = jobThreads > 0 ? jobThreads : Math.max(1, this.threads / 2);
        AtomicInteger jobCounter = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory jobFactory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("augur-job-" + jobCounter.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.jobPool = new ForkJoinPool(jobWorkers, jobFactory, null, false, jobWorkers, jobWorkers, 1, p -> true,
                60, TimeUnit.SECONDS);
        Gauge.builder("augur.compute.jobs.active", jobsRunning, AtomicInteger::get)
                .description("job computation steps running on the job workers").register(registry);
        Gauge.builder("augur.compute.active", running, AtomicInteger::get)
                .description("computations running").register(registry);
        Gauge.builder("augur.compute.queued", this, ComputePool::queued)
                .description("computations waiting for a thread").register(registry);
        this.rejected = Counter.builder("augur.compute.rejected").description("computations refused: queue full")
                .register(registry);
        this.budgetSpent = Counter.builder("augur.compute.cancelled").tag("reason", "budget")
                .description("computations stopped when their time budget ended").register(registry);
        this.clientGone = Counter.builder("augur.compute.cancelled").tag("reason", "client")
                .description("computations stopped because the client went away").register(registry);
    }

    /** Computations admitted (queued or running) per quota key (API key or token subject), for the per-caller cap. */
    private final ConcurrentHashMap<String, Integer> perCaller = new ConcurrentHashMap<>();

    /** A caller's share of the pool: at most {@code max} computations admitted at once under {@code key}. */
    record Quota(String key, int max) {
    }

    /** Runs {@code task} on the pool within the default time budget. */
    public <T> Uni<T> submit(Callable<T> task) {
        return submit(task, timeBudget);
    }

    /**
     * Runs {@code task} on the pool; the Uni completes on the caller's Vert.x context, or fails with a 503
     * problem when the queue is full or the budget (queue wait included) is spent.
     */
    public <T> Uni<T> submit(Callable<T> task, Duration budget) {
        return Uni.createFrom().deferred(() -> submit(task, budget, quotaOfCurrentRequest()));
    }

    /**
     * The caller's quota: its {@link Caller#maxComputations()} admitted at once, counted under its quota key (the
     * key its computations queue under in the fair dispatch). However many computations one caller sends, it
     * holds at most that many queue places, and its excess is answered 429 at once.
     */
    private static Quota quotaOfCurrentRequest() {
        RoutingContext rc = currentRequest();
        Caller caller = rc == null ? null : rc.get(Caller.ATTRIBUTE);
        return caller == null ? null : new Quota(caller.quotaKey(), caller.maxComputations());
    }

    <T> Uni<T> submit(Callable<T> task, Duration budget, Quota quota) {
        return Uni.createFrom().deferred(() -> {
            ComputeScope job = ComputeScope.current().orElse(null);
            if (job != null) {
                return submitForJob(task, job); // jobs have their own workers and bound (augur.jobs.concurrency)
            }
            if (quota != null && !takeQuota(quota)) {
                return Uni.createFrom().failure(new ProblemException(429, "/problems/computation-quota",
                        "Too many computations", "this caller already has " + quota.max() + " computation(s) "
                                + "running or queued, its most at once; retry after the Retry-After seconds",
                        null, null).retryAfter(retryAfterSeconds()));
            }
            if (admitted.incrementAndGet() > threads + queue) {
                if (quota != null) {
                    releaseQuota(quota);
                }
                admitted.decrementAndGet();
                rejected.increment();
                return Uni.createFrom().failure(new ProblemException(503, "/problems/compute-queue-full",
                        "Compute queue full", "the compute pool is full (" + running.get() + " running, " + queued()
                                + " waiting, at most " + queue + "); retry after the Retry-After seconds",
                        null, null).retryAfter(retryAfterSeconds()));
            }
            CancellationToken token = new CancellationToken();
            Context caller = Vertx.currentContext();
            CompletableFuture<T> result = new CompletableFuture<>();
            Admitted<T> admittedComputation = new Admitted<>(token, result, caller);
            inFlight.add(admittedComputation);
            result.whenComplete((v, f) -> {
                inFlight.remove(admittedComputation);
                if (quota != null) {
                    releaseQuota(quota);
                }
            });
            // the request's route names the operation in the compute-time metric; its id goes into the MDC of the worker
            String operation = HttpOperations.currentRoute();
            String requestId = RequestIds.current();
            Waiting waiting = new Waiting(quota == null ? UNNAMED_CALLER : quota.key(), result);
            waiting.body = () -> execute(task, token, caller, result, operation, requestId, waiting.key);
            watchClient(token, waiting);
            if (!dispatch.enqueue(waiting.key, waiting)) { // shutdown began since admission
                admitted.decrementAndGet();
                token.cancel("shutdown");
                result.completeExceptionally(shuttingDown());
            } else {
                startWaiting();
            }
            return Uni.createFrom().completionStage(result)
                    .ifNoItem().after(budget).failWith(() -> {
                        if (!token.isCancelled()) {
                            budgetSpent.increment();
                        }
                        token.cancel("the time budget of " + budget.toMillis() + " ms was spent");
                        withdraw(waiting);
                        return new ProblemException(503, "/problems/time-budget-spent", "Time budget spent",
                                "the computation did not finish within its time budget of " + seconds(budget)
                                        + " (queue wait included); submit it as a job (POST /api/v1/jobs with "
                                        + "{\"operation\": its operationId, \"body\": its body}, or the same request "
                                        + "with the header Prefer: respond-async), ask for less work (fewer bootstrap "
                                        + "rounds, starts or points) or retry when the service is less busy", null, null)
                                .retryAfter(retryAfterSeconds());
                    })
                    .onCancellation().invoke(() -> {
                        token.cancel("the request was cancelled");
                        withdraw(waiting);
                    });
        });
    }

    /** Starts the waiting computations the fair dispatch hands a free thread. */
    private void startWaiting() {
        for (Waiting w : dispatch.take()) {
            try {
                pool.execute(w.body);
            } catch (java.util.concurrent.RejectedExecutionException e) { // the pool was shut down: answered as stopped
                dispatch.finished(w.key);
                admitted.decrementAndGet();
                w.result.completeExceptionally(shuttingDown());
            }
        }
    }

    /**
     * Takes a computation whose token was tripped out of its queue, if it still waits there, so that it frees its
     * place in the queue and its caller's quota at once instead of when its turn comes.
     */
    private void withdraw(Waiting waiting) {
        if (dispatch.remove(waiting.key, waiting)) {
            admitted.decrementAndGet();
            waiting.result.cancel(false);
        }
    }

    private boolean takeQuota(Quota quota) {
        boolean[] taken = new boolean[1];
        perCaller.compute(quota.key(), (k, n) -> {
            int held = n == null ? 0 : n;
            taken[0] = held < quota.max();
            return taken[0] ? held + 1 : n;
        });
        return taken[0];
    }

    private void releaseQuota(Quota quota) {
        perCaller.computeIfPresent(quota.key(), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Computations admitted under the quota key (for tests). */
    int admittedFor(String key) {
        return perCaller.getOrDefault(key, 0);
    }

    /**
     * A step of a job ({@link ComputeScope}): run on the job workers, a second pool of {@code augur.jobs.threads}
     * workers owned by this pool, so that a job's parallel loops never occupy the threads that answer requests
     * (work stealing would otherwise let a long job's subtasks run ahead of every request waiting); not counted
     * against the request queue (jobs have their own bound, augur.jobs.concurrency); sharing the job's token and
     * progress; stopped at the job's deadline.
     */
    private <T> Uni<T> submitForJob(Callable<T> task, ComputeScope job) {
        Context caller = Vertx.currentContext();
        CompletableFuture<T> result = new CompletableFuture<>();
        Admitted<T> admittedComputation = new Admitted<>(job.token(), result, caller);
        inFlight.add(admittedComputation);
        result.whenComplete((v, f) -> inFlight.remove(admittedComputation));
        Duration left = job.remaining();
        try {
            jobPool.execute(() -> executeForJob(task, job, caller, result));
        } catch (java.util.concurrent.RejectedExecutionException e) { // shutdown began: answered as the stopped ones are
            result.completeExceptionally(shuttingDown());
        }
        return Uni.createFrom().completionStage(result)
                .ifNoItem().after(left.isZero() ? Duration.ofMillis(1) : left).failWith(() -> {
                    budgetSpent.increment();
                    job.token().cancel("the job time budget of " + seconds(job.budget()) + " was spent");
                    return jobBudgetSpent(job.budget());
                })
                .onCancellation().invoke(() -> job.token().cancel("the job was cancelled"));
    }

    /** The problem a job ends with when its time budget ({@code augur.jobs.time-budget}) is spent. */
    public static ProblemException jobBudgetSpent(Duration budget) {
        return new ProblemException(503, "/problems/time-budget-spent", "Time budget spent",
                "the job did not finish within the job time budget of " + seconds(budget) + " (augur.jobs.time-budget);"
                        + " ask for less work (fewer bootstrap rounds, starts or points)", null, null);
    }

    private <T> void execute(Callable<T> task, CancellationToken token, Context caller, CompletableFuture<T> result,
            String operation, String requestId, String key) {
        try {
            if (stopping) { // shutdown began while this one was queued: never start, answer "shutting down"
                admitted.decrementAndGet();
                token.cancel("shutdown");
                result.completeExceptionally(shuttingDown());
                return;
            }
            if (token.isCancelled()) { // budget spent or client gone while queued: never start
                admitted.decrementAndGet();
                result.cancel(false);
                return;
            }
            running.incrementAndGet();
            if (requestId != null) {
                MDC.put(RequestIds.MDC_KEY, requestId);
            }
            long started = System.nanoTime();
            try {
                run(task, new ForkJoinWorkers(pool, token), caller, result);
            } finally {
                running.decrementAndGet();
                admitted.decrementAndGet();
                long nanos = System.nanoTime() - started;
                double seconds = nanos / 1e9;
                meanRunSeconds = 0.8 * meanRunSeconds + 0.2 * seconds;
                Timer.builder("augur.compute.time").tag("operation", operation == null ? "none" : operation)
                        .description("time computations ran on the compute pool (queue wait excluded), per operation (route)")
                        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
                MDC.remove(RequestIds.MDC_KEY);
            }
        } finally {
            dispatch.finished(key);
            startWaiting();
        }
    }

    /** Runs a step of a job on the job workers, not counted among the requests' computations. */
    private <T> void executeForJob(Callable<T> task, ComputeScope job, Context caller, CompletableFuture<T> result) {
        if (job.token().isCancelled()) {
            result.completeExceptionally(new java.util.concurrent.CancellationException(job.token().reason()));
            return;
        }
        jobsRunning.incrementAndGet();
        try {
            run(task, new ForkJoinWorkers(jobPool, job.token(), job.progress()), caller, result);
        } finally {
            jobsRunning.decrementAndGet();
        }
    }

    /** Runs {@code task} with {@code workers} bound and completes {@code result} on the caller's context. */
    private <T> void run(Callable<T> task, Workers workers, Context caller, CompletableFuture<T> result) {
        Throwable failure = null;
        T value = null;
        try {
            value = Workers.call(workers, task);
        } catch (Throwable t) {
            failure = t;
        }
        Throwable f = failure;
        T v = value;
        // a computation that returns once shutdown has begun was stopped by it (or raced it): answered "shutting
        // down" like the others, whichever completion comes first
        Runnable completion = stopping ? () -> result.completeExceptionally(shuttingDown())
                : f == null ? () -> result.complete(v) : () -> result.completeExceptionally(f);
        if (caller != null) {
            caller.runOnContext(x -> completion.run());
        } else {
            completion.run();
        }
    }

    /**
     * Trips the token when the HTTP response is closed (client gone) before it was written, and takes the
     * computation out of its queue if it still waits.
     */
    private void watchClient(CancellationToken token, Waiting waiting) {
        RoutingContext rc = currentRequest();
        if (rc == null) {
            return;
        }
        if (rc.response().closed()) { // gone before this step of its pipeline was submitted: it never starts
            clientGone.increment();
            token.cancel("the client went away");
            return;
        }
        // The handler lives as long as the request, which may run many computations (a streamed import runs two a
        // chunk): it must not keep a finished computation's task and result (a whole chunk) reachable until the end.
        AtomicReference<Waiting> pending = new AtomicReference<>(waiting);
        waiting.result.whenComplete((v, f) -> pending.set(null));
        rc.addEndHandler(ended -> {
            if (ended.failed() && !token.isCancelled()) {
                clientGone.increment();
                token.cancel("the client went away");
                Waiting still = pending.get();
                if (still != null) {
                    withdraw(still);
                }
            }
        });
    }

    private static RoutingContext currentRequest() {
        try {
            if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
                return null;
            }
            try (InstanceHandle<CurrentVertxRequest> h = Arc.container().instance(CurrentVertxRequest.class)) {
                return h.isAvailable() ? h.get().getCurrent() : null;
            }
        } catch (RuntimeException e) {
            LOG.debug("no current HTTP request to watch", e);
            return null;
        }
    }

    /** Expected seconds until a new computation would start and finish: the queue ahead over the threads. */
    long retryAfterSeconds() {
        double ahead = queued() + 1.0;
        double estimate = Math.ceil(meanRunSeconds * ahead / threads);
        return (long) Math.max(1, Math.min(estimate, Math.max(1, timeBudget.toSeconds())));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Computations waiting for a thread. */
    public int queued() {
        return Math.max(0, admitted.get() - running.get());
    }

    /** Computations running now. */
    public int active() {
        return running.get();
    }

    public int threads() {
        return threads;
    }

    /** Registers {@link #onSignal} as a JVM shutdown hook (only for the running service, not for unit tests). */
    void start(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs after Quarkus's graceful wait (on SIGTERM the hook has already stopped and answered the
     * computations): trips the token of every computation still admitted (reason "shutdown"), answers its
     * request 503, waits at most {@code augur.compute.shutdown-grace} for the workers to return, then abandons
     * the pool.
     */
    void stop(@Observes ShutdownEvent event) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or has run (SIGTERM): it stopped the computations before the connections closed
        }
        stopComputations("the shutdown timeout");
        pool.shutdown();
        try {
            if (!pool.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Shutdown: %d compute worker(s) still busy after %d ms; abandoning them", running.get(),
                        shutdownGrace.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        jobPool.shutdownNow();
    }

    /**
     * The JVM shutdown hook (SIGTERM), running alongside Quarkus's graceful wait: gives the computations in
     * flight the shutdown timeout minus the grace to finish, then stops and answers the rest while their
     * connections are still open.
     */
    private void onSignal() {
        long deadline = System.nanoTime() + Math.max(0, shutdownTimeout.minus(shutdownGrace).toNanos());
        try {
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopComputations("the shutdown timeout (" + shutdownTimeout.toMillis() + " ms) minus the grace ("
                + shutdownGrace.toMillis() + " ms)");
    }

    private void stopComputations(String after) {
        int left = inFlight.size();
        if (left > 0) {
            LOG.infof("Shutdown: stopping %d computation(s) still running after %s", left, after);
        }
        stopping = true;
        for (Waiting w : dispatch.close()) { // answered below with the others in flight
            admitted.decrementAndGet();
        }
        for (Admitted<?> a : inFlight) {
            a.shutDown();
        }
    }

    private static ProblemException shuttingDown() {
        return new ProblemException(503, "/problems/shutting-down", "Shutting down",
                "the service is shutting down and stopped this computation; retry on another instance or once it"
                        + " is back", null, null).retryAfter(1);
    }

    /**
     * An admitted computation in the fair dispatch: its caller's quota key, what runs it on a thread, and its result
     * (cancelled if it is withdrawn while it waits). Compared by identity.
     */
    private static final class Waiting {
        final String key;
        final CompletableFuture<?> result;
        Runnable body;

        Waiting(String key, CompletableFuture<?> result) {
            this.key = key;
            this.result = result;
        }
    }

    /** A computation admitted to the pool: its token, the future its request waits on, and the request's context. */
    private record Admitted<T>(CancellationToken token, CompletableFuture<T> result, Context caller) {

        void shutDown() {
            token.cancel("shutdown");
            ProblemException problem = shuttingDown();
            if (caller != null) {
                caller.runOnContext(x -> result.completeExceptionally(problem));
            } else {
                result.completeExceptionally(problem);
            }
        }
    }
}
