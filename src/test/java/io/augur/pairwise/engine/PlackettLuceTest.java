package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PlackettLuceTest {

    @Test
    void pairwiseChoicesEqualBradleyTerry() throws IOException {
        PairCounts counts = new SyntheticArena(10, 8).counts(2000, 9);
        List<PlackettLuce.Choice> choices = new ArrayList<>();
        PairCounts.Builder decisive = PairCounts.builder();
        for (String m : counts.models()) {
            decisive.model(m);
        }
        for (PairCount r : counts.rows()) {
            for (long k = 0; k < r.winsA(); k++) {
                choices.add(new PlackettLuce.Choice(r.modelA(), List.of(r.modelB())));
                decisive.add(r.modelA(), r.modelB(), Outcome.A_WINS);
            }
            for (long k = 0; k < r.winsB(); k++) {
                choices.add(new PlackettLuce.Choice(r.modelB(), List.of(r.modelA())));
                decisive.add(r.modelA(), r.modelB(), Outcome.B_WINS);
            }
        }
        PlackettLuceFit pl = PlackettLuce.fitChoices(choices, PlackettLuce.Options.defaults());
        BradleyTerryFit bt = BradleyTerry.fit(decisive.build(), BradleyTerry.Options.defaults());
        assertTrue(pl.converged());
        for (ModelRating r : bt.ratings()) {
            assertEquals(r.rating(), pl.rating(r.model()), 1e-6, r.model());
        }
    }

    @Test
    void partialRankingsRecoverStrengthsWithMissingEntries() {
        // ONEBench-style: 400 items, each ranks a random subset of 4-8 of 15 models by noisy utility
        int models = 15;
        double[] theta = new double[models];
        UniformRandomProvider rng = RandomStreams.of(99);
        for (int m = 0; m < models; m++) {
            theta[m] = SyntheticArena.gaussian(rng);
        }
        List<List<String>> rankings = new ArrayList<>();
        for (int item = 0; item < 400; item++) {
            int size = 4 + rng.nextInt(5);
            List<Integer> pool = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                pool.add(m);
            }
            java.util.Collections.shuffle(pool, new java.util.Random(rng.nextLong()));
            List<Integer> subset = new ArrayList<>(pool.subList(0, size));
            // Gumbel-max trick: sorting theta + Gumbel noise samples a Plackett-Luce ranking
            double[] key = new double[models];
            for (int m : subset) {
                key[m] = theta[m] - Math.log(-Math.log(rng.nextDouble()));
            }
            subset.sort(Comparator.comparingDouble((Integer m) -> key[m]).reversed());
            rankings.add(subset.stream().map(SyntheticArena::name).toList());
        }
        PlackettLuceFit fit = PlackettLuce.fitRankings(rankings, PlackettLuce.Options.defaults());
        double[] est = new double[models];
        double mean = 0;
        for (double t : theta) {
            mean += t / models;
        }
        double[] truth = new double[models];
        for (int m = 0; m < models; m++) {
            truth[m] = theta[m] - mean;
            est[m] = (fit.rating(SyntheticArena.name(m)) - 1000) / BradleyTerry.ELO_PER_NAT;
        }
        assertTrue(SyntheticArena.correlation(truth, est) > 0.97, "correlation");
        Leaderboard board = PlackettLuce.bootstrapRankings(rankings, PlackettLuce.Options.defaults(), 100, 3, 0.95);
        int covered = 0;
        for (int m = 0; m < models; m++) {
            if (board.entry(SyntheticArena.name(m)).interval().contains(1000 + BradleyTerry.ELO_PER_NAT * truth[m])) {
                covered++;
            }
        }
        assertTrue(covered >= 12, covered + " of 15");
        assertEquals(board, PlackettLuce.bootstrapRankings(rankings, PlackettLuce.Options.defaults(), 100, 3, 0.95));
    }

    @Test
    void unboundedRankingsAndBadInput() {
        List<List<String>> rankings = List.of(List.of("a", "b", "c"), List.of("a", "c"), List.of("b", "c"));
        UnboundedLikelihoodException e = assertThrows(UnboundedLikelihoodException.class,
                () -> PlackettLuce.fitRankings(rankings, PlackettLuce.Options.defaults()));
        assertTrue(e.identifiability().problems().stream()
                .anyMatch(p -> p.kind() == Identifiability.Kind.ALL_WINS && p.models().equals(List.of("a"))));
        PlackettLuceFit regularised = PlackettLuce.fitRankings(rankings, PlackettLuce.Options.defaults().withAlpha(1));
        assertTrue(regularised.rating("a") > regularised.rating("b"));
        assertEquals("rankings[1]", assertThrows(InvalidInputException.class,
                () -> PlackettLuce.fitRankings(List.of(List.of("a", "b"), List.of("a")), PlackettLuce.Options.defaults()))
                .field());
        assertEquals("rankings[0][2]", assertThrows(InvalidInputException.class,
                () -> PlackettLuce.fitRankings(List.of(List.of("a", "b", "a")), PlackettLuce.Options.defaults()))
                .field());
        assertEquals("choices[0].others", assertThrows(InvalidInputException.class,
                () -> PlackettLuce.fitChoices(List.of(new PlackettLuce.Choice("a", List.of())),
                        PlackettLuce.Options.defaults())).field());
    }
}
