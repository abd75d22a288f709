package io.augur.plot.engine;

import static io.augur.plot.engine.VegaLite.arr;
import static io.augur.plot.engine.VegaLite.num;
import static io.augur.plot.engine.VegaLite.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A matrix of values in [0, 1] as coloured cells, e.g. the predicted probability that the row model beats the
 * column model (FastChat's win-rate heatmap). Diverging colours around 0.5 (blue below, red above), the value
 * printed in each cell when it fits; NaN cells (the diagonal) are left empty. The legend is the colour bar.
 */
public record Heatmap(String title, String rowLabel, String columnLabel, String valueLabel, List<String> rows,
        List<String> columns, double[][] values, String caption) implements Figure {

    private static final int W = 760;

    public Heatmap {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("one row of values per row label");
        }
        for (double[] v : values) {
            if (v.length != columns.size()) {
                throw new IllegalArgumentException("one value per column label");
            }
        }
    }

    public String svg() {
        int rowLabelWidth = (int) Math.min(200, Math.max(60, 6.4 * rows.stream().mapToInt(String::length).max().orElse(4) + 10));
        int colLabelHeight = (int) Math.min(160, Math.max(40, 5.0 * columns.stream().mapToInt(String::length).max().orElse(4) + 14));
        double left = 28 + rowLabelWidth;
        double top = 40 + colLabelHeight;
        double cell = Math.max(4, Math.min(44, Math.min((W - left - 110) / Math.max(1, columns.size()), 560.0 / Math.max(1, rows.size()))));
        int captionLines = Svg.captionLines(caption, W);
        int height = (int) (top + cell * rows.size() + 40 + 13 * captionLines);
        Svg svg = new Svg(W, height, title);
        for (int c = 0; c < columns.size(); c++) {
            double x = left + cell * (c + 0.5);
            svg.raw(Svg.f("<text class=\"column\" x=\"%.1f\" y=\"%.1f\" transform=\"rotate(-50 %.1f %.1f)\">%s</text>%n",
                    x, top - 6, x, top - 6, Svg.escape(columns.get(c))));
        }
        for (int r = 0; r < rows.size(); r++) {
            svg.text("row", left - 6, top + cell * (r + 0.5) + 4, "end", rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                svg.rect("mark", left + cell * c, top + cell * r, cell - 1, cell - 1, colour(v),
                        rows.get(r) + " vs " + columns.get(c) + ": " + String.format(Locale.ROOT, "%.3f", v));
                if (cell >= 26) {
                    svg.raw(Svg.f("<text class=\"cell-value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s</text>%n",
                            left + cell * (c + 0.5) - 0.5, top + cell * (r + 0.5) + 3.5, Math.abs(v - 0.5) > 0.3 ? "white" : "black",
                            String.format(Locale.ROOT, "%.2f", v)));
                }
            }
        }
        double bottom = top + cell * rows.size();
        svg.axisLabels(columnLabel, left, left + cell * columns.size(), bottom + 18, rowLabel, top, bottom);
        // colour bar as the legend
        double bx = left + cell * columns.size() + 30;
        double bh = Math.max(80, Math.min(220, cell * rows.size()));
        svg.raw("<g class=\"legend\">\n");
        for (int i = 0; i < 20; i++) {
            svg.rect(null, bx, top + bh * i / 20.0, 14, bh / 20.0 + 0.5, colour(1 - (i + 0.5) / 20), null);
        }
        svg.text(null, bx + 18, top + 4, null, "1");
        svg.text(null, bx + 18, top + bh / 2 + 4, null, "0.5");
        svg.text(null, bx + 18, top + bh + 4, null, "0");
        svg.raw(Svg.f("<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(-90 %.1f %.1f)\" text-anchor=\"middle\">%s</text>%n",
                bx + 48, top + bh / 2, bx + 48, top + bh / 2, Svg.escape(valueLabel)));
        svg.raw("</g>\n");
        return svg.caption(caption).end();
    }

    /** Diverging blue-white-red around 0.5 (RdBu reversed). */
    static String colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        int[] lo = {33, 102, 172};
        int[] mid = {247, 247, 247};
        int[] hi = {178, 24, 43};
        int[] a = t < 0.5 ? lo : mid;
        int[] b = t < 0.5 ? mid : hi;
        double u = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(a[0] + u * (b[0] - a[0])),
                (int) Math.round(a[1] + u * (b[1] - a[1])), (int) Math.round(a[2] + u * (b[2] - a[2])));
    }

    public Map<String, Object> vegaLite() {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (Double.isFinite(values[r][c])) {
                    data.add(obj("row", rows.get(r), "column", columns.get(c), "value", num(values[r][c])));
                }
            }
        }
        Map<String, Object> x = obj("field", "column", "type", "nominal", "sort", columns, "title", columnLabel);
        Map<String, Object> y = obj("field", "row", "type", "nominal", "sort", rows, "title", rowLabel);
        return VegaLite.top(title, caption, data, obj("layer", arr(
                obj("mark", "rect", "encoding", obj("x", x, "y", y, "color", obj("field", "value", "type", "quantitative",
                        "title", valueLabel, "scale", obj("scheme", "redblue", "reverse", true, "domain", arr(0, 1))),
                        "tooltip", arr(obj("field", "row"), obj("field", "column"), obj("field", "value", "format", ".3f")))),
                obj("mark", obj("type", "text", "fontSize", 10), "encoding", obj("x", x, "y", y,
                        "text", obj("field", "value", "type", "quantitative", "format", ".2f"))))));
    }
}
