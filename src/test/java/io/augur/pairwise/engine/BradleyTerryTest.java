package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.pairwise.engine.BradleyTerry.Options;
import io.augur.pairwise.engine.BradleyTerry.TieModel;
import io.augur.stats.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.statistics.descriptive.Mean;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    static List<Battle> battles(Object... triples) {
        List<Battle> out = new ArrayList<>();
        for (int k = 0; k < triples.length; k += 3) {
            out.add(new Battle((String) triples[k], (String) triples[k + 1], (Outcome) triples[k + 2]));
        }
        return out;
    }

    static PairCounts cycle() {
        // A beats B 3:1, B beats C 2:1 with a tie, C beats A 1:2 with 2 ties
        PairCounts.Builder b = PairCounts.builder();
        for (int k = 0; k < 3; k++) {
            b.add("A", "B", Outcome.A_WINS);
        }
        b.add("A", "B", Outcome.B_WINS);
        b.add("B", "C", Outcome.A_WINS).add("C", "B", Outcome.B_WINS).add("B", "C", Outcome.B_WINS)
                .add("B", "C", Outcome.TIE);
        b.add("C", "A", Outcome.A_WINS).add("A", "C", Outcome.A_WINS).add("A", "C", Outcome.A_WINS)
                .add("C", "A", Outcome.TIE).add("A", "C", Outcome.TIE);
        return b.build();
    }

    @Test
    void twoModelsHaveTheClosedFormRatingGap() {
        PairCounts counts = PairCounts.ofBattles(battles("A", "B", Outcome.A_WINS, "B", "A", Outcome.B_WINS,
                "A", "B", Outcome.A_WINS, "A", "B", Outcome.B_WINS));
        BradleyTerryFit fit = BradleyTerry.fit(counts, Options.defaults());
        // 3 wins to 1: pi_A / pi_B = 3, gap 400 log10 3, centred at 1000
        assertEquals(400 * Math.log10(3), fit.rating("A") - fit.rating("B"), 1e-9);
        assertEquals(2000, fit.rating("A") + fit.rating("B"), 1e-9);
        assertEquals(0.75, fit.winProbability("A", "B").aWins(), 1e-12);
        assertTrue(fit.converged());
    }

    @Test
    void davidsonMatchesItsClosedFormForTwoModels() {
        // wins 6 : 2, ties 3 -> exp(theta_A - theta_B) = 6 / 2, nu = 3 / sqrt(12)
        PairCounts.Builder b = PairCounts.builder();
        b.add(b.model("A"), b.model("B"), 0, 6).add(0, 1, 1, 2).add(0, 1, 2, 3);
        BradleyTerryFit fit = BradleyTerry.fit(b.build(), Options.defaults().withTies(TieModel.DAVIDSON));
        assertEquals(Math.log(3), fit.logStrengths().get(0) - fit.logStrengths().get(1), 1e-9);
        assertEquals(3 / Math.sqrt(12), fit.tieParameter(), 1e-9);
        WinProbability p = fit.winProbability("A", "B");
        assertEquals(6.0 / 11, p.aWins(), 1e-9);
        assertEquals(3.0 / 11, p.tie(), 1e-9);
    }

    @Test
    void halfWinTiesEqualExplicitHalfWins() {
        PairCounts counts = cycle();
        BradleyTerryFit fit = BradleyTerry.fit(counts, Options.defaults());
        // gradient of the half-win log-likelihood vanishes at the fit: for each model,
        // sum of (wins + ties / 2) = sum of games * P(win)
        for (String m : List.of("A", "B", "C")) {
            double observed = 0;
            double expected = 0;
            for (PairCount row : counts.rows()) {
                if (row.modelA().equals(m) || row.modelB().equals(m)) {
                    boolean isA = row.modelA().equals(m);
                    String other = isA ? row.modelB() : row.modelA();
                    observed += (isA ? row.winsA() : row.winsB()) + 0.5 * row.ties();
                    expected += row.total() * fit.winProbability(m, other).aWins();
                }
            }
            assertEquals(observed, expected, 1e-9, m);
        }
        assertTrue(fit.gradientNorm() < 1e-9);
    }

    @Test
    void anchorPinsTheRatingAndKeepsTheGaps() {
        BradleyTerryFit free = BradleyTerry.fit(cycle(), Options.defaults());
        BradleyTerryFit pinned = BradleyTerry.fit(cycle(), Options.defaults().withAnchor("B", 1114));
        assertEquals(1114, pinned.rating("B"), 1e-9);
        assertEquals(free.rating("A") - free.rating("C"), pinned.rating("A") - pinned.rating("C"), 1e-9);
        assertThrows(InvalidInputException.class,
                () -> BradleyTerry.fit(cycle(), Options.defaults().withAnchor("Z", 1000)));
    }

    @Test
    void unboundedDataAreReportedWithTheModelsResponsible() {
        PairCounts counts = PairCounts.ofBattles(battles("A", "B", Outcome.A_WINS, "A", "C", Outcome.A_WINS,
                "B", "C", Outcome.A_WINS, "C", "B", Outcome.A_WINS, "D", "E", Outcome.TIE));
        UnboundedLikelihoodException e = assertThrows(UnboundedLikelihoodException.class,
                () -> BradleyTerry.fit(counts, Options.defaults()));
        assertEquals("battles", e.field());
        Identifiability id = e.identifiability();
        assertFalse(id.bounded());
        assertTrue(id.problems().stream().anyMatch(p -> p.kind() == Identifiability.Kind.ALL_WINS
                && p.models().equals(List.of("A"))), id.toString());
        assertTrue(id.problems().stream().anyMatch(p -> p.kind() == Identifiability.Kind.DISCONNECTED
                && p.models().equals(List.of("D", "E"))), id.toString());
        assertTrue(e.getMessage().contains("A"));
        // with a prior the fit is finite and A still comes first
        BradleyTerryFit fit = BradleyTerry.fit(counts, Options.defaults().withPrior(0.1));
        assertTrue(fit.converged());
        assertTrue(fit.rating("A") > fit.rating("B") && fit.rating("A") < 3000);
    }

    @Test
    void groupDominanceIsDetected() {
        // {A, B} beat each other, {C, D} beat each other, but A and B always beat C and D
        PairCounts counts = PairCounts.ofBattles(battles("A", "B", Outcome.A_WINS, "B", "A", Outcome.A_WINS,
                "C", "D", Outcome.A_WINS, "D", "C", Outcome.A_WINS, "A", "C", Outcome.A_WINS,
                "B", "D", Outcome.A_WINS));
        Identifiability id = BradleyTerry.diagnose(counts);
        assertFalse(id.bounded());
        assertEquals(Identifiability.Kind.GROUP_UNBEATEN, id.problems().get(0).kind());
        assertEquals(List.of("A", "B"), id.problems().get(0).models());
        assertEquals(Identifiability.Kind.GROUP_WINLESS, id.problems().get(1).kind());
        assertTrue(BradleyTerry.diagnose(cycle()).bounded());
    }

    @Test
    void badInputNamesTheField() {
        InvalidInputException self = assertThrows(InvalidInputException.class, () -> PairCounts.ofBattles(
                battles("A", "B", Outcome.A_WINS, "C", "C", Outcome.TIE)));
        assertEquals("battles[1].modelB", self.field());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> PairCounts.ofBattles(
                battles("A", "B", null)));
        assertEquals("battles[0].outcome", missing.field());
        assertEquals("battles", assertThrows(InvalidInputException.class,
                () -> PairCounts.ofBattles(List.of())).field());
        PairCounts.Builder one = PairCounts.builder();
        one.model("A");
        assertEquals("battles", assertThrows(InvalidInputException.class,
                () -> BradleyTerry.fit(one.build(), Options.defaults())).field());
        assertEquals("battles[2].outcome", assertThrows(InvalidInputException.class,
                () -> Outcome.parse("maybe", "battles[2].outcome")).field());
        PairCounts noTies = PairCounts.ofBattles(battles("A", "B", Outcome.A_WINS, "B", "A", Outcome.A_WINS));
        assertEquals("options.ties", assertThrows(InvalidInputException.class,
                () -> BradleyTerry.fit(noTies, Options.defaults().withTies(TieModel.DAVIDSON))).field());
        assertEquals("options.prior", assertThrows(InvalidInputException.class,
                () -> Options.defaults().withPrior(-1)).field());
    }

    @Test
    void fitRecoversKnownStrengthsAndDavidsonRecoversNu() throws IOException {
        SyntheticArena arena = new SyntheticArena(30, 7);
        PairCounts counts = arena.counts(60_000, 11);
        double tieShare = 0;
        for (PairCount r : counts.rows()) {
            tieShare += r.ties();
        }
        tieShare /= counts.totalBattles();
        assertTrue(tieShare > 0.15 && tieShare < 0.25, "about 20% ties: " + tieShare);
        BradleyTerryFit davidson = BradleyTerry.fit(counts, Options.defaults().withTies(TieModel.DAVIDSON));
        double[] truth = arena.theta.clone();
        double mean = Mean.of(truth).getAsDouble();
        double[] est = new double[truth.length];
        double maxErr = 0;
        for (int m = 0; m < truth.length; m++) {
            truth[m] -= mean;
            est[m] = davidson.logStrengths().get(counts.models().indexOf(SyntheticArena.name(m)));
            maxErr = Math.max(maxErr, Math.abs(est[m] - truth[m]));
        }
        assertTrue(SyntheticArena.correlation(truth, est) > 0.995);
        assertTrue(maxErr < 0.15, "max log-strength error " + maxErr);
        assertEquals(arena.nu, davidson.tieParameter(), 0.05);
        BradleyTerryFit half = BradleyTerry.fit(counts, Options.defaults());
        double[] halfEst = new double[truth.length];
        for (int m = 0; m < truth.length; m++) {
            halfEst[m] = half.logStrengths().get(counts.models().indexOf(SyntheticArena.name(m)));
        }
        assertTrue(SyntheticArena.correlation(truth, halfEst) > 0.995);
    }

    @Test
    void bootstrapIsReproducibleAndIndependentOfThreads() throws Exception {
        PairCounts counts = new SyntheticArena(12, 3).counts(3_000, 5);
        BradleyTerryBootstrap one = new ForkJoinPool(1).submit(
                () -> BradleyTerry.bootstrap(counts, Options.defaults(), 200, 42, 0.95)).get();
        BradleyTerryBootstrap three = new ForkJoinPool(3).submit(
                () -> BradleyTerry.bootstrap(counts, Options.defaults(), 200, 42, 0.95)).get();
        BradleyTerryBootstrap common = BradleyTerry.bootstrap(counts, Options.defaults(), 200, 42, 0.95);
        assertEquals(one.leaderboard(), three.leaderboard());
        assertEquals(one.leaderboard(), common.leaderboard());
        BradleyTerryBootstrap other = BradleyTerry.bootstrap(counts, Options.defaults(), 200, 43, 0.95);
        assertNotEquals(one.leaderboard(), other.leaderboard());
        Leaderboard board = common.leaderboard();
        assertEquals(42, board.seed());
        assertEquals(200, board.rounds());
        for (Leaderboard.Entry e : board.entries()) {
            assertTrue(e.interval().contains(e.rating()), e.toString());
            assertTrue(e.interval().width() > 0);
        }
        // ranks follow the rule 1 + #models whose lower bound exceeds this upper bound
        for (Leaderboard.Entry e : board.entries()) {
            long above = board.entries().stream().filter(o -> o.interval().lower() > e.interval().upper()).count();
            assertEquals(1 + above, e.rank());
        }
        assertEquals(1, board.entries().get(0).rank());
        WinProbability p = common.winProbability(board.entries().get(0).model(), board.entries().get(11).model());
        assertTrue(p.aWins() > 0.5 && p.aWinsInterval().contains(p.aWins()));
    }

    @Test
    void bootstrapIntervalsCoverTheTruthAtAboutTheNominalRate() throws IOException {
        SyntheticArena arena = new SyntheticArena(20, 21);
        PairCounts counts = arena.counts(8_000, 22);
        Leaderboard board = BradleyTerry.bootstrap(counts, Options.defaults().withTies(TieModel.DAVIDSON), 300, 1,
                0.95).leaderboard();
        double mean = Mean.of(arena.theta).getAsDouble();
        int covered = 0;
        for (int m = 0; m < 20; m++) {
            double truth = 1000 + BradleyTerry.ELO_PER_NAT * (arena.theta[m] - mean);
            if (board.entry(SyntheticArena.name(m)).interval().contains(truth)) {
                covered++;
            }
        }
        assertTrue(covered >= 16, covered + " of 20 intervals cover the truth");
    }

    @Test
    void bootstrapStopsWhenTheTokenIsTripped() {
        PairCounts counts = cycle();
        io.augur.stats.CancellationToken token = new io.augur.stats.CancellationToken();
        token.cancel("the client went away");
        assertThrows(CancellationException.class, () -> io.augur.stats.Workers.run(io.augur.stats.Workers.sequential(token),
                () -> BradleyTerry.bootstrap(counts, Options.defaults(), 1000, 1, 0.95)));
    }

    @Test
    void degenerateResamplesAreCountedNotHidden() {
        // C has a single win and a single loss: many resamples leave it unbeaten or winless
        PairCounts.Builder b = PairCounts.builder();
        b.add(b.model("A"), b.model("B"), 0, 30).add(0, 1, 1, 20).add(0, 1, 2, 10);
        b.add(b.model("C"), 0, 0, 1).add(2, 1, 1, 1);
        BradleyTerryBootstrap boot = BradleyTerry.bootstrap(b.build(), Options.defaults(), 200, 9, 0.95);
        assertTrue(boot.leaderboard().degenerateRounds() > 0);
        assertTrue(boot.leaderboard().entry("C").interval().width() > boot.leaderboard().entry("A").interval().width());
    }
}
