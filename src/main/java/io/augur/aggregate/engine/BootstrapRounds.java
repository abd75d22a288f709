package io.augur.aggregate.engine;

import io.augur.stats.RandomStreams;
import java.util.concurrent.CancellationException;
import io.augur.stats.Progress;
import io.augur.stats.Workers;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs bootstrap rounds in fixed blocks of {@value #BLOCK} rounds; block b draws from
 * {@code RandomStreams.stream(seed, b)}, so the replicates depend only on the seed, never on how many
 * threads ran the blocks. Large jobs run the blocks in parallel on the compute pool's {@link Workers};
 * every block checks the computation's cancellation token and then throws {@link CancellationException},
 * so the API can enforce a time budget. Rounds done are reported to the computation's {@link Progress}.
 */
final class BootstrapRounds {

    static final int BLOCK = 64;
    /** Below this many elementary draws in all, the rounds run on the calling thread. */
    static final long PARALLEL_WORK = 2_000_000;

    /** The work of one block: fills {@code out[stat][round]} for rounds [from, to). */
    interface Block {
        void run(UniformRandomProvider rng, int from, int to, double[][] out);
    }

    private BootstrapRounds() {
    }

    /** Replicates out[stat][round] of {@code stats} statistics. */
    static double[][] run(long seed, int rounds, int stats, long drawsPerRound, Block body) {
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

    /** A per-entity seed derived from the user seed and a name, so one system's intervals do not depend on which others share the table. */
    static long subSeed(long seed, String name) {
        return RandomStreams.stream(seed, Integer.toUnsignedLong(name.hashCode()) + 0x1_0000_0000L).nextLong();
    }
}
