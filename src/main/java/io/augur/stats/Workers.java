package io.augur.stats;

import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/**
 * Where an engine runs the independent pieces of one computation (bootstrap rounds, starts of a
 * multi-start fit) and the cancellation token it honours. The service binds the compute pool's own
 * implementation around each task ({@link #call}), so parallel work runs on the pool's workers and never
 * on the JVM's common pool; engines called outside such a task (unit tests, benchmarks) get a sequential
 * one with a token nobody trips. It also carries the computation's {@link Progress}. Engines find it with {@link #current()} rather than taking it as a
 * parameter, so no engine signature carries plumbing.
 *
 * <p>Results must not depend on the implementation: {@link #forEach} bodies write to their own index
 * and draw randomness from {@code RandomStreams.stream(seed, index)}, so a parallel run is bit-identical
 * to a sequential one.
 */
public interface Workers {

    /**
     * Runs {@code body.accept(i)} for every i in [0, n), possibly in parallel, and returns when all are done.
     * The token is checked before each index; the first exception thrown by a body (or the cancellation)
     * stops the remaining indices and is rethrown on the calling thread.
     */
    void forEach(int n, IntConsumer body);

    /** The cancellation token of the computation. */
    CancellationToken token();

    /** How many threads {@link #forEach} may use. */
    int parallelism();

    /** Where the computation reports how far it has come; nobody reads it unless a job runs the computation. */
    Progress progress();

    /** The workers bound to the current computation, or a sequential one. */
    static Workers current() {
        return Binding.CURRENT.isBound() ? Binding.CURRENT.get() : sequential(new CancellationToken());
    }

    /** Shorthand for {@code current().token().check()}: throws when the current computation was cancelled. */
    static void checkCancelled() {
        if (Binding.CURRENT.isBound()) {
            Binding.CURRENT.get().token().check();
        }
    }

    /** Whether the current computation was cancelled (for loops that throw their own exception). */
    static boolean cancelled() {
        return Binding.CURRENT.isBound() && Binding.CURRENT.get().token().isCancelled();
    }

    /** The progress of the current computation (one nobody reads outside a bound computation). */
    static Progress currentProgress() {
        return Binding.CURRENT.isBound() ? Binding.CURRENT.get().progress() : new Progress();
    }

    /** Runs {@code task} with {@code workers} bound as {@link #current()} for it (and only it). */
    static <T> T call(Workers workers, Callable<T> task) throws Exception {
        return ScopedValue.where(Binding.CURRENT, workers).call(task::call);
    }

    /** Runs {@code body} with {@code workers} bound as {@link #current()}. */
    static void run(Workers workers, Runnable body) {
        ScopedValue.where(Binding.CURRENT, workers).run(body);
    }

    /** A sequential implementation honouring {@code token}: for engine tests and single-threaded callers. */
    static Workers sequential(CancellationToken token) {
        return new Sequential(token, new Progress());
    }

    /** Runs every index on the calling thread, in order. */
    record Sequential(CancellationToken token, Progress progress) implements Workers {

        @Override
        public void forEach(int n, IntConsumer body) {
            for (int i = 0; i < n; i++) {
                token.check();
                body.accept(i);
            }
        }

        @Override
        public int parallelism() {
            return 1;
        }
    }

    /** Holder of the scoped binding (interfaces cannot have private fields). */
    final class Binding {
        private static final ScopedValue<Workers> CURRENT = ScopedValue.newInstance();

        private Binding() {
        }
    }
}
