package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.stats.Workers;
import io.augur.testing.OnComputeWorkers;
import org.junit.jupiter.api.Test;

/** Bootstrap rounds draw from stream r of the seed, so the compute pool's parallel run equals the sequential one bit for bit. */
class ParallelDeterminismTest {

    @Test
    void bradleyTerryBootstrapIsTheSameOnOneThreadAndOnThePool() throws Exception {
        PairCounts counts = new SyntheticArena(12, 5).counts(20_000, 9);
        Leaderboard sequential = BradleyTerry.bootstrap(counts, BradleyTerry.Options.defaults(), 200, 17, 0.95).leaderboard();
        Leaderboard parallel = Workers.call(OnComputeWorkers.workers(),
                () -> BradleyTerry.bootstrap(counts, BradleyTerry.Options.defaults(), 200, 17, 0.95).leaderboard());
        assertEquals(sequential, parallel);
    }
}
