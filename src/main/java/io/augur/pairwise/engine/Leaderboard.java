package io.augur.pairwise.engine;

import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ratings with bootstrap percentile intervals and ranks. The rank follows Chatbot Arena's rule:
 * rank(m) = 1 + the number of models whose interval lower bound exceeds m's upper bound, so models
 * whose intervals overlap share a rank. Entries are sorted by rating, best first.
 *
 * @param method what produced the ratings and intervals (e.g. "Bradley-Terry MLE, multinomial bootstrap")
 * @param entries one per model, best first
 * @param rounds bootstrap rounds
 * @param seed the seed that reproduces the intervals
 * @param level confidence level of the intervals
 * @param degenerateRounds rounds whose resample had an unbounded likelihood and were fitted with the
 *     fallback prior (see {@link BradleyTerry}); 0 for Elo
 */
public record Leaderboard(String method, List<Entry> entries, int rounds, long seed, double level, int degenerateRounds) {

    public Leaderboard {
        entries = List.copyOf(entries);
    }

    /**
     * One model's line. {@code battles} counts the battles (or choices) the model took part in.
     */
    public record Entry(String model, double rating, Interval interval, int rank, long battles) {
    }

    public Entry entry(String model) {
        for (Entry e : entries) {
            if (e.model().equals(model)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown model " + model);
    }

    /**
     * Builds the board from point ratings and bootstrap replicates {@code replicates[round][model]}.
     */
    static Leaderboard of(String method, List<String> models, double[] point, double[][] replicates, long[] battles,
            double level, long seed, int degenerateRounds) {
        int n = models.size();
        int rounds = replicates.length;
        String intervalMethod = "percentile bootstrap, " + rounds + " rounds";
        Interval[] intervals = new Interval[n];
        double[] column = new double[rounds];
        for (int m = 0; m < n; m++) {
            for (int r = 0; r < rounds; r++) {
                column[r] = replicates[r][m];
            }
            intervals[m] = Quantiles.percentileInterval(column, level, intervalMethod);
        }
        List<Entry> entries = new ArrayList<>(n);
        for (int m = 0; m < n; m++) {
            int rank = 1;
            for (int o = 0; o < n; o++) {
                if (o != m && intervals[o].lower() > intervals[m].upper()) {
                    rank++;
                }
            }
            entries.add(new Entry(models.get(m), point[m], intervals[m], rank, battles[m]));
        }
        entries.sort(Comparator.comparingDouble(Entry::rating).reversed());
        return new Leaderboard(method, entries, rounds, seed, level, degenerateRounds);
    }
}
