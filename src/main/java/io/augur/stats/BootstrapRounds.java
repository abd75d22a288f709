package io.augur.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs the rounds of a bootstrap on the computation's {@link Workers} (the compute pool's workers in the
 * service, sequential in engine tests), so that the replicates depend only on the seed, never on how many
 * threads ran them, and every round or block checks the computation's cancellation token (throwing
 * {@link CancellationException} once the time budget ends or the client leaves). Two layouts:
 * <ul>
 * <li>{@link #eachRound}: round r is one task; the caller draws round r from
 * {@code RandomStreams.stream(seed, r)} (refits that cost far more than their draws: curve fits, matrix
 * completion);</li>
 * <li>{@link #inBlocks}: fixed blocks of {@value #BLOCK} rounds, block b drawing from
 * {@code RandomStreams.stream(seed, b)} (cheap rounds of a few statistics: stratified score-table
 * bootstraps), run on the calling thread below {@value #PARALLEL_WORK} draws in all.</li>
 * </ul>
 * Rounds done are reported to the computation's {@link Progress} (a job's progress).
 */
public final class BootstrapRounds {

    /** Rounds per block of {@link #inBlocks}. */
    public static final int BLOCK = 64;
    /** Below this many elementary draws in all, {@link #inBlocks} runs on the calling thread. */
    public static final long PARALLEL_WORK = 2_000_000;
    /** Rounds per task of {@link #eachRound} on an explicit executor. */
    static final int EXECUTOR_BLOCK = 8;

    /** The work of one block: fills {@code out[stat][round]} for rounds [from, to). */
    @FunctionalInterface
    public interface Block {
        void run(UniformRandomProvider rng, int from, int to, double[][] out);
    }

    private BootstrapRounds() {
    }

    /**
     * Runs {@code round.accept(r)} for r in [0, rounds) on the computation's workers, or, when {@code executor}
     * is not null (tests), in blocks of {@value #EXECUTOR_BLOCK} rounds on it. Each round must write only its
     * own slots.
     */
    public static void eachRound(int rounds, Executor executor, IntConsumer round) {
        if (executor == null) {
            Progress progress = Workers.currentProgress();
            progress.begin("rounds", rounds);
            Workers.current().forEach(rounds, r -> {
                round.accept(r);
                progress.advance(1);
            });
            return;
        }
        List<CompletableFuture<Void>> blocks = new ArrayList<>();
        for (int from = 0; from < rounds; from += EXECUTOR_BLOCK) {
            int start = from;
            int end = Math.min(rounds, from + EXECUTOR_BLOCK);
            blocks.add(CompletableFuture.runAsync(() -> {
                for (int r = start; r < end; r++) {
                    if (Workers.cancelled()) {
                        throw new CancellationException("bootstrap interrupted");
                    }
                    round.accept(r);
                }
            }, executor));
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

    /** Replicates out[stat][round] of {@code stats} statistics, computed in blocks of {@value #BLOCK} rounds. */
    public static double[][] inBlocks(long seed, int rounds, int stats, long drawsPerRound, Block body) {
        double[][] out = new double[stats][rounds];
        int blocks = (rounds + BLOCK - 1) / BLOCK;
        Workers workers = Workers.current();
        if (drawsPerRound * rounds < PARALLEL_WORK) {
            workers = new Workers.Sequential(workers.token(), workers.progress());
        }
        Progress progress = workers.progress();
        progress.begin("rounds", rounds);
        workers.forEach(blocks, b -> {
            int from = b * BLOCK;
            int to = Math.min(rounds, from + BLOCK);
            body.run(RandomStreams.stream(seed, b), from, to, out);
            progress.advance(to - from);
        });
        return out;
    }

    /**
     * A per-entity seed derived from the user seed and a name, so that one entity's intervals do not depend on
     * which others share the request.
     */
    public static long subSeed(long seed, String name) {
        return RandomStreams.stream(seed, Integer.toUnsignedLong(name.hashCode()) + 0x1_0000_0000L).nextLong();
    }
}
