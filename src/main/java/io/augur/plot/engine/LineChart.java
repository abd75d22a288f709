package io.augur.plot.engine;

import static io.augur.plot.engine.VegaLite.arr;
import static io.augur.plot.engine.VegaLite.num;
import static io.augur.plot.engine.VegaLite.obj;

import io.augur.plot.engine.Svg.LegendEntry;
import io.augur.plot.engine.Svg.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Series over a shared x axis: lines with an optional band (rliable's performance profiles with pointwise
 * bootstrap bands) or points with optional error bars (a backtest's predictions at the held-out points beside
 * the observed values). Log axes on request (positions are log10 of the values; non-positive values are not
 * drawn on a log axis). A legend when there is more than one series.
 */
public record LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series,
        String caption) implements Figure {

    public enum Style { LINE, POINTS }

    /**
     * One series: x and y, and per point an interval [lower, upper] (null arrays or NaN entries: none). A line
     * draws its intervals as a band, points as error bars.
     */
    public record Series(String name, Style style, double[] x, double[] y, double[] lower, double[] upper) {
        public Series {
            if (x.length != y.length || (lower != null && lower.length != x.length) || (upper != null && upper.length != x.length)) {
                throw new IllegalArgumentException("series " + name + ": x, y and the interval need one value per point");
            }
        }

        boolean hasIntervals() {
            return lower != null && upper != null;
        }
    }

    private static final int W = 760;
    private static final int H = 420;
    private static final int L = 70;
    private static final int R = 16;
    private static final int T = 40;

    public String svg() {
        int captionLines = Svg.captionLines(caption, W);
        int height = H + 13 * captionLines;
        int bottom = H - 50;
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double u = tx(s.x()[i], logX);
                if (!Double.isFinite(u)) {
                    continue;
                }
                x0 = Math.min(x0, u);
                x1 = Math.max(x1, u);
                for (double v : new double[] {s.y()[i], s.hasIntervals() ? s.lower()[i] : Double.NaN,
                        s.hasIntervals() ? s.upper()[i] : Double.NaN}) {
                    double w = tx(v, logY);
                    if (Double.isFinite(w)) {
                        y0 = Math.min(y0, w);
                        y1 = Math.max(y1, w);
                    }
                }
            }
        }
        if (!Double.isFinite(x0)) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        Scale sx = Scale.padded(x0, x1, 0.03, L, W - R);
        Scale sy = Scale.padded(y0, y1, 0.05, bottom, T);
        Svg svg = new Svg(W, height, title);
        svg.xAxis(sx, bottom, logX).yAxis(sy, L, logY);
        svg.axisLabels(xLabel + (logX ? " (log scale)" : ""), L, W - R, bottom + 32, yLabel + (logY ? " (log scale)" : ""), T, bottom);
        List<LegendEntry> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = Svg.PALETTE.get(k % Svg.PALETTE.size());
            int n = s.x().length;
            if (s.style() == Style.LINE) {
                if (s.hasIntervals()) {
                    List<Double> poly = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        add(poly, sx, sy, s.x()[i], s.upper()[i]);
                    }
                    for (int i = n - 1; i >= 0; i--) {
                        add(poly, sx, sy, s.x()[i], s.lower()[i]);
                    }
                    svg.polygon("band", poly.stream().mapToDouble(Double::doubleValue).toArray(), colour, 0.2);
                }
                double[] xy = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    xy[2 * i] = sx.map(tx(s.x()[i], logX));
                    xy[2 * i + 1] = sy.map(tx(s.y()[i], logY));
                }
                svg.path("mark", xy, colour, 2, null);
                legend.add(s.hasIntervals() ? LegendEntry.line(colour, false, s.name() + " (band: interval)") : LegendEntry.line(colour, false, s.name()));
            } else {
                for (int i = 0; i < n; i++) {
                    double px = sx.map(tx(s.x()[i], logX));
                    double py = sy.map(tx(s.y()[i], logY));
                    if (s.hasIntervals()) {
                        double pl = sy.map(tx(s.lower()[i], logY));
                        double pu = sy.map(tx(s.upper()[i], logY));
                        if (Double.isFinite(px) && Double.isFinite(pl) && Double.isFinite(pu)) {
                            svg.line("mark-interval", px, pl, px, pu, colour, 1.5);
                        }
                    }
                    if (Double.isFinite(px) && Double.isFinite(py)) {
                        svg.circle("mark", px, py, 4, colour, s.name() + ": (" + Svg.label(s.x()[i], false) + ", " + Svg.label(s.y()[i], false) + ")");
                    }
                }
                legend.add(s.hasIntervals() ? LegendEntry.line(colour, true, s.name() + " (bar: interval)") : LegendEntry.dot(colour, s.name()));
            }
        }
        if (series.size() > 1) {
            // the corner of the plot area that hides the fewest data points
            int lw = Svg.legendWidth(legend);
            int lh = 16 * legend.size() + 6;
            double[][] corners = {{W - R - 8 - lw, T + 4}, {L + 8, T + 4}, {W - R - 8 - lw, bottom - 4 - lh}, {L + 8, bottom - 4 - lh}};
            double[] best = corners[0];
            int fewest = Integer.MAX_VALUE;
            for (double[] c : corners) {
                int hidden = 0;
                for (Series s : series) {
                    for (int i = 0; i < s.x().length; i++) {
                        double px = sx.map(tx(s.x()[i], logX));
                        double py = sy.map(tx(s.y()[i], logY));
                        hidden += px >= c[0] - 4 && px <= c[0] + lw + 4 && py >= c[1] - 4 && py <= c[1] + lh + 4 ? 1 : 0;
                    }
                }
                if (hidden < fewest) {
                    fewest = hidden;
                    best = c;
                }
            }
            svg.legend(best[0], best[1], legend);
        }
        return svg.caption(caption).end();
    }

    private void add(List<Double> poly, Scale sx, Scale sy, double x, double y) {
        double px = sx.map(tx(x, logX));
        double py = sy.map(tx(y, logY));
        if (Double.isFinite(px) && Double.isFinite(py)) {
            poly.add(px);
            poly.add(py);
        }
    }

    private static double tx(double v, boolean log) {
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    public Map<String, Object> vegaLite() {
        List<Map<String, Object>> data = new ArrayList<>();
        boolean lines = false;
        boolean points = false;
        boolean intervals = false;
        for (Series s : series) {
            lines |= s.style() == Style.LINE;
            points |= s.style() == Style.POINTS;
            intervals |= s.hasIntervals();
            for (int i = 0; i < s.x().length; i++) {
                data.add(obj("series", s.name(), "style", s.style() == Style.LINE ? "line" : "points", "x", num(s.x()[i]),
                        "y", num(s.y()[i]), "lower", s.hasIntervals() ? num(s.lower()[i]) : null,
                        "upper", s.hasIntervals() ? num(s.upper()[i]) : null));
            }
        }
        Map<String, Object> x = obj("field", "x", "type", "quantitative", "title", xLabel, "scale", logX ? obj("type", "log") : obj("zero", false));
        Map<String, Object> yScale = logY ? obj("type", "log") : obj("zero", false);
        Map<String, Object> colour = obj("field", "series", "type", "nominal", "title", null,
                "sort", series.stream().map(Series::name).toList());
        List<Object> layers = arr();
        if (intervals && lines) {
            layers.add(obj("transform", arr(obj("filter", obj("field", "style", "equal", "line")), obj("filter", "datum.lower != null")),
                    "mark", obj("type", "area", "opacity", 0.2), "encoding", obj("x", x,
                            "y", obj("field", "lower", "type", "quantitative", "title", yLabel, "scale", yScale), "y2", obj("field", "upper"), "color", colour)));
        }
        if (lines) {
            layers.add(obj("transform", arr(obj("filter", obj("field", "style", "equal", "line"))), "mark", "line", "encoding",
                    obj("x", x, "y", obj("field", "y", "type", "quantitative", "title", yLabel, "scale", yScale), "color", colour)));
        }
        if (intervals && points) {
            layers.add(obj("transform", arr(obj("filter", obj("field", "style", "equal", "points")), obj("filter", "datum.lower != null")),
                    "mark", "rule", "encoding", obj("x", x, "y", obj("field", "lower", "type", "quantitative", "title", yLabel, "scale", yScale),
                            "y2", obj("field", "upper"), "color", colour)));
        }
        if (points) {
            layers.add(obj("transform", arr(obj("filter", obj("field", "style", "equal", "points"))), "mark", obj("type", "point", "filled", true),
                    "encoding", obj("x", x, "y", obj("field", "y", "type", "quantitative", "title", yLabel, "scale", yScale), "color", colour,
                            "tooltip", arr(obj("field", "series"), obj("field", "x"), obj("field", "y"), obj("field", "lower"), obj("field", "upper")))));
        }
        return VegaLite.top(title, caption, data, obj("layer", layers));
    }
}
