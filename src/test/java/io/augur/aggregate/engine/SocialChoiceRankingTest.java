package io.augur.aggregate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocialChoiceRankingTest {

    /** rows: system name then one score per task. */
    static ScoreTable matrix(String[] systems, double[][] scores) {
        List<Score> out = new ArrayList<>();
        for (int s = 0; s < systems.length; s++) {
            for (int t = 0; t < scores[s].length; t++) {
                out.add(new Score(systems[s], "task" + t, null, scores[s][t]));
            }
        }
        return ScoreTable.of(out);
    }

    static List<String> names(SocialChoiceRanking r) {
        return r.ranking().stream().map(SocialChoiceRanking.RankedSystem::system).toList();
    }

    static List<Integer> positions(SocialChoiceRanking r) {
        return r.ranking().stream().map(SocialChoiceRanking.RankedSystem::position).toList();
    }

    @Test
    void bordaCountsTiesAsHalfAndSharesPositions() {
        // task0: a 3, b 2, c 1 ; task1: a 1, b 3, c 3 (b, c tied) ; task2: a 2, b 1, c 2 (a, c tied)
        ScoreTable t = matrix(new String[] {"a", "b", "c"}, new double[][] {{3, 1, 2}, {2, 3, 1}, {1, 3, 2}});
        SocialChoiceRanking r = SocialChoiceRanking.borda(t, null);
        // a: 2 + 0 + 1.5 = 3.5 ; b: 1 + 1.5 + 0 = 2.5 ; c: 0 + 1.5 + 1.5 = 3
        assertEquals(List.of("a", "c", "b"), names(r));
        assertEquals(3.5, r.ranking().get(0).score(), 0);
        assertEquals(3.0, r.ranking().get(1).score(), 0);
        assertEquals(2.5, r.ranking().get(2).score(), 0);
        // tied final scores share the position
        ScoreTable tie = matrix(new String[] {"a", "b", "c"}, new double[][] {{2, 1}, {1, 2}, {0, 0}});
        SocialChoiceRanking rt = SocialChoiceRanking.borda(tie, null);
        assertEquals(List.of(1, 1, 3), positions(rt));
        assertTrue(rt.ranking().get(0).tied() && rt.ranking().get(1).tied());
        assertFalse(rt.ranking().get(2).tied());
    }

    @Test
    void lowerIsBetterReversesATask() {
        ScoreTable t = matrix(new String[] {"a", "b"}, new double[][] {{1, 1}, {2, 2}});
        assertEquals(List.of("b", "a"), names(SocialChoiceRanking.borda(t, null)));
        assertEquals(List.of("a", "b"), names(SocialChoiceRanking.borda(t, Set.of("task0", "task1"))));
        assertEquals("lowerIsBetter", assertThrows(InvalidInputException.class,
                () -> SocialChoiceRanking.borda(t, Set.of("nope"))).field());
    }

    @Test
    void copelandCountsPairwiseMajorities() {
        // Condorcet cycle a > b > c > a (3 voters) plus d losing to everyone
        ScoreTable t = matrix(new String[] {"a", "b", "c", "d"},
                new double[][] {{3, 1, 2}, {2, 3, 1}, {1, 2, 3}, {0, 0, 0}});
        SocialChoiceRanking r = SocialChoiceRanking.copeland(t, null);
        assertEquals(List.of(1, 1, 1, 4), positions(r));
        assertEquals(2.0, r.ranking().get(0).score(), 0);
        assertEquals("d", r.ranking().get(3).system());
    }

    @Test
    void exactKemenyEqualsBruteForce() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(6);
            int tasks = 1 + rnd.nextInt(7);
            String[] sys = new String[n];
            double[][] m = new double[n][tasks];
            for (int i = 0; i < n; i++) {
                sys[i] = "s" + i;
                for (int t = 0; t < tasks; t++) {
                    m[i][t] = rnd.nextInt(4);
                }
            }
            ScoreTable table = matrix(sys, m);
            SocialChoiceRanking k = SocialChoiceRanking.kemeny(table, null);
            assertTrue(k.optimal() && k.algorithm().contains("exact"));
            double best = bruteForce(m);
            assertEquals(best, k.kendallDistance(), 1e-12, "trial " + trial);
            assertTrue(k.kendallDistance() <= SocialChoiceRanking.borda(table, null).kendallDistance());
            assertTrue(k.kendallDistanceLowerBound() <= k.kendallDistance());
        }
    }

    static double bruteForce(double[][] m) {
        int n = m.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] best = {Double.MAX_VALUE};
        permute(perm, 0, m, best);
        return best[0];
    }

    static void permute(int[] p, int k, double[][] m, double[] best) {
        if (k == p.length) {
            double d = 0;
            for (int a = 0; a < p.length; a++) {
                for (int b = a + 1; b < p.length; b++) {
                    for (int t = 0; t < m[0].length; t++) {
                        double x = m[p[a]][t];
                        double y = m[p[b]][t];
                        d += y > x ? 1 : y == x ? 0.5 : 0;
                    }
                }
            }
            best[0] = Math.min(best[0], d);
            return;
        }
        for (int i = k; i < p.length; i++) {
            int tmp = p[k];
            p[k] = p[i];
            p[i] = tmp;
            permute(p, k + 1, m, best);
            p[i] = p[k];
            p[k] = tmp;
        }
    }

    @Test
    void heuristicKemenyBeyondTheExactLimitSaysSoAndImprovesOnBorda() {
        Random rnd = new Random(5);
        int n = 30;
        String[] sys = new String[n];
        double[][] m = new double[n][9];
        for (int i = 0; i < n; i++) {
            sys[i] = "s" + i;
            for (int t = 0; t < 9; t++) {
                m[i][t] = i * 0.05 + rnd.nextGaussian();
            }
        }
        ScoreTable table = matrix(sys, m);
        SocialChoiceRanking h = SocialChoiceRanking.kemeny(table, null);
        assertTrue(h.algorithm().contains("heuristic"), h.algorithm());
        assertTrue(h.kendallDistance() <= SocialChoiceRanking.borda(table, null).kendallDistance());
        assertTrue(h.kendallDistance() >= h.kendallDistanceLowerBound());
        assertEquals(n, h.ranking().size());
        // on a small table forced to the heuristic: never better than exact, and here it finds the optimum
        ScoreTable small = matrix(java.util.Arrays.copyOf(sys, 8), java.util.Arrays.copyOf(m, 8));
        SocialChoiceRanking exact = SocialChoiceRanking.kemeny(small, null);
        SocialChoiceRanking heur = SocialChoiceRanking.kemeny(small, null, 0);
        assertTrue(heur.algorithm().contains("heuristic"));
        assertTrue(heur.kendallDistance() >= exact.kendallDistance());
    }

    @Test
    void kemenyTiesAdjacentBalancedPairs() {
        // two voters disagree on a vs b; both beat c
        ScoreTable t = matrix(new String[] {"a", "b", "c"}, new double[][] {{2, 1}, {1, 2}, {0, 0}});
        SocialChoiceRanking k = SocialChoiceRanking.kemeny(t, null);
        assertEquals(List.of(1, 1, 3), positions(k));
        assertEquals(1.0, k.kendallDistance(), 0);
    }

    @Test
    void rankingsNeedTwoSystems() {
        ScoreTable one = matrix(new String[] {"a"}, new double[][] {{1, 2}});
        assertEquals("scores", assertThrows(InvalidInputException.class, () -> SocialChoiceRanking.borda(one, null)).field());
        assertEquals("scores", assertThrows(InvalidInputException.class, () -> SocialChoiceRanking.kemeny(one, null)).field());
        ScoreTable two = matrix(new String[] {"a", "b"}, new double[][] {{1}, {2}});
        assertEquals("exactLimit", assertThrows(InvalidInputException.class, () -> SocialChoiceRanking.kemeny(two, null, 40)).field());
    }
}
