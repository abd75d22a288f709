package io.augur.stats;

import java.util.concurrent.CancellationException;

/**
 * The one cooperative cancellation signal of a computation. Whoever runs the computation (the service's
 * compute pool) trips it when the time budget ends or the client goes away; the engines call
 * {@link #check()} in their loops (bootstrap rounds, multi-start fits, metric passes, parsers) and stop
 * with a {@link CancellationException} carrying the reason. Tripping is idempotent: the first reason wins.
 * Thread-safe; checking is one volatile read.
 */
public final class CancellationToken {

    private volatile String reason;

    /** Trips the token; later calls keep the first reason. */
    public void cancel(String why) {
        if (reason == null) {
            synchronized (this) {
                if (reason == null) {
                    reason = why == null ? "cancelled" : why;
                }
            }
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Why the token was tripped, or null. */
    public String reason() {
        return reason;
    }

    /** Throws {@link CancellationException} (with the reason) once the token is tripped. */
    public void check() {
        String r = reason;
        if (r != null) {
            throw new CancellationException(r);
        }
    }
}
