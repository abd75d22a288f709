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
 * Point estimates with their intervals, one row per category and one panel per quantity, each panel with its
 * own scale: a leaderboard (one panel, models ordered best first, ranks in the labels, as FastChat's
 * bootstrap-interval plots) or rliable's interval estimates (one panel per aggregate). A row whose interval
 * is missing (NaN) shows its point only.
 *
 * @param title         plot title
 * @param categoryLabel what the rows are (y axis label), e.g. "model (rank)"
 * @param categories    row labels, top to bottom
 * @param panels        one or more panels over the same rows
 * @param intervalName  legend text of the interval, e.g. "95% bootstrap interval"
 * @param caption       interval method, level and seed
 */
public record IntervalChart(String title, String categoryLabel, List<String> categories, List<Panel> panels,
        String intervalName, String caption) implements Figure {

    /** One quantity: per row a point and an interval [lower, upper] (NaN: none). */
    public record Panel(String name, String valueLabel, double[] value, double[] lower, double[] upper) {
    }

    private static final int W = 760;
    private static final int ROW = 22;
    private static final int TOP = 78;
    private static final String COLOUR = Svg.PALETTE.get(0);

    public IntervalChart {
        for (Panel p : panels) {
            if (p.value().length != categories.size() || p.lower().length != categories.size() || p.upper().length != categories.size()) {
                throw new IllegalArgumentException("panel " + p.name() + " has not one value per category");
            }
        }
    }

    public String svg() {
        int labelWidth = (int) Math.min(260, Math.max(70, 6.4 * categories.stream().mapToInt(String::length).max().orElse(4) + 12));
        int captionLines = Svg.captionLines(caption, W);
        int plotBottom = TOP + ROW * categories.size();
        int height = plotBottom + 52 + 13 * captionLines;
        Svg svg = new Svg(W, height, title);
        List<LegendEntry> legend = List.of(LegendEntry.dot(COLOUR, "point estimate"), LegendEntry.line(COLOUR, false, intervalName));
        svg.legend(W - 16 - Svg.legendWidth(legend), 28, legend);
        double left = 24 + labelWidth;
        double gap = 24;
        double panelWidth = (W - 16 - left - gap * (panels.size() - 1)) / panels.size();
        for (int r = 0; r < categories.size(); r++) {
            svg.text("category", left - 6, TOP + ROW * r + ROW / 2.0 + 4, "end", categories.get(r));
        }
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            double x0 = left + p * (panelWidth + gap);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < categories.size(); r++) {
                for (double v : new double[] {panel.value()[r], panel.lower()[r], panel.upper()[r]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (!Double.isFinite(lo)) {
                lo = 0;
                hi = 1;
            }
            Scale sx = Scale.padded(lo, hi, 0.05, x0 + 4, x0 + panelWidth - 4);
            if (panels.size() > 1) {
                svg.text("panel", x0 + panelWidth / 2, TOP - 8, "middle", panel.name());
            }
            svg.rect(null, x0, TOP, panelWidth, ROW * categories.size(), "#f7f7f7", null);
            svg.xAxis(sx, plotBottom, false);
            svg.text("x-label", x0 + panelWidth / 2, plotBottom + 30, "middle", panel.valueLabel());
            for (int r = 0; r < categories.size(); r++) {
                double y = TOP + ROW * r + ROW / 2.0;
                double v = panel.value()[r];
                double l = panel.lower()[r];
                double u = panel.upper()[r];
                String tip = categories.get(r) + ": " + Svg.label(v, false)
                        + (Double.isFinite(l) && Double.isFinite(u) ? " [" + Svg.label(l, false) + ", " + Svg.label(u, false) + "]" : "");
                if (Double.isFinite(l) && Double.isFinite(u)) {
                    svg.line("mark-interval", sx.map(l), y, sx.map(u), y, COLOUR, 2);
                    svg.line(null, sx.map(l), y - 4, sx.map(l), y + 4, COLOUR, 1.5);
                    svg.line(null, sx.map(u), y - 4, sx.map(u), y + 4, COLOUR, 1.5);
                }
                if (Double.isFinite(v)) {
                    svg.circle("mark", sx.map(v), y, 4, COLOUR, tip);
                }
            }
        }
        svg.axisLabels(null, 0, 0, 0, categoryLabel, TOP, plotBottom);
        return svg.caption(caption).end();
    }

    public Map<String, Object> vegaLite() {
        List<Map<String, Object>> values = new ArrayList<>();
        for (Panel p : panels) {
            for (int r = 0; r < categories.size(); r++) {
                values.add(obj("panel", p.name(), "category", categories.get(r), "order", r, "value", num(p.value()[r]),
                        "lower", num(p.lower()[r]), "upper", num(p.upper()[r])));
            }
        }
        Map<String, Object> y = obj("field", "category", "type", "nominal", "sort", obj("field", "order"), "title", categoryLabel);
        String xTitle = panels.size() == 1 ? panels.get(0).valueLabel() : "value";
        Map<String, Object> layered = obj("layer", arr(
                obj("mark", obj("type", "rule", "strokeWidth", 2), "encoding", obj("y", y,
                        "x", obj("field", "lower", "type", "quantitative", "title", xTitle, "scale", obj("zero", false)),
                        "x2", obj("field", "upper"))),
                obj("mark", obj("type", "point", "filled", true, "size", 50), "encoding", obj("y", y,
                        "x", obj("field", "value", "type", "quantitative", "title", xTitle, "scale", obj("zero", false)),
                        "tooltip", arr(obj("field", "category"), obj("field", "value"), obj("field", "lower"), obj("field", "upper"))))));
        Map<String, Object> rest = panels.size() == 1 ? layered
                : obj("facet", obj("column", obj("field", "panel", "type", "nominal", "title", null, "sort", panels.stream().map(Panel::name).toList())),
                        "spec", layered, "resolve", obj("scale", obj("x", "independent")));
        return VegaLite.top(title, caption, values, rest);
    }
}
