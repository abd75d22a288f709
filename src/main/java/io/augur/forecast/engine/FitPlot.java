package io.augur.forecast.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG picture of a one-input fit: observed points (blue dots), held-out points (red crosses), the fitted
 * curve and its bootstrap band (the curve's percentile interval, shaded), on a log10 x axis for forms
 * that take logarithms and a linear one otherwise. Pure string building: no AWT, native-image friendly.
 */
public final class FitPlot {

    private static final int W = 640;
    private static final int H = 400;
    private static final int L = 64;
    private static final int R = 16;
    private static final int T = 36;
    private static final int B = 48;
    private static final int SAMPLES = 120;

    private FitPlot() {
    }

    /**
     * @param fit     a fit of a one-input form (with bootstrap rounds for the band)
     * @param points  the observations used in the fit
     * @param heldOut observations to mark as held out (may be empty)
     * @param xMax    right end of the curve (e.g. the forecast target); NaN: the largest observed x
     * @param title   plot title (escaped)
     */
    public static String render(FitResult fit, List<Observation> points, List<Observation> heldOut, double xMax, String title) {
        CurveForm form = fit.form();
        if (form.inputNames().size() != 1) {
            throw new InvalidInputException("form", "plots are drawn for one-input forms; " + form.name() + " takes " + form.inputNames());
        }
        boolean logX = form.requiresPositiveX();
        List<Observation> all = new ArrayList<>(points);
        all.addAll(heldOut);
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        for (Observation o : all) {
            x0 = Math.min(x0, o.x(0));
            x1 = Math.max(x1, o.x(0));
        }
        if (Double.isFinite(xMax)) {
            x1 = Math.max(x1, xMax);
        }
        if (!(x1 > x0)) {
            x1 = x0 + 1;
        }
        double u0 = logX ? Math.log10(x0) : x0;
        double u1 = logX ? Math.log10(x1) : x1;
        double[] us = new double[SAMPLES + 1];
        double[] mid = new double[SAMPLES + 1];
        double[] lo = new double[SAMPLES + 1];
        double[] hi = new double[SAMPLES + 1];
        boolean band = fit.replicateCount() > 1;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= SAMPLES; i++) {
            us[i] = u0 + (u1 - u0) * i / SAMPLES;
            double x = logX ? Math.pow(10, us[i]) : us[i];
            Prediction p = fit.predict(x);
            mid[i] = p.value();
            lo[i] = band ? p.confidence().lower() : mid[i];
            hi[i] = band ? p.confidence().upper() : mid[i];
            y0 = Math.min(y0, finiteOr(lo[i], y0));
            y1 = Math.max(y1, finiteOr(hi[i], y1));
        }
        for (Observation o : all) {
            y0 = Math.min(y0, o.y());
            y1 = Math.max(y1, o.y());
        }
        double pad = 0.05 * Math.max(1e-12, y1 - y0);
        y0 -= pad;
        y1 += pad;
        Scale sx = new Scale(u0, u1, L, W - R);
        Scale sy = new Scale(y0, y1, H - B, T);
        StringBuilder s = new StringBuilder(16_384);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", L, escape(title)));
        // axes and ticks
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, H - B, W - R, H - B));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, T, L, H - B));
        for (double t : ticks(u0, u1, logX)) {
            double px = sx.map(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", px, H - B, px, H - B + 4));
            String label = logX ? "1e" + (int) Math.round(t) : String.format(Locale.ROOT, "%.3g", t);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, H - B + 16, label));
        }
        for (double t : ticks(y0, y1, false)) {
            double py = sy.map(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n", L - 4, py, L, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", L - 6, py + 4,
                    String.format(Locale.ROOT, "%.3g", t)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", (L + W - R) / 2, H - 10,
                escape(form.inputNames().get(0)), logX ? " (log scale)" : ""));
        if (band) {
            StringBuilder poly = new StringBuilder();
            for (int i = 0; i <= SAMPLES; i++) {
                if (Double.isFinite(hi[i])) {
                    poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(us[i]), sy.map(hi[i])));
                }
            }
            for (int i = SAMPLES; i >= 0; i--) {
                if (Double.isFinite(lo[i])) {
                    poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.map(us[i]), sy.map(lo[i])));
                }
            }
            s.append("<polygon class=\"band\" fill=\"#1f77b4\" fill-opacity=\"0.2\" stroke=\"none\" points=\"")
                    .append(poly.toString().trim()).append("\"/>\n");
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
                    sx.map(logX ? Math.log10(o.x(0)) : o.x(0)), sy.map(o.y())));
        }
        for (Observation o : heldOut) {
            double px = sx.map(logX ? Math.log10(o.x(0)) : o.x(0));
            double py = sy.map(o.y());
            s.append(String.format(Locale.ROOT, "<path class=\"held-out\" stroke=\"#d62728\" stroke-width=\"2\" d=\"M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f\"/>%n",
                    px - 4, py - 4, px + 4, py + 4, px - 4, py + 4, px + 4, py - 4));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s; band: %s</text>%n", L, T - 4,
                escape(form.name()), band ? escape((int) Math.round(fit.level() * 100) + "% bootstrap interval of the curve") : "none (no bootstrap)"));
        s.append("</svg>\n");
        return s.toString();
    }

    private record Scale(double d0, double d1, double p0, double p1) {
        double map(double v) {
            return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
        }
    }

    private static double finiteOr(double v, double other) {
        return Double.isFinite(v) ? v : other;
    }

    private static List<Double> ticks(double a, double b, boolean integers) {
        List<Double> t = new ArrayList<>();
        if (integers) {
            int step = Math.max(1, (int) Math.ceil((b - a) / 8));
            for (double v = Math.ceil(a); v <= b + 1e-9; v += step) {
                t.add(v);
            }
            return t;
        }
        double raw = (b - a) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(a / step) * step; v <= b + 1e-12; v += step) {
            t.add(v);
        }
        return t;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
