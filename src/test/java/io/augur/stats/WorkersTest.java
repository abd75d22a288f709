package io.augur.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WorkersTest {

    /** Two workers, as on the 2-core machines this runs on: nested loops must not deadlock on so few threads. */
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void unboundIsSequentialWithAnUntrippedToken() {
        Workers w = Workers.current();
        assertEquals(1, w.parallelism());
        assertTrue(!w.token().isCancelled());
        StringBuilder order = new StringBuilder();
        w.forEach(5, i -> order.append(i));
        assertEquals("01234", order.toString());
    }

    @Test
    void everyIndexRunsOnceAndNestedLoopsFinishOnABoundedPool() throws Exception {
        ForkJoinWorkers w = new ForkJoinWorkers(POOL, new CancellationToken());
        AtomicIntegerArray hits = new AtomicIntegerArray(40 * 30 * 7);
        // a pool task whose loop body runs loops of its own, two levels deep, as a bootstrap of multi-start fits does
        int total = POOL.submit(() -> Workers.call(w, () -> {
            Workers.current().forEach(40, a -> Workers.current().forEach(30,
                    b -> Workers.current().forEach(7, c -> hits.incrementAndGet((a * 30 + b) * 7 + c))));
            return 1;
        })).get();
        assertEquals(1, total);
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void theFirstFailureIsRethrownAsThrown() {
        ForkJoinWorkers w = new ForkJoinWorkers(POOL, new CancellationToken());
        InvalidInputException bad = new InvalidInputException("points[3].x", "must be positive");
        InvalidInputException thrown = assertThrows(InvalidInputException.class, () -> w.forEach(100, i -> {
            if (i == 37) {
                throw bad;
            }
        }));
        assertSame(bad, thrown);
    }

    @Test
    void aTrippedTokenStopsTheRemainingIndices() {
        CancellationToken token = new CancellationToken();
        ForkJoinWorkers w = new ForkJoinWorkers(POOL, token);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger ranAfterTheTrip = new AtomicInteger();
        CancellationException e = assertThrows(CancellationException.class, () -> w.forEach(100_000, i -> {
            if (token.isCancelled()) {
                ranAfterTheTrip.incrementAndGet();
            }
            if (ran.incrementAndGet() == 10) {
                token.cancel("the time budget of 1 ms was spent");
            }
        }));
        assertEquals("the time budget of 1 ms was spent", e.getMessage());
        // an index whose check passed just before the trip may still run (one per worker), no index after it:
        // counted from the trip itself, since a worker may run many indices while the tripping one is descheduled
        assertTrue(ranAfterTheTrip.get() <= POOL.getParallelism(), "ran after the trip " + ranAfterTheTrip.get());
        assertTrue(ran.get() < 100_000, "ran " + ran.get());
        assertInstanceOf(CancellationException.class, assertThrows(CancellationException.class, token::check));
    }

    @Test
    void theBoundTokenIsSeenOnEveryWorker() {
        CancellationToken token = new CancellationToken();
        ForkJoinWorkers w = new ForkJoinWorkers(POOL, token);
        AtomicInteger same = new AtomicInteger();
        Workers.run(w, () -> w.forEach(64, i -> {
            if (Workers.current().token() == token) {
                same.incrementAndGet();
            }
        }));
        assertEquals(64, same.get());
    }
}
