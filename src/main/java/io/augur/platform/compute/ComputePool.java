package io.augur.platform.compute;

import io.augur.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounded worker pool that runs CPU-heavy engine work (fits, bootstraps, metric computations) off
 * the event loop. Sized to the cores ({@code augur.compute.threads}, 0 = available processors) with
 * a bounded queue ({@code augur.compute.queue}); a full queue answers 503 with Retry-After at once,
 * and a task that outlives {@code augur.compute.time-budget} is interrupted and answered with 503.
 */
@Startup
@ApplicationScoped
public class ComputePool {

    private final ThreadPoolExecutor executor;
    private final Duration timeBudget;

    public ComputePool(@ConfigProperty(name = "augur.compute.threads") int threads,
            @ConfigProperty(name = "augur.compute.queue") int queue,
            @ConfigProperty(name = "augur.compute.time-budget") Duration timeBudget,
            MeterRegistry registry) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "augur-compute-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.timeBudget = timeBudget;
        Gauge.builder("augur.compute.active", executor, ThreadPoolExecutor::getActiveCount)
                .description("compute tasks running").register(registry);
        Gauge.builder("augur.compute.queued", executor, e -> e.getQueue().size())
                .description("compute tasks waiting").register(registry);
    }

    /** Runs {@code task} on the pool within the default time budget. */
    public <T> Uni<T> submit(Callable<T> task) {
        return submit(task, timeBudget);
    }

    /** Runs {@code task} on the pool; the Uni fails with a 503 problem when the pool is full or time runs out. */
    public <T> Uni<T> submit(Callable<T> task, Duration budget) {
        return Uni.createFrom().deferred(() -> {
            // Complete on the caller's Vert.x context, so what follows (database calls) runs on its event loop.
            Context caller = Vertx.currentContext();
            CompletableFuture<T> result = new CompletableFuture<>();
            FutureTask<T> future = new FutureTask<>(task) {
                @Override
                protected void done() {
                    if (isCancelled()) {
                        result.cancel(false);
                        return;
                    }
                    Runnable completion;
                    try {
                        T value = get();
                        completion = () -> result.complete(value);
                    } catch (ExecutionException e) {
                        completion = () -> result.completeExceptionally(e.getCause());
                    } catch (InterruptedException | CancellationException e) {
                        completion = () -> result.completeExceptionally(e);
                    }
                    if (caller != null) {
                        Runnable c = completion;
                        caller.runOnContext(v -> c.run());
                    } else {
                        completion.run();
                    }
                }
            };
            try {
                executor.execute(future);
            } catch (RejectedExecutionException e) {
                return Uni.createFrom().failure(busy("the compute pool is full (" + executor.getMaximumPoolSize()
                        + " running, " + executor.getQueue().size() + " waiting); retry shortly"));
            }
            return Uni.createFrom().completionStage(result)
                    .ifNoItem().after(budget).failWith(() -> {
                        future.cancel(true);
                        return busy("the computation exceeded its time budget of " + budget.toSeconds()
                                + " s; ask for less work (fewer bootstrap rounds or starts) or submit it as a job");
                    });
        });
    }

    private static ProblemException busy(String detail) {
        return ProblemException.unavailable(detail);
    }

    public int threads() {
        return executor.getMaximumPoolSize();
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
