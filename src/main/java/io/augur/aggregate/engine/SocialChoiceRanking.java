package io.augur.aggregate.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Rankings of systems across tasks by social-choice rules, as Colombo et al. 2022 ("What are the
 * best systems? New perspectives on NLP benchmarking", NeurIPS) propose: every task is a voter that
 * ranks the systems by their mean score over runs on it. With {@code P[i][j]} = number of tasks on
 * which i scores strictly higher than j, plus half the number of tasks on which they tie:
 * <ul>
 * <li><b>Borda</b>: score_i = sum_j P[i][j], i.e. the systems i beats on each task, ties counting half
 * (equivalently, the sum of average ranks).</li>
 * <li><b>Copeland</b>: score_i = sum over j of 1 if P[i][j] &gt; P[j][i], 1/2 if equal, 0 otherwise
 * (pairwise majority contests won).</li>
 * <li><b>Kemeny</b>: the order minimising the Kendall distance to the task rankings,
 * sum over pairs with i placed before j of P[j][i] (Kemeny 1959). Exact by dynamic programming over
 * subsets (O(2^n n^2), Held-Karp style) up to {@code exactLimit} systems; beyond, Borda order improved
 * by insertion local search until no single move lowers the distance (a heuristic: {@code optimal} is
 * then true only if the distance meets the lower bound sum over pairs of min(P[i][j], P[j][i])).</li>
 * </ul>
 * Ties: tied scores within a task count half to each side. Final positions use competition ranking
 * ("1224"): systems with equal Borda or Copeland scores share a position; in a Kemeny order, adjacent
 * systems whose pairwise contest is exactly balanced share a position, since swapping them gives
 * another order of the same (optimal) distance. Systems sharing a Borda or Copeland position are
 * listed by name.
 *
 * @param method "borda", "copeland" or "kemeny"
 * @param algorithm how it was computed, in words (for Kemeny: exact or heuristic)
 * @param optimal for Kemeny, whether the order is proven optimal; true for Borda and Copeland
 * @param ranking systems best first
 * @param kendallDistance sum over tasks of the Kendall distance between this order and the task's
 *        order (ties half), the Kemeny objective, for any method
 * @param kendallDistanceLowerBound a lower bound on the Kemeny-optimal distance
 * @param tasks the tasks that voted
 * @param droppedTasks tasks dropped by the missing-task policy
 */
public record SocialChoiceRanking(String method, String algorithm, boolean optimal, List<RankedSystem> ranking,
        double kendallDistance, double kendallDistanceLowerBound, List<String> tasks, List<String> droppedTasks) {

    /** Default largest number of systems ranked by exact Kemeny (2^18 subsets, about 0.1 s). */
    public static final int DEFAULT_EXACT_LIMIT = 18;
    /** Hard cap of the exact method: 2^22 subsets take about 50 MiB and tens of seconds. */
    public static final int MAX_EXACT_LIMIT = 22;

    public SocialChoiceRanking {
        ranking = List.copyOf(ranking);
        tasks = List.copyOf(tasks);
        droppedTasks = List.copyOf(droppedTasks);
    }

    /**
     * One system's place. {@code position} is 1-based with ties sharing the best position;
     * {@code score} is the Borda or Copeland score, or for Kemeny the number of systems placed after it.
     */
    public record RankedSystem(String system, int position, double score, boolean tied) {
    }

    /** Borda count over the tasks; {@code lowerIsBetter} names tasks where a smaller score wins (may be null). */
    public static SocialChoiceRanking borda(ScoreTable table, Set<String> lowerIsBetter) {
        Votes v = Votes.of(table, lowerIsBetter);
        double[] score = new double[v.n];
        for (int i = 0; i < v.n; i++) {
            for (int j = 0; j < v.n; j++) {
                score[i] += v.p2[i][j] / 2.0;
            }
        }
        return v.byScore("borda", "Borda count (ties within a task count half)", score, table);
    }

    /** Copeland's pairwise-majority rule. */
    public static SocialChoiceRanking copeland(ScoreTable table, Set<String> lowerIsBetter) {
        Votes v = Votes.of(table, lowerIsBetter);
        double[] score = new double[v.n];
        for (int i = 0; i < v.n; i++) {
            for (int j = 0; j < v.n; j++) {
                if (i != j) {
                    score[i] += v.p2[i][j] > v.p2[j][i] ? 1 : v.p2[i][j] == v.p2[j][i] ? 0.5 : 0;
                }
            }
        }
        return v.byScore("copeland", "Copeland (pairwise majorities, a tied contest counts half)", score, table);
    }

    /** Kemeny with the default exact limit. */
    public static SocialChoiceRanking kemeny(ScoreTable table, Set<String> lowerIsBetter) {
        return kemeny(table, lowerIsBetter, DEFAULT_EXACT_LIMIT);
    }

    /** Kemeny: exact when the table has at most {@code exactLimit} systems (at most {@link #MAX_EXACT_LIMIT}), heuristic beyond. */
    public static SocialChoiceRanking kemeny(ScoreTable table, Set<String> lowerIsBetter, int exactLimit) {
        if (exactLimit < 0 || exactLimit > MAX_EXACT_LIMIT) {
            throw new InvalidInputException("exactLimit", "must be between 0 and " + MAX_EXACT_LIMIT + ", was " + exactLimit);
        }
        Votes v = Votes.of(table, lowerIsBetter);
        // index systems in Borda order, so that among equally good orders the one closest to Borda is kept
        long[] borda = new long[v.n];
        for (int i = 0; i < v.n; i++) {
            for (int j = 0; j < v.n; j++) {
                borda[i] += v.p2[i][j];
            }
        }
        Integer[] byBorda = new Integer[v.n];
        for (int i = 0; i < v.n; i++) {
            byBorda[i] = i;
        }
        Arrays.sort(byBorda, Comparator.<Integer>comparingLong(i -> -borda[i]).thenComparing(i -> v.names.get(i)));
        int[] order;
        String algorithm;
        boolean exact = v.n <= exactLimit;
        if (exact) {
            order = exactKemeny(v.p2, byBorda);
            algorithm = "Kemeny, exact (dynamic programming over subsets of " + v.n + " systems)";
        } else {
            order = new int[v.n];
            for (int k = 0; k < v.n; k++) {
                order[k] = byBorda[k];
            }
            int moves = insertionSearch(v.p2, order);
            algorithm = "Kemeny, heuristic (Borda start + insertion local search, " + moves + " improving moves; "
                    + v.n + " systems exceed the exact limit " + exactLimit + ")";
        }
        double distance = v.distance(order);
        double lower = v.lowerBound();
        List<RankedSystem> ranking = new ArrayList<>(v.n);
        int position = 1;
        for (int k = 0; k < v.n; k++) {
            boolean tiedWithPrevious = k > 0 && v.p2[order[k]][order[k - 1]] == v.p2[order[k - 1]][order[k]];
            if (!tiedWithPrevious) {
                position = k + 1;
            }
            ranking.add(new RankedSystem(v.names.get(order[k]), position, v.n - 1 - k, false));
        }
        ranking = markTies(ranking);
        return new SocialChoiceRanking("kemeny", algorithm, exact || distance == lower, ranking, distance, lower,
                table.tasks(), table.droppedTasks());
    }

    /**
     * dp[S] = least disagreement of an order of the systems in S placed first; adding k after S costs
     * the tasks preferring k to each member of S. Index i of the DP is system {@code perm[i]}. Among
     * equal costs the earliest-indexed system is kept earliest, so ties resolve towards Borda order.
     */
    private static int[] exactKemeny(long[][] p2, Integer[] perm) {
        int n = perm.length;
        long[][] w = new long[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                w[a][b] = p2[perm[a]][perm[b]];
            }
        }
        int full = (1 << n) - 1;
        long[] dp = new long[1 << n];
        byte[] last = new byte[1 << n];
        Arrays.fill(dp, Long.MAX_VALUE);
        dp[0] = 0;
        for (int s = 1; s <= full; s++) {
            if ((s & 0xFFF) == 0 && Workers.cancelled()) {
                throw new CancellationException("Kemeny cancelled");
            }
            long best = Long.MAX_VALUE;
            int bestK = -1;
            for (int k = n - 1; k >= 0; k--) { // the latest index placed last wins ties
                if ((s & (1 << k)) == 0) {
                    continue;
                }
                int rest = s & ~(1 << k);
                long c = dp[rest];
                for (int r = rest; r != 0; r &= r - 1) {
                    c += w[k][Integer.numberOfTrailingZeros(r)];
                }
                if (c < best) {
                    best = c;
                    bestK = k;
                }
            }
            dp[s] = best;
            last[s] = (byte) bestK;
        }
        int[] order = new int[n];
        int s = full;
        for (int pos = n - 1; pos >= 0; pos--) {
            int k = last[s];
            order[pos] = perm[k];
            s &= ~(1 << k);
        }
        return order;
    }

    /**
     * Repeatedly moves one system to the position that lowers the distance most, until no move helps.
     * Moving the system at i to j changes only its pairs with the systems it jumps over.
     */
    private static int insertionSearch(long[][] p2, int[] order) {
        int n = order.length;
        int moves = 0;
        boolean improved = true;
        while (improved) {
            if (Workers.cancelled()) {
                throw new CancellationException("Kemeny cancelled");
            }
            improved = false;
            long bestDelta = 0;
            int bestFrom = -1;
            int bestTo = -1;
            for (int i = 0; i < n; i++) {
                int a = order[i];
                long delta = 0;
                for (int j = i - 1; j >= 0; j--) { // move a before order[j]
                    int b = order[j];
                    delta += p2[a][b] - p2[b][a];
                    // before: b ahead of a costs p2[a][b]; after: a ahead of b costs p2[b][a]
                    if (-delta < bestDelta) {
                        bestDelta = -delta;
                        bestFrom = i;
                        bestTo = j;
                    }
                }
                delta = 0;
                for (int j = i + 1; j < n; j++) { // move a after order[j]
                    int b = order[j];
                    delta += p2[b][a] - p2[a][b];
                    if (-delta < bestDelta) {
                        bestDelta = -delta;
                        bestFrom = i;
                        bestTo = j;
                    }
                }
            }
            if (bestFrom >= 0) {
                int a = order[bestFrom];
                if (bestTo < bestFrom) {
                    System.arraycopy(order, bestTo, order, bestTo + 1, bestFrom - bestTo);
                } else {
                    System.arraycopy(order, bestFrom + 1, order, bestFrom, bestTo - bestFrom);
                }
                order[bestTo] = a;
                moves++;
                improved = true;
            }
        }
        return moves;
    }

    /** Sets {@code tied} on every entry sharing its position with another. */
    private static List<RankedSystem> markTies(List<RankedSystem> r) {
        List<RankedSystem> out = new ArrayList<>(r.size());
        for (int k = 0; k < r.size(); k++) {
            int pos = r.get(k).position();
            boolean tied = (k > 0 && r.get(k - 1).position() == pos) || (k + 1 < r.size() && r.get(k + 1).position() == pos);
            RankedSystem e = r.get(k);
            out.add(new RankedSystem(e.system(), pos, e.score(), tied));
        }
        return out;
    }

    /** The pairwise preference counts of the tasks, doubled so that half-votes stay integral. */
    private static final class Votes {
        final int n;
        final List<String> names;
        /** p2[i][j] = 2 (#tasks i strictly better than j) + (#tasks tied). */
        final long[][] p2;

        private Votes(List<String> names, long[][] p2) {
            this.n = names.size();
            this.names = names;
            this.p2 = p2;
        }

        static Votes of(ScoreTable table, Set<String> lowerIsBetter) {
            if (table.systems().size() < 2) {
                throw new InvalidInputException("scores", "has " + table.systems().size()
                        + " system; a ranking needs at least two");
            }
            table.requireTasks(lowerIsBetter, "lowerIsBetter");
            double[][] m = table.cellMeans();
            int n = m.length;
            long[][] p2 = new long[n][n];
            for (int t = 0; t < table.tasks().size(); t++) {
                double sign = lowerIsBetter != null && lowerIsBetter.contains(table.tasks().get(t)) ? -1 : 1;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        double d = sign * (m[i][t] - m[j][t]);
                        if (d > 0) {
                            p2[i][j] += 2;
                        } else if (d < 0) {
                            p2[j][i] += 2;
                        } else {
                            p2[i][j]++;
                            p2[j][i]++;
                        }
                    }
                }
            }
            return new Votes(table.systems(), p2);
        }

        double distance(int[] order) {
            long c = 0;
            for (int a = 0; a < order.length; a++) {
                for (int b = a + 1; b < order.length; b++) {
                    c += p2[order[b]][order[a]];
                }
            }
            return c / 2.0;
        }

        double lowerBound() {
            long c = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    c += Math.min(p2[i][j], p2[j][i]);
                }
            }
            return c / 2.0;
        }

        SocialChoiceRanking byScore(String method, String algorithm, double[] score, ScoreTable table) {
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> names.get(i)));
            List<RankedSystem> ranking = new ArrayList<>(n);
            int[] order = new int[n];
            int position = 1;
            for (int k = 0; k < n; k++) {
                order[k] = idx[k];
                if (k > 0 && score[idx[k]] != score[idx[k - 1]]) {
                    position = k + 1;
                }
                ranking.add(new RankedSystem(names.get(idx[k]), position, score[idx[k]], false));
            }
            return new SocialChoiceRanking(method, algorithm, true, markTies(ranking), distance(order), lowerBound(),
                    table.tasks(), table.droppedTasks());
        }
    }
}
