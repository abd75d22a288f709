package io.augur.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a computation has come, in the engine's own units ("rounds" of a bootstrap, "lines" of a run
 * file): units done of units asked. Engines find it the way they find their cancellation token, through
 * {@link Workers#current()}, and report with {@link #begin} once and {@link #advance} as they go; whoever
 * runs the computation (a job) reads {@link #snapshot()} from another thread. A computation with several
 * phases (a fit, then its bootstrap) calls {@link #begin} for each; the last phase begun is the one shown.
 * Thread-safe: {@link #advance} is one atomic add, cheap enough to call once per bootstrap round.
 */
public final class Progress {

    /** What a reader sees: {@code done} of {@code total} {@code unit}s; total 0 when nothing was begun yet. */
    public record Snapshot(String unit, long done, long total) {
    }

    private volatile String unit;
    private volatile long total;
    private final AtomicLong done = new AtomicLong();

    /** Starts a phase of {@code total} units named {@code unit} (plural, e.g. "rounds"), none done yet. */
    public void begin(String unit, long total) {
        this.done.set(0);
        this.total = Math.max(0, total);
        this.unit = unit;
    }

    /** Counts {@code units} more done. */
    public void advance(long units) {
        done.addAndGet(units);
    }

    public Snapshot snapshot() {
        long t = total;
        return new Snapshot(unit, Math.min(done.get(), t == 0 ? Long.MAX_VALUE : t), t);
    }
}
