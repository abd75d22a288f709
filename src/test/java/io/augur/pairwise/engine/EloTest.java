package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class EloTest {

    @Test
    void oneBattleByHand() {
        // equal ratings: expected 0.5, the winner gains K / 2
        List<ModelRating> r = Elo.ratings(BattleLog.of(List.of(new Battle("a", "b", Outcome.A_WINS))),
                Elo.Params.defaults());
        assertEquals(1002, r.get(0).rating(), 1e-12);
        assertEquals(998, r.get(1).rating(), 1e-12);
        // second battle: a (1002) ties b (998): E_a = 1 / (1 + 10^(-4/400))
        List<ModelRating> r2 = Elo.ratings(BattleLog.of(List.of(new Battle("a", "b", Outcome.A_WINS),
                new Battle("b", "a", Outcome.TIE))), new Elo.Params(32, 10, 400, 1500));
        double ea = 1 / (1 + Math.pow(10, (1484 - 1516) / 400.0));
        assertEquals(1516 + 32 * (0.5 - ea), r2.get(0).rating(), 1e-9);
        assertEquals("k", assertThrows(InvalidInputException.class, () -> new Elo.Params(0, 10, 400, 1000)).field());
    }

    @Test
    void bootstrapIsReproducibleAndIndependentOfThreads() throws Exception {
        BattleLog log = BattleLog.of(new SyntheticArena(6, 2).counts(2000, 3).rows().stream()
                .flatMap(row -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.generate(() -> new Battle(row.modelA(), row.modelB(), Outcome.A_WINS))
                                .limit(row.winsA()),
                        java.util.stream.Stream.generate(() -> new Battle(row.modelA(), row.modelB(), Outcome.TIE))
                                .limit(row.ties())))
                .toList());
        Leaderboard a = new ForkJoinPool(1).submit(() -> Elo.bootstrap(log, Elo.Params.defaults(), 100, 5, 0.95)).get();
        Leaderboard b = Elo.bootstrap(log, Elo.Params.defaults(), 100, 5, 0.95);
        assertEquals(a, b);
        for (Leaderboard.Entry e : b.entries()) {
            assertTrue(e.interval().width() > 0);
        }
    }
}
