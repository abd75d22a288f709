package io.augur.matrix.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * Runs bootstrap rounds in blocks of {@value #BLOCK} on an {@link Executor}. Round r always draws from
 * {@code RandomStreams.stream(seed, r)} and writes only its own slots, so the answer is the same on one
 * thread or many. With no executor the rounds run on {@link io.augur.stats.Workers#current()} (the compute
 * pool's workers in the service, sequential elsewhere); an explicit executor is for tests. A round that
 * finds its computation cancelled throws {@link CancellationException}.
 */
final class ResampleRunner {

    static final int BLOCK = 8;

    private ResampleRunner() {
    }

    static void run(int rounds, Executor executor, IntConsumer round) {
        if (executor == null) {
            // the computation's own workers: the compute pool's in the service, sequential in engine tests
            io.augur.stats.Workers.current().forEach(rounds, round);
            return;
        }
        Executor ex = executor;
        List<CompletableFuture<Void>> blocks = new ArrayList<>();
        for (int from = 0; from < rounds; from += BLOCK) {
            int start = from;
            int end = Math.min(rounds, from + BLOCK);
            blocks.add(CompletableFuture.runAsync(() -> {
                for (int r = start; r < end; r++) {
                    if (io.augur.stats.Workers.cancelled()) {
                        throw new CancellationException("bootstrap interrupted");
                    }
                    round.accept(r);
                }
            }, ex));
        }
        try {
            CompletableFuture.allOf(blocks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            for (CompletableFuture<Void> f : blocks) {
                f.cancel(true);
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
