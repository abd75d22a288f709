package io.augur.forecast.api;

import io.augur.forecast.api.ForecastMapper.Fitted;
import io.augur.forecast.api.ForecastMapper.SingleBacktest;
import io.augur.forecast.api.ForecastRequests.BacktestRequest;
import io.augur.forecast.api.ForecastResponses.LearningCurveResponse;
import io.augur.forecast.api.ForecastResponses.MemberOut;
import io.augur.forecast.api.SelectionLoader.Selected;
import io.augur.forecast.engine.Backtest;
import io.augur.forecast.engine.Chinchilla;
import io.augur.forecast.engine.ComputeOptimal;
import io.augur.forecast.engine.CurveForm;
import io.augur.forecast.engine.FitPlot;
import io.augur.forecast.engine.FitResult;
import io.augur.forecast.engine.Observation;
import io.augur.plot.engine.LineChart;
import io.augur.plot.engine.Svg;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Forecast plots beside the fit plot ({@link FitPlot}): a backtest of every candidate form (each fitted on the
 * kept points, drawn over the whole range with its bootstrap band, the held-out points marked), a fit as
 * Vega-Lite, and a learning-curve ensemble (the observed curve, the ensemble forecast at the horizon with its
 * interval, each member's forecast).
 */
final class ForecastPlots {

    private static final int SAMPLES = 100;

    private ForecastPlots() {
    }

    /** The backtest of the request's form (or of every candidate for auto). */
    static LineChart backtest(BacktestRequest r, Selected sel) {
        String form = r.form().strip().toLowerCase(Locale.ROOT);
        if (form.equals("two-stage")) {
            throw new InvalidInputException("form", "two-stage cannot be backtested as one curve; backtest its stages separately");
        }
        List<Backtest.Result> results;
        List<Observation> points;
        String holdout;
        if (form.equals("auto")) {
            Fitted f = ForecastMapper.fit(r, sel, r.holdout());
            results = f.auto().candidates();
            points = f.data().points();
            holdout = f.holdout();
        } else {
            SingleBacktest b = ForecastMapper.singleBacktest(form, r, sel);
            results = List.of(b.result());
            points = b.data().points();
            holdout = ForecastMapper.describe(b.holdout());
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("candidates", "no candidate could be backtested");
        }
        CurveForm first = results.get(0).trainFit().form();
        List<Observation> byScale = new ArrayList<>(points);
        byScale.sort(Comparator.comparingDouble(o -> first.scale(o.x())));
        int kept = results.get(0).trainPoints();
        FitPlot.Labels labels = ForecastMapper.plotLabels(r);
        List<LineChart.Series> series = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        for (Backtest.Result res : results) {
            series.add(curve(ForecastMapper.apiName(res.trainFit().form()) + " fitted on the kept points", res.trainFit(), byScale));
            errors.append(String.format(Locale.ROOT, " %s: mean absolute error %s, coverage %s.", ForecastMapper.apiName(res.trainFit().form()),
                    Svg.label(res.meanAbsoluteError(), false), Double.isFinite(res.coverage()) ? Svg.label(res.coverage(), false) : "n/a"));
        }
        series.add(points("kept points", first, byScale.subList(0, kept)));
        series.add(points("held-out points", first, byScale.subList(kept, byScale.size())));
        FitResult fit = results.get(0).trainFit();
        return new LineChart("Backtest: " + holdout + " held out", xLabel(labels, first), labels.y() != null ? labels.y() : "y",
                first.requiresPositiveX() || first instanceof Chinchilla, labels.logY(), series,
                band(fit) + errors.toString().stripTrailing());
    }

    /** A fit (as the fit plot draws it) for Vega-Lite: the curve with its band, the points, the held-out points. */
    static LineChart fit(String title, FitResult fit, List<Observation> points, List<Observation> heldOut, FitPlot.Labels labels) {
        CurveForm form = fit.form();
        if (form.inputNames().size() != 1 && !(form instanceof Chinchilla)) {
            throw new InvalidInputException("form", "plots are drawn for one-input forms and chinchilla; " + form.name() + " takes "
                    + form.inputNames());
        }
        List<Observation> all = new ArrayList<>(points);
        all.addAll(heldOut);
        List<LineChart.Series> series = new ArrayList<>();
        series.add(curve("fit: " + ForecastMapper.apiName(form), fit, all));
        series.add(points(heldOut.isEmpty() ? "observed" : "observed (fitted)", form, points));
        if (!heldOut.isEmpty()) {
            series.add(points("held out", form, heldOut));
        }
        return new LineChart(title, xLabel(labels, form), labels.y() != null ? labels.y() : form instanceof Chinchilla ? "loss" : "y",
                form.requiresPositiveX() || form instanceof Chinchilla, labels.logY(), series, band(fit));
    }

    /** The ensemble's observed curve, its forecast at the horizon with the interval, and each member's forecast. */
    static LineChart learningCurve(ForecastRequests.LearningCurveRequest r, LearningCurveResponse out) {
        List<LineChart.Series> series = new ArrayList<>();
        List<ForecastRequests.PointInput> pts = new ArrayList<>(r.points());
        pts.sort(Comparator.comparingDouble(p -> p.x()));
        series.add(new LineChart.Series("observed", LineChart.Style.LINE, pts.stream().mapToDouble(p -> p.x()).toArray(),
                pts.stream().mapToDouble(p -> p.y()).toArray(), null, null));
        double lo = out.interval() == null || out.interval().lower() == null ? Double.NaN : out.interval().lower();
        double hi = out.interval() == null || out.interval().upper() == null ? Double.NaN : out.interval().upper();
        series.add(new LineChart.Series("ensemble forecast", LineChart.Style.POINTS, new double[] {out.horizon()},
                new double[] {out.value() == null ? Double.NaN : out.value()}, new double[] {lo}, new double[] {hi}));
        for (MemberOut m : out.members()) {
            if (m.weight() != null && m.weight() > 0 && m.prediction() != null) {
                series.add(new LineChart.Series(String.format(Locale.ROOT, "%s (weight %s)", m.form(), Svg.label(m.weight(), false)),
                        LineChart.Style.POINTS, new double[] {out.horizon()}, new double[] {m.prediction()}, null, null));
            }
        }
        String level = out.interval() == null ? "" : " Interval: " + out.interval().method() + ", level " + Svg.label(out.interval().level(), false) + ".";
        return new LineChart("Learning-curve ensemble forecast at step " + Svg.label(out.horizon(), false), "step",
                r.metric() != null ? r.metric() : "value", false, false, series,
                "Ensemble of the learning-curve families, " + out.weighting() + "." + level
                        + " Deterministic: no random numbers are drawn, so there is no seed.");
    }

    private static String xLabel(FitPlot.Labels labels, CurveForm form) {
        return labels.x() != null ? labels.x() : form instanceof Chinchilla ? "training compute C = 6ND (FLOP)" : form.inputNames().get(0);
    }

    private static String band(FitResult fit) {
        return fit.bootstrapRounds() > 0
                ? String.format(Locale.ROOT, "Bands: percentile bootstrap of the curve (resampled observations), level %s, %d rounds, seed %d.",
                        Svg.label(fit.level(), false), fit.bootstrapRounds(), fit.seed())
                : "No bootstrap: the curves are point fits only.";
    }

    private static LineChart.Series points(String name, CurveForm form, List<Observation> obs) {
        ToDoubleFunction<Observation> xOf = xOf(form);
        return new LineChart.Series(name, LineChart.Style.POINTS, obs.stream().mapToDouble(xOf).toArray(),
                obs.stream().mapToDouble(Observation::y).toArray(), null, null);
    }

    private static ToDoubleFunction<Observation> xOf(CurveForm form) {
        return form instanceof Chinchilla ? o -> form.scale(o.x()) : o -> o.x(0);
    }

    /** The fitted curve sampled over the points' x range (log-spaced for forms on positive x), with its band. */
    private static LineChart.Series curve(String name, FitResult fit, List<Observation> over) {
        CurveForm form = fit.form();
        boolean chinchilla = form instanceof Chinchilla;
        if (form.inputNames().size() != 1 && !chinchilla) {
            throw new InvalidInputException("form", "plots are drawn for one-input forms and chinchilla; " + form.name()
                    + " takes " + form.inputNames());
        }
        boolean log = chinchilla || form.requiresPositiveX();
        ToDoubleFunction<Observation> xOf = xOf(form);
        double a = over.stream().mapToDouble(xOf).min().orElse(1);
        double b = over.stream().mapToDouble(xOf).max().orElse(a);
        boolean band = fit.replicateCount() > 1;
        double[] x = new double[SAMPLES + 1];
        double[] y = new double[SAMPLES + 1];
        double[] lo = new double[SAMPLES + 1];
        double[] hi = new double[SAMPLES + 1];
        for (int i = 0; i <= SAMPLES; i++) {
            double t = (double) i / SAMPLES;
            x[i] = log ? Math.pow(10, Math.log10(a) + t * (Math.log10(b) - Math.log10(a))) : a + t * (b - a);
            Interval ci;
            if (chinchilla) {
                ComputeOptimal.Allocation al = ComputeOptimal.of(fit, x[i]);
                y[i] = al.loss();
                ci = al.lossInterval();
            } else {
                var p = fit.predict(x[i]);
                y[i] = p.value();
                ci = p.confidence();
            }
            lo[i] = band && ci != null ? ci.lower() : Double.NaN;
            hi[i] = band && ci != null ? ci.upper() : Double.NaN;
        }
        return new LineChart.Series(name, LineChart.Style.LINE, x, y, band ? lo : null, band ? hi : null);
    }
}
