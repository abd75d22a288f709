package io.augur.platform.compute;

import io.augur.stats.CancellationToken;
import io.augur.stats.Progress;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;

/**
 * A computation that is not an HTTP request's: an asynchronous job. Put on the (duplicated) Vert.x context
 * that runs the job's operation, it makes every {@link ComputePool#submit} of that operation share the
 * job's cancellation token and {@link Progress}, run within the job's own deadline instead of the request
 * budget, and wait for a thread instead of being refused when the queue is full (jobs are bounded by their
 * own concurrency limit).
 */
public record ComputeScope(CancellationToken token, Progress progress, long deadlineNanos, Duration budget) {

    private static final String KEY = ComputeScope.class.getName();

    /** A scope whose deadline is {@code budget} from now. */
    public static ComputeScope startingNow(CancellationToken token, Progress progress, Duration budget) {
        return new ComputeScope(token, progress, System.nanoTime() + budget.toNanos(), budget);
    }

    /** Time left before the deadline (zero once past). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Puts this scope on a duplicated context (where it, and only it, sees the scope). */
    public void bind(Context duplicated) {
        if (!VertxContext.isDuplicatedContext(duplicated)) {
            throw new IllegalArgumentException("a compute scope is bound to a duplicated context only");
        }
        duplicated.putLocal(KEY, this);
    }

    /** The scope of the computation running on the current context, if it is a job's. */
    static Optional<ComputeScope> current() {
        Context c = Vertx.currentContext();
        if (c == null || !VertxContext.isDuplicatedContext(c)) {
            return Optional.empty();
        }
        return ContextLocals.get(KEY);
    }
}
