package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapReport;

import io.augur.plot.engine.IntervalChart;
import io.augur.plot.engine.LineChart;
import io.augur.plot.engine.Svg;
import io.augur.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** rliable's two pictures: interval estimates per aggregate, and performance profiles with bands. */
final class ScoreTablePlots {

    private static final Map<String, String> NAMES = Map.of("mean", "Mean", "median", "Median", "iqm", "IQM",
            "optimality-gap", "Optimality gap (lower is better)");

    private ScoreTablePlots() {
    }

    /** One panel per aggregate (in the response's order), one row per system. */
    static IntervalChart aggregates(AggregatesResponse r) {
        List<String> systems = r.systems().stream().map(AggregatesResponse.SystemAggregates::system).toList();
        List<String> names = r.systems().isEmpty() ? List.of()
                : r.systems().get(0).estimates().stream().map(AggregatesResponse.AggregateEstimate::aggregate).toList();
        List<IntervalChart.Panel> panels = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            double[] v = new double[systems.size()];
            double[] lo = new double[systems.size()];
            double[] hi = new double[systems.size()];
            for (int s = 0; s < systems.size(); s++) {
                AggregatesResponse.AggregateEstimate e = r.systems().get(s).estimates().get(a);
                v[s] = e.value();
                lo[s] = e.interval() == null ? Double.NaN : e.interval().lower();
                hi[s] = e.interval() == null ? Double.NaN : e.interval().upper();
            }
            panels.add(new IntervalChart.Panel(NAMES.getOrDefault(names.get(a), names.get(a)), "score (" + r.table().normalization() + ")",
                    v, lo, hi));
        }
        return new IntervalChart("Aggregate scores with " + percent(r.bootstrap().level()) + " intervals", "system", systems,
                panels, percent(r.bootstrap().level()) + " stratified bootstrap interval", caption(r.table(), r.bootstrap()));
    }

    /** One line per system over the thresholds, with its pointwise band. */
    static LineChart profiles(PerformanceProfileResponse r) {
        List<LineChart.Series> series = new ArrayList<>();
        for (PerformanceProfileResponse.SystemProfile p : r.systems()) {
            int n = p.points().size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                PerformanceProfileResponse.ProfilePoint pt = p.points().get(i);
                Interval in = pt.interval();
                x[i] = pt.tau();
                y[i] = pt.fraction();
                lo[i] = in == null ? Double.NaN : in.lower();
                hi[i] = in == null ? Double.NaN : in.upper();
            }
            series.add(new LineChart.Series(p.system(), LineChart.Style.LINE, x, y, lo, hi));
        }
        return new LineChart("Performance profiles with " + percent(r.bootstrap().level()) + " bands",
                "score threshold tau (" + r.table().normalization() + ")", "fraction of runs with score > tau", false, false,
                series, "Bands: pointwise " + caption(r.table(), r.bootstrap()));
    }

    static String caption(TableSummary t, BootstrapReport b) {
        return String.format(Locale.ROOT, "%s, %d rounds, level %s, seed %d (%s). %d systems, %d tasks, %d scores.", b.method(),
                b.rounds(), Svg.label(b.level(), false), b.seed(), b.seedSource(), t.systems().size(), t.tasks().size(), t.scores());
    }

    private static String percent(double level) {
        return Svg.label(100 * level, false) + "%";
    }
}
