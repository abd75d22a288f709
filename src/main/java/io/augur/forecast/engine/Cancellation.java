package io.augur.forecast.engine;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation for CPU-heavy loops that may run on pool threads: it remembers the
 * thread that started the computation and throws {@link CancellationException} when that thread
 * (or the current one) has been interrupted, so the API can enforce a time budget by interrupting
 * the request's worker thread.
 */
final class Cancellation {

    private final Thread owner;

    private Cancellation(Thread owner) {
        this.owner = owner;
    }

    static Cancellation ofCurrentThread() {
        return new Cancellation(Thread.currentThread());
    }

    void check() {
        if (owner.isInterrupted() || (Thread.currentThread() != owner && Thread.currentThread().isInterrupted())) {
            throw new CancellationException("forecast computation interrupted");
        }
    }
}
