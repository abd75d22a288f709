package io.augur.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The per-caller share of the pool: a caller holding its quota of computations gets 429 with Retry-After for
 * one more, while another caller is still admitted; the quota is given back when a computation ends. Latches
 * order the steps.
 */
class ComputeQuotaTest {

    private static Throwable failure(Uni<?> uni) {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        uni.subscribe().with(v -> f.complete(null), f::complete);
        return f.join();
    }

    @Test
    void aCallerAtItsQuotaIsRefused429WhileAnotherCallerIsAdmitted() throws Exception {
        ComputePool pool = new ComputePool(2, 8, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ZERO, 0,
                new SimpleMeterRegistry());
        ComputePool.Quota heavy = new ComputePool.Quota("key:heavy", 2);
        ComputePool.Quota light = new ComputePool.Quota("key:light", 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        CompletableFuture<Integer> h1 = pool.submit(() -> {
            started.countDown();
            release.await();
            return 1;
        }, Duration.ofMinutes(5), heavy).subscribeAsCompletionStage();
        CompletableFuture<Integer> h2 = pool.submit(() -> {
            started.countDown();
            release.await();
            return 2;
        }, Duration.ofMinutes(5), heavy).subscribeAsCompletionStage();
        started.await();
        assertEquals(2, pool.admittedFor("key:heavy"));

        ProblemException refused = assertInstanceOf(ProblemException.class,
                failure(pool.submit(() -> 3, Duration.ofMinutes(5), heavy)));
        assertEquals(429, refused.status());
        assertEquals("/problems/computation-quota", refused.toProblem("/x").type());
        assertTrue(refused.retryAfter() >= 1);
        assertEquals(2, pool.admittedFor("key:heavy"), "a refused computation holds no quota");

        // the other caller is admitted (it waits for a thread in the queue, ahead of nothing of the heavy caller's)
        CompletableFuture<Integer> l1 = pool.submit(() -> 4, Duration.ofMinutes(5), light).subscribeAsCompletionStage();
        assertEquals(1, pool.admittedFor("key:light"));
        release.countDown();
        assertEquals(1, h1.get());
        assertEquals(2, h2.get());
        assertEquals(4, l1.get());
        // the quota is given back when the computation's result completes (on the worker, maybe just after get())
        while (pool.admittedFor("key:heavy") > 0 || pool.admittedFor("key:light") > 0) {
            Thread.sleep(5);
        }
        // the quota is back: the heavy caller is admitted again
        assertEquals(5, pool.submit(() -> 5, Duration.ofMinutes(5), heavy).await().atMost(Duration.ofMinutes(1)));
    }
}
