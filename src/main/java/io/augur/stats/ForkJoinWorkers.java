package io.augur.stats;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * {@link Workers} on a dedicated {@link ForkJoinPool}: {@link #forEach} splits the index range in halves
 * (about four leaves per thread) and joins by work stealing, so a pool task that waits for its own
 * subtasks helps run them instead of blocking a thread, and a bounded pool cannot deadlock on nested
 * parallel loops. Each leaf binds this instance as {@link Workers#current()}, so nested loops and
 * cancellation checks on other workers see the same token. Exceptions from bodies are collected and the
 * first one is rethrown as thrown (ForkJoinTask would otherwise re-create it by reflection).
 */
public record ForkJoinWorkers(ForkJoinPool pool, CancellationToken token, Progress progress) implements Workers {

    /** Workers whose progress nobody reads. */
    public ForkJoinWorkers(ForkJoinPool pool, CancellationToken token) {
        this(pool, token, new Progress());
    }

    @Override
    public void forEach(int n, IntConsumer body) {
        if (n <= 0) {
            return;
        }
        if (n == 1) {
            token.check();
            body.accept(0);
            return;
        }
        int grain = Math.max(1, n / (4 * pool.getParallelism()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Range root = new Range(this, body, 0, n, grain, failure);
        if (ForkJoinTask.getPool() == pool) {
            root.invoke();
        } else {
            pool.invoke(root);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        token.check();
    }

    @Override
    public int parallelism() {
        return pool.getParallelism();
    }

    private static final class Range extends RecursiveAction {
        private final ForkJoinWorkers workers;
        private final IntConsumer body;
        private final int from;
        private final int to;
        private final int grain;
        private final AtomicReference<Throwable> failure;

        Range(ForkJoinWorkers workers, IntConsumer body, int from, int to, int grain, AtomicReference<Throwable> failure) {
            this.workers = workers;
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.failure = failure;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                Workers.run(workers, this::leaf);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(workers, body, from, mid, grain, failure), new Range(workers, body, mid, to, grain, failure));
        }

        private void leaf() {
            for (int i = from; i < to && failure.get() == null; i++) {
                try {
                    workers.token.check();
                    body.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        }
    }
}
