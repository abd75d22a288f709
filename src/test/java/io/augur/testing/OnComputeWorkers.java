package io.augur.testing;

import io.augur.stats.CancellationToken;
import io.augur.stats.ForkJoinWorkers;
import io.augur.stats.Workers;
import java.lang.reflect.Method;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs each test method with a {@link ForkJoinWorkers} on a pool of one worker per core bound as
 * {@link Workers#current()}, as the service's compute pool does: for benchmarks, which must measure the
 * engines' parallel paths (engines outside a bound pool run sequentially).
 */
public class OnComputeWorkers implements InvocationInterceptor {

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** The same workers, for tests that compare against a sequential run. */
    public static Workers workers() {
        return new ForkJoinWorkers(POOL, new CancellationToken());
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Workers.run(workers(), () -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
