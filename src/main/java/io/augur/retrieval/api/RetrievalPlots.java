package io.augur.retrieval.api;

import io.augur.plot.engine.LineChart;
import io.augur.plot.engine.Svg;
import io.augur.retrieval.engine.significance.RunScores;
import io.augur.stats.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A retrieval comparison drawn: each pair's per-query differences, sorted from the largest gain to the largest loss. */
final class RetrievalPlots {

    private RetrievalPlots() {
    }

    /** The first measure value compared; one series of sorted differences A - B per pair. */
    static LineChart differences(RunComparison c, Map<String, List<RunScores>> scores) {
        RunComparison.MeasureComparison m = c.measures().get(0);
        Map<String, RunScores> byRun = new HashMap<>();
        for (RunScores s : scores.get(m.measure())) {
            byRun.put(s.run(), s);
        }
        List<LineChart.Series> series = new ArrayList<>();
        StringBuilder caption = new StringBuilder();
        for (RunComparison.Pair p : m.comparisons()) {
            RunScores a = byRun.get(p.runA());
            RunScores b = byRun.get(p.runB());
            Map<String, Double> bById = new HashMap<>();
            for (int i = 0; i < b.queryIds().size(); i++) {
                bById.put(b.queryIds().get(i), b.values()[i]);
            }
            double[] d = new double[a.queryIds().size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.values()[i] - bById.get(a.queryIds().get(i));
            }
            double[] sorted = java.util.Arrays.stream(d).boxed().sorted(java.util.Comparator.reverseOrder())
                    .mapToDouble(Double::doubleValue).toArray();
            double[] rank = new double[sorted.length];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = i + 1;
            }
            series.add(new LineChart.Series(p.runA() + " - " + p.runB(), LineChart.Style.POINTS, rank, sorted, null, null));
            caption.append(String.format(Locale.ROOT, " %s - %s: mean %s, t interval %s, paired bootstrap %s.", p.runA(), p.runB(),
                    Svg.label(p.difference().estimate(), false), interval(p.difference().interval()),
                    interval(p.difference().bootstrapInterval())));
        }
        return new LineChart("Per-query differences in " + m.measure() + ", sorted", "query (sorted by difference)",
                "difference in " + m.measure() + " (A - B)", false, false, series,
                String.format(Locale.ROOT, "%d queries. Intervals of the mean difference: Student t and percentile paired bootstrap "
                        + "(%d rounds), level %s, seed %d.", m.queries(), c.bootstrap().rounds(), Svg.label(c.bootstrap().level(), false), c.bootstrap().seed())
                        + caption);
    }

    private static String interval(Interval i) {
        return i == null ? "n/a" : "[" + Svg.label(i.lower(), false) + ", " + Svg.label(i.upper(), false) + "]";
    }
}
