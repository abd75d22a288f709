package io.augur.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.problem.ProblemException;
import io.augur.stats.Workers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool is shared fairly between callers: a tenant with many computations queued does not delay another
 * tenant's computation submitted later behind them (issue 11: "one tenant's heavy bootstraps cannot starve
 * another's"). Under first-in-first-out dispatch each of these orders would be the submission order; latches,
 * not clocks, decide when a thread frees, so the expected orders are exact.
 */
class ComputeFairnessTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private static ComputePool pool(int threads, int queue) {
        return new ComputePool(threads, queue, LONG, Duration.ofSeconds(1), Duration.ZERO, 0, new SimpleMeterRegistry());
    }

    private static Throwable failure(Uni<?> uni) {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        uni.subscribe().with(v -> f.complete(null), f::complete);
        return f.join();
    }

    /** A computation that records its name when it starts and then waits for {@code gate}. */
    private static CompletableFuture<String> submit(ComputePool pool, ComputePool.Quota quota, String name,
            List<String> started, CountDownLatch gate) {
        return pool.submit(() -> {
            started.add(name);
            gate.await();
            return name;
        }, LONG, quota).subscribeAsCompletionStage();
    }

    @Test
    void aLaterTenantIsServedBeforeTheQueueAnotherTenantHoldsOnOneThread() throws Exception {
        ComputePool pool = pool(1, 16);
        ComputePool.Quota heavy = new ComputePool.Quota("key:heavy", 16);
        ComputePool.Quota light = new ComputePool.Quota("key:light", 16);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch rest = new CountDownLatch(0);
        List<CompletableFuture<String>> all = new ArrayList<>();
        all.add(submit(pool, heavy, "heavy-0", started, first));
        awaitStarted(started, 1); // heavy-0 holds the one thread
        for (int i = 1; i <= 5; i++) {
            all.add(submit(pool, heavy, "heavy-" + i, started, rest));
        }
        all.add(submit(pool, light, "light-0", started, rest)); // submitted after all of heavy's
        assertEquals(6, pool.queued());
        first.countDown();
        for (CompletableFuture<String> f : all) {
            f.get();
        }
        // heavy was served last (heavy-0), light never: light's computation takes the thread next
        assertEquals(List.of("heavy-0", "light-0", "heavy-1", "heavy-2", "heavy-3", "heavy-4", "heavy-5"), started);
    }

    @Test
    void aFreeThreadGoesToTheTenantWithFewestRunning() throws Exception {
        ComputePool pool = pool(2, 32);
        ComputePool.Quota a = new ComputePool.Quota("key:a", 32);
        ComputePool.Quota b = new ComputePool.Quota("key:b", 32);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch longGate = new CountDownLatch(1);
        CountDownLatch shortGate = new CountDownLatch(1);
        CountDownLatch aQueuedRun = new CountDownLatch(1);
        CountDownLatch bFirstRuns = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(0);
        List<CompletableFuture<String>> all = new ArrayList<>();
        all.add(submit(pool, a, "a-long", started, longGate)); // holds a thread until the end
        all.add(submit(pool, a, "a-short", started, shortGate));
        awaitStarted(started, 2);
        for (int i = 1; i <= 4; i++) {
            all.add(submit(pool, a, "a-" + i, started, aQueuedRun));
        }
        all.add(submit(pool, b, "b-0", started, bFirstRuns)); // b submits after a's whole queue
        all.add(submit(pool, b, "b-1", started, open));
        assertEquals(6, pool.queued());

        shortGate.countDown(); // a thread frees: a has one running, b none, so b-0 takes it
        awaitStarted(started, 3);
        assertEquals("b-0", started.get(2));
        assertEquals(5, pool.queued(), "a's four and b-1 wait");

        bFirstRuns.countDown(); // b-0 ends: b has none running against a's one, so b-1 goes next; then a-1
        awaitStarted(started, 5);
        assertEquals(List.of("a-long", "a-short", "b-0", "b-1", "a-1"), started);

        aQueuedRun.countDown();
        longGate.countDown();
        for (CompletableFuture<String> f : all) {
            f.get();
        }
        assertEquals(java.util.Set.of("a-2", "a-3", "a-4"), java.util.Set.copyOf(started.subList(5, 8)));
    }

    private static void awaitStarted(List<String> started, int n) {
        while (started.size() < n) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aQueuedComputationWhoseBudgetEndsLeavesItsQueueAndItsQuotaAtOnce() throws Exception {
        ComputePool pool = pool(1, 8);
        ComputePool.Quota q = new ComputePool.Quota("key:q", 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = pool.submit(() -> {
            started.countDown();
            release.await();
            return 1;
        }, LONG, null).subscribeAsCompletionStage();
        started.await();
        AtomicBoolean ran = new AtomicBoolean();
        ProblemException spent = assertInstanceOf(ProblemException.class,
                failure(pool.submit(() -> ran.getAndSet(true), Duration.ofMillis(20), q)));
        assertEquals("/problems/time-budget-spent", spent.toProblem("/x").type());
        // withdrawn while the blocker still runs: no queue place, no quota held
        assertEquals(0, pool.queued());
        assertEquals(0, pool.admittedFor("key:q"));
        release.countDown();
        assertEquals(1, blocker.get());
        assertFalse(ran.get(), "a computation whose budget ended in the queue must not start");
    }

    @Test
    void nestedParallelLoopsStillUseEveryThread() throws Exception {
        // one computation alone: its forEach runs on the pool's other idle threads too (work stealing), while the
        // dispatch counts only the computation itself
        ComputePool pool = pool(2, 4);
        CountDownLatch both = new CountDownLatch(2);
        AtomicInteger threadsSeen = new AtomicInteger();
        int n = pool.submit(() -> {
            java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Workers.current().forEach(64, i -> {
                if (seen.add(Thread.currentThread())) {
                    both.countDown();
                }
                try {
                    both.await(); // each index waits until two threads have run one: only parallel loops pass
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threadsSeen.set(seen.size());
            return 64;
        }).await().atMost(LONG);
        assertEquals(64, n);
        assertEquals(2, threadsSeen.get());
    }
}
