package io.augur.forecast.engine;

import io.augur.stats.CancellationToken;
import io.augur.stats.Workers;
import java.util.concurrent.CancellationException;

/**
 * The forecast loops' handle on the computation's {@link CancellationToken} (the one the compute pool
 * trips when the time budget ends or the client leaves): {@link #check()} throws
 * {@link CancellationException} once it is tripped.
 */
final class Cancellation {

    private final CancellationToken token;

    private Cancellation(CancellationToken token) {
        this.token = token;
    }

    /** The token of the computation running on this thread (a fresh, never-tripped one outside the pool). */
    static Cancellation ofCurrentThread() {
        return new Cancellation(Workers.current().token());
    }

    void check() {
        token.check();
    }
}
