package io.augur.forecast.engine;

import io.augur.plot.engine.Svg;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG picture of a one-input fit for a report: observed points (blue dots), held-out points (red crosses),
 * the fitted curve and its bootstrap band (the curve's percentile interval, shaded, clipped to the axis
 * with a note when it reaches far beyond the data), the chance level of a sigmoid (dashed), axis labels
 * naming the x quantity and the metric, and a legend. Log10 x axis for forms that take logarithms, log y
 * on request. A Chinchilla fit is drawn as loss against compute C = 6ND: the points at their compute,
 * the curve (and band) the loss at the compute-optimal allocation ({@link ComputeOptimal}), so the points
 * lie on or above it. Pure string building: no AWT, native-image friendly.
 */
public final class FitPlot {

    private static final int W = 640;
    private static final int H = 400;
    private static final int L = 64;
    private static final int R = 16;
    private static final int T = 36;
    private static final int B = 48;
    private static final int SAMPLES = 120;
    private static final int CAPTION = 20;

    private FitPlot() {
    }

    /**
     * What the axes show: the x quantity and the metric (e.g. "training compute (FLOP)", "accuracy"), and
     * whether the y axis is logarithmic (losses over orders of magnitude). Null labels: the form's input
     * name and "y".
     */
    public record Labels(String x, String y, boolean logY) {
        public static final Labels DEFAULT = new Labels(null, null, false);
    }

    /** {@link #render(FitResult, List, List, double, String, Labels)} with the default labels. */
    public static String render(FitResult fit, List<Observation> points, List<Observation> heldOut, double xMax, String title) {
        return render(fit, points, heldOut, xMax, title, Labels.DEFAULT);
    }

