package io.augur.pairwise.api;

import io.augur.plot.engine.Heatmap;
import io.augur.plot.engine.IntervalChart;
import io.augur.plot.engine.Svg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Leaderboards drawn: ratings with their intervals, best first, ranks shown; predicted win rates as a heatmap. */
final class LeaderboardPlots {

    private LeaderboardPlots() {
    }

    /** Each model's rating and interval, ordered best first, labelled "#rank model". */
    static IntervalChart ratings(String title, LeaderboardResult lb) {
        int n = lb.entries().size();
        List<String> labels = new ArrayList<>(n);
        double[] value = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            LeaderboardResult.Entry e = lb.entries().get(i);
            labels.add("#" + e.rank() + " " + e.model());
            value[i] = e.rating();
            lower[i] = e.interval() == null ? Double.NaN : e.interval().lower();
            upper[i] = e.interval() == null ? Double.NaN : e.interval().upper();
        }
        String level = percent(lb.bootstrap().level());
        return new IntervalChart(title, "model (rank)", labels,
                List.of(new IntervalChart.Panel("rating", "rating (Elo scale)", value, lower, upper)),
                level + " bootstrap interval", caption(lb));
    }

    /**
     * Predicted P(row model beats column model) for every ordered pair, from the fitted ratings; models in
     * leaderboard order. {@code lb} must carry the win probabilities of every unordered pair.
     */
    static Heatmap winRates(String title, LeaderboardResult lb) {
        List<String> models = lb.entries().stream().map(LeaderboardResult.Entry::model).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            index.put(models.get(i), i);
        }
        double[][] p = new double[models.size()][models.size()];
        for (double[] row : p) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (LeaderboardResult.WinProbabilityResult w : lb.winProbabilities()) {
            int a = index.get(w.modelA());
            int b = index.get(w.modelB());
            p[a][b] = w.aWins();
            p[b][a] = w.bWins();
        }
        String ties = "davidson".equals(lb.ties()) ? " Davidson ties: P(row wins) + P(column wins) + P(tie) = 1, the tie "
                + "probability not shown." : "";
        return new Heatmap(title, "model A (row)", "model B (column)", "P(A beats B)", models, models, p,
                "Cells: predicted probability that the row model beats the column model, from the fitted ratings." + ties + " "
                        + caption(lb));
    }

    /** Every unordered pair of the models, for the win-rate matrix. */
    static List<PairInput> allPairs(List<String> models) {
        List<PairInput> pairs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                pairs.add(new PairInput(models.get(i), models.get(j)));
            }
        }
        return pairs;
    }

    static String caption(LeaderboardResult lb) {
        return String.format(Locale.ROOT, "Intervals: %s, percentile bootstrap, %d rounds, level %s, seed %d; %d observations.%s",
                lb.method(), lb.bootstrap().rounds(), Svg.label(lb.bootstrap().level(), false), lb.bootstrap().seed(),
                lb.observations(), lb.bootstrap().degenerateRounds() > 0 ? " " + lb.bootstrap().degenerateRounds()
                        + " degenerate rounds refitted with a small prior." : "");
    }

    static String percent(double level) {
        return Svg.label(100 * level, false) + "%";
    }
}
