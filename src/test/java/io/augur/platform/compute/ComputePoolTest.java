package io.augur.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.problem.ProblemException;
import io.augur.stats.Workers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The pool outside Quarkus: admission (running + queue), the 503 reasons with Retry-After, a computation
 * whose budget ends while it waits never starts, and the token reaches the engine's loops. Latches, not
 * clocks, order the steps; the only durations are budgets far longer or far shorter than the work.
 */
class ComputePoolTest {

    private static Throwable failure(Uni<?> uni) {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        uni.subscribe().with(v -> f.complete(null), f::complete);
        return f.join();
    }

    @Test
    void aFullQueueAnswers503QueueFullWithRetryAfter() throws Exception {
        ComputePool pool = new ComputePool(1, 1, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ZERO, 0,
                new SimpleMeterRegistry());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = pool.submit(() -> {
            started.countDown();
            release.await();
            return 1;
        }).subscribeAsCompletionStage();
        started.await();
        CompletableFuture<Integer> second = pool.submit(() -> 2).subscribeAsCompletionStage(); // waits in the queue
        assertEquals(1, pool.active());
        assertEquals(1, pool.queued());
        ProblemException full = assertInstanceOf(ProblemException.class, failure(pool.submit(() -> 3)));
        assertEquals(503, full.status());
        assertEquals("/problems/compute-queue-full", full.toProblem("/x").type());
        assertTrue(full.retryAfter() >= 1);
        release.countDown();
        assertEquals(1, first.get());
        assertEquals(2, second.get());
    }

    @Test
    void aBudgetSpentInTheQueueAnswers503AndTheTaskNeverRuns() throws Exception {
        ComputePool pool = new ComputePool(1, 4, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ZERO, 0,
                new SimpleMeterRegistry());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = pool.submit(() -> {
            started.countDown();
            release.await();
            return 1;
        }).subscribeAsCompletionStage();
        started.await();
        AtomicBoolean ran = new AtomicBoolean();
        ProblemException spent = assertInstanceOf(ProblemException.class,
                failure(pool.submit(() -> ran.getAndSet(true), Duration.ofMillis(50))));
        assertEquals("/problems/time-budget-spent", spent.toProblem("/x").type());
        release.countDown();
        blocker.get();
        while (pool.active() > 0 || pool.queued() > 0) {
            Thread.sleep(5);
        }
        assertFalse(ran.get(), "a computation whose budget ended in the queue must not start");
    }

    @Test
    void theBudgetTripsTheTokenTheEngineChecks() throws Exception {
        ComputePool pool = new ComputePool(2, 4, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ZERO, 0,
                new SimpleMeterRegistry());
        CompletableFuture<String> seen = new CompletableFuture<>();
        ProblemException spent = assertInstanceOf(ProblemException.class, failure(pool.submit(() -> {
            try {
                Workers.current().forEach(Integer.MAX_VALUE, i -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (java.util.concurrent.CancellationException e) {
                seen.complete(e.getMessage());
                throw e;
            }
            return 0;
        }, Duration.ofMillis(100))));
        assertEquals(503, spent.status());
        assertTrue(seen.get().contains("time budget"), seen.get());
        while (pool.active() > 0) {
            Thread.sleep(5);
        }
    }

    @Test
    void shutdownStopsRunningAndQueuedComputationsAndAnswers503() throws Exception {
        ComputePool pool = new ComputePool(1, 4, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ZERO, 0,
                new SimpleMeterRegistry());
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> seen = new CompletableFuture<>();
        Uni<Integer> running = pool.submit(() -> {
            started.countDown();
            while (!Workers.cancelled()) { // an engine loop that only honours its token
                Thread.onSpinWait();
            }
            seen.complete(Workers.current().token().reason());
            return 1;
        });
        CompletableFuture<Throwable> runningFailure = CompletableFuture.supplyAsync(() -> failure(running));
        started.await();
        AtomicBoolean queuedRan = new AtomicBoolean();
        Uni<Integer> queued = pool.submit(() -> {
            queuedRan.set(true);
            return 2;
        });
        CompletableFuture<Throwable> queuedFailure = CompletableFuture.supplyAsync(() -> failure(queued));
        while (pool.queued() < 1) {
            Thread.onSpinWait();
        }
        pool.stop(new ShutdownEvent());
        for (Throwable t : new Throwable[] {runningFailure.get(), queuedFailure.get()}) {
            ProblemException p = assertInstanceOf(ProblemException.class, t);
            assertEquals(503, p.status());
            assertEquals("/problems/shutting-down", p.toProblem("/x").type());
        }
        assertEquals("shutdown", seen.get());
        assertFalse(queuedRan.get(), "a computation queued at shutdown never starts");
    }
}