    /**
     * @param fit     a fit of a one-input form (with bootstrap rounds for the band)
     * @param points  the observations used in the fit
     * @param heldOut observations to mark as held out (may be empty)
     * @param xMax    right end of the curve (e.g. the forecast target); NaN: the largest observed x
     * @param title   plot title (escaped)
     * @param labels  axis labels and log-y
     */
    public static String render(FitResult fit, List<Observation> points, List<Observation> heldOut, double xMax, String title,
            Labels labels) {
        CurveForm form = fit.form();
        boolean chinchilla = form instanceof Chinchilla;
        if (form.inputNames().size() != 1 && !chinchilla) {
            throw new InvalidInputException("form", "plots are drawn for one-input forms and chinchilla; " + form.name() + " takes "
                    + form.inputNames());
        }
        // chinchilla: loss against compute C = 6ND, the curve being the loss at the compute-optimal N and D
        java.util.function.ToDoubleFunction<Observation> xOf = chinchilla ? o -> form.scale(o.x()) : o -> o.x(0);
        boolean logX = chinchilla || form.requiresPositiveX();
        boolean logY = labels.logY();
        List<Observation> all = new ArrayList<>(points);
        all.addAll(heldOut);
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        for (Observation o : all) {
            x0 = Math.min(x0, xOf.applyAsDouble(o));
            x1 = Math.max(x1, xOf.applyAsDouble(o));
            if (logY && !(o.y() > 0)) {
                throw new InvalidInputException("logY", "a logarithmic y axis needs positive values, got " + o.y());
            }
        }
        if (Double.isFinite(xMax)) {
            x1 = Math.max(x1, xMax);
        }
        if (!(x1 > x0)) {
            x1 = logX ? x0 * 10 : x0 + 1;
        }
        double u0 = logX ? Math.log10(x0) : x0;
        double u1 = logX ? Math.log10(x1) : x1;
        double[] us = new double[SAMPLES + 1];
        double[] mid = new double[SAMPLES + 1];
        double[] lo = new double[SAMPLES + 1];
        double[] hi = new double[SAMPLES + 1];
        boolean band = fit.replicateCount() > 1;
        // the y range follows the data and the fitted curve; the band may widen it by at most a quarter of that
        // range on each side and is clipped beyond (an absurd band must not squash the data into a line)
        double d0 = Double.POSITIVE_INFINITY;
        double d1 = Double.NEGATIVE_INFINITY;
        for (Observation o : all) {
            d0 = Math.min(d0, ty(o.y(), logY));
            d1 = Math.max(d1, ty(o.y(), logY));
        }
        for (int i = 0; i <= SAMPLES; i++) {
            us[i] = u0 + (u1 - u0) * i / SAMPLES;
            double x = logX ? Math.pow(10, us[i]) : us[i];
            double v;
            io.augur.stats.Interval ci;
            if (chinchilla) {
                ComputeOptimal.Allocation a = ComputeOptimal.of(fit, x);
                v = a.loss();
                ci = a.lossInterval();
            } else {
                Prediction p = fit.predict(x);
                v = p.value();
                ci = p.confidence();
            }
            mid[i] = ty(v, logY);
            lo[i] = band && ci != null ? ty(ci.lower(), logY) : mid[i];
            hi[i] = band && ci != null ? ty(ci.upper(), logY) : mid[i];
            if (Double.isFinite(mid[i])) {
                d0 = Math.min(d0, mid[i]);
                d1 = Math.max(d1, mid[i]);
            }
        }
        Double chance = form instanceof Sigmoid sg ? sg.floor() : null;
        if (chance != null && !(logY && chance <= 0)) {
            d0 = Math.min(d0, ty(chance, logY));
            d1 = Math.max(d1, ty(chance, logY));
        }
        double range = Math.max(d1 - d0, 1e-12 * Math.max(1, Math.abs(d1)));
        double y0 = d0;
        double y1 = d1;
        for (int i = 0; i <= SAMPLES; i++) {
            y0 = Math.min(y0, Math.max(finiteOr(lo[i], y0), d0 - 0.25 * range));
            y1 = Math.max(y1, Math.min(finiteOr(hi[i], y1), d1 + 0.25 * range));
        }
        boolean clipped = false;
        double bandMin = Double.POSITIVE_INFINITY;
        double bandMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; band && i <= SAMPLES; i++) {
            bandMin = Math.min(bandMin, lo[i]);
            bandMax = Math.max(bandMax, hi[i]);
            if (!(lo[i] >= y0) || !(hi[i] <= y1)) {
                clipped = true;
            }
            lo[i] = Double.isNaN(lo[i]) ? y0 : Math.min(y1, Math.max(y0, lo[i]));
            hi[i] = Double.isNaN(hi[i]) ? y1 : Math.min(y1, Math.max(y0, hi[i]));
        }
        double pad = 0.05 * (y1 - y0 > 0 ? y1 - y0 : range);
        y0 -= pad;
        y1 += pad;
        Scale sx = new Scale(u0, u1, L, W - R);
        Scale sy = new Scale(y0, y1, H - B, T);
        String xLabel = labels.x() != null ? labels.x() : chinchilla ? "training compute C = 6ND (FLOP)" : form.inputNames().get(0);
        String yLabel = labels.y() != null ? labels.y() : chinchilla ? "loss" : "y";
        StringBuilder s = new StringBuilder(16_384);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", W, H + CAPTION, W, H + CAPTION));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H + CAPTION));
        s.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", L, Svg.escape(title)));
        // axes and ticks
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, H - B, W - R, H - B));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, T, L, H - B));
        for (double[] t : Svg.ticks(u0, u1, logX)) {
            double px = sx.map(t[0]);
            s.append(String.format(Locale.ROOT, "<line class=\"x-tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", px, H - B, px, H - B + 4));
            s.append(String.format(Locale.ROOT, "<text class=\"x-tick-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, H - B + 16,
                    Svg.label(t[1], logX && u1 - u0 >= 2)));
        }
        for (double[] t : Svg.ticks(y0, y1, logY)) {
            double py = sy.map(t[0]);
            s.append(String.format(Locale.ROOT, "<line class=\"y-tick\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n", L - 4, py, L, py));
            s.append(String.format(Locale.ROOT, "<text class=\"y-tick-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", L - 6, py + 4,
                    Svg.label(t[1], false)));
        }
        s.append(String.format(Locale.ROOT, "<text class=\"x-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", (L + W - R) / 2, H - 12,
                Svg.escape(xLabel), logX ? " (log scale)" : ""));
        s.append(String.format(Locale.ROOT, "<text class=\"y-label\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s%s</text>%n",
                (T + H - B) / 2, (T + H - B) / 2, Svg.escape(yLabel), logY ? " (log scale)" : ""));
        if (band) {
            StringBuilder poly = new StringBuilder();
            for (int i = 0; i <= SAMPLES; i++) {
                poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(us[i]), sy.map(hi[i])));
            }
            for (int i = SAMPLES; i >= 0; i--) {
                poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(us[i]), sy.map(lo[i])));
            }
            s.append("<polygon class=\"band\" fill=\"#1f77b4\" fill-opacity=\"0.2\" stroke=\"none\" points=\"")
                    .append(poly.toString().trim()).append("\"/>\n");
        }
        if (chance != null && !(logY && chance <= 0)) {
            double py = sy.map(ty(chance, logY));
            s.append(String.format(Locale.ROOT, "<line class=\"chance\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#7f7f7f\" stroke-dasharray=\"6 4\"/>%n",
                    L, py, W - R, py));
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= SAMPLES; i++) {
            if (Double.isFinite(mid[i])) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", sx.map(us[i]), sy.map(mid[i])));
            }
        }
        s.append("<path class=\"curve\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" d=\"").append(path).append("\"/>\n");
        for (Observation o : points) {
            s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f77b4\"/>%n",
                    sx.map(logX ? Math.log10(xOf.applyAsDouble(o)) : xOf.applyAsDouble(o)), sy.map(ty(o.y(), logY))));
        }
        for (Observation o : heldOut) {
            s.append(cross("held-out", sx.map(logX ? Math.log10(xOf.applyAsDouble(o)) : xOf.applyAsDouble(o)), sy.map(ty(o.y(), logY))));
        }
        // legend, top right
        List<String> entries = new ArrayList<>();
        int lx = W - R - 300;
        // top right, unless the curve ends in the upper half (rising curves): then bottom right
        boolean chanceShown = chance != null && !(logY && chance <= 0);
        int rows = 2 + (heldOut.isEmpty() ? 0 : 1) + (band ? 1 : 0) + (chanceShown ? 1 : 0);
        boolean endsHigh = Double.isFinite(mid[SAMPLES]) && mid[SAMPLES] > 0.5 * (y0 + y1);
        int ly = endsHigh ? H - B - 16 * rows : T + 8;
        entries.add(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#1f77b4\"/>", lx + 10, ly));
        entries.add("observed" + (heldOut.isEmpty() ? "" : " (fitted)"));
        if (!heldOut.isEmpty()) {
            entries.add(cross(null, lx + 10, ly + 16).trim());
            entries.add("held out");
        }
        entries.add(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f77b4\" stroke-width=\"2\"/>",
                lx, ly + 16 * (entries.size() / 2), lx + 20, ly + 16 * (entries.size() / 2)));
        entries.add(chinchilla ? "fit: chinchilla, loss at the compute-optimal N, D" : "fit: " + form.name());
        if (band) {
            int yy = ly + 16 * (entries.size() / 2);
            entries.add(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"8\" fill=\"#1f77b4\" fill-opacity=\"0.2\"/>", lx, yy - 4));
            entries.add((int) Math.round(fit.level() * 100) + "% bootstrap band of the curve" + (clipped ? " (clipped)" : ""));
        }
        if (chance != null && !(logY && chance <= 0)) {
            int yy = ly + 16 * (entries.size() / 2);
            entries.add(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#7f7f7f\" stroke-dasharray=\"6 4\"/>", lx, yy, lx + 20, yy));
            entries.add("chance level " + Svg.label(chance, false));
        }
        s.append("<g class=\"legend\">\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"300\" height=\"%d\" fill=\"white\" fill-opacity=\"0.8\"/>%n",
                lx - 6, ly - 9, 16 * (entries.size() / 2) + 4));
        for (int e = 0; e < entries.size(); e += 2) {
            int yy = ly + 16 * (e / 2);
            s.append("<g class=\"legend-entry\">").append(entries.get(e)).append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\">%s</text></g>%n", lx + 26, yy + 4, Svg.escape(entries.get(e + 1))));
        }
        s.append("</g>\n");
        String note = band ? (clipped ? String.format(Locale.ROOT, "band clipped to the axis: it reaches [%s, %s]",
                Svg.label(logY ? Math.pow(10, bandMin) : bandMin, false), Svg.label(logY ? Math.pow(10, bandMax) : bandMax, false)) : "")
                : fit.bootstrapRounds() > 0 ? "no band: the bootstrap intervals were withheld (see the fit's warnings)" : "no band (no bootstrap)";
        if (!note.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text class=\"note\" x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n", L, T - 4, Svg.escape(note)));
        }
        // caption: what the band is and the seed that reproduces it (the document grows by its height)
        String caption = fit.bootstrapRounds() > 0
                ? String.format(Locale.ROOT, "Band: percentile bootstrap of the curve, level %s, %d rounds, seed %d.", Svg.label(fit.level(), false), fit.bootstrapRounds(), fit.seed())
                : "No bootstrap: the curve is the point fit only.";
        s.append(String.format(Locale.ROOT, "<text class=\"caption\" x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>%n", 16, H + CAPTION - 8,
                Svg.escape(caption)));
        s.append("</svg>\n");
        return s.toString();
    }

    private static double ty(double v, boolean logY) {
        return logY ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    private static String cross(String cls, double px, double py) {
        return String.format(Locale.ROOT, "<path%s stroke=\"#d62728\" stroke-width=\"2\" d=\"M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f\"/>%n",
                cls == null ? "" : " class=\"" + cls + "\"", px - 4, py - 4, px + 4, py + 4, px - 4, py + 4, px + 4, py - 4);
    }

    private record Scale(double d0, double d1, double p0, double p1) {
        double map(double v) {
            return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
        }
    }

    private static double finiteOr(double v, double other) {
        return Double.isFinite(v) ? v : other;
    }
}
