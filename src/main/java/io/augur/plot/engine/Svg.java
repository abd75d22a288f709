package io.augur.plot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG writer shared by every plot: the document frame, title, caption, axis labels, ticks and
 * legend, with numbers formatted in the root locale and text escaped. Pure string building (no AWT, no
 * charting library), so it costs microseconds and works unchanged in a native image; JFreeChart would need
 * AWT, which a native image supports poorly.
 *
 * <p>Conventions every plot follows, so that tests and users can find the parts: the title is
 * {@code class="title"}, the caption (interval method, level, seed) {@code class="caption"}, the axis labels
 * {@code class="x-label"} and {@code class="y-label"}, the legend {@code class="legend"} with one
 * {@code class="legend-entry"} per series, and every data mark has a class starting with {@code mark}.
 */
public final class Svg {

    /** Ten distinguishable colours (matplotlib's tab10), cycled for series. */
    public static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private final StringBuilder s = new StringBuilder(16_384);
    private final int width;
    private final int height;

    /** Starts a document of the given size with a white background and the title at the top left. */
    public Svg(int width, int height, String title) {
        this.width = width;
        this.height = height;
        s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(f("<text class=\"title\" x=\"16\" y=\"20\" font-size=\"14\">%s</text>%n", escape(title)));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Appends raw SVG (already escaped). */
    public Svg raw(String svg) {
        s.append(svg);
        return this;
    }

    public Svg text(String cls, double x, double y, String anchor, String text) {
        s.append(f("<text%s x=\"%.1f\" y=\"%.1f\"%s>%s</text>%n", cls(cls), x, y,
                anchor == null ? "" : " text-anchor=\"" + anchor + "\"", escape(text)));
        return this;
    }

    public Svg line(String cls, double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        s.append(f("<line%s x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n", cls(cls),
                x1, y1, x2, y2, stroke, strokeWidth));
        return this;
    }

    public Svg circle(String cls, double cx, double cy, double r, String fill, String tooltip) {
        s.append(f("<circle%s cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">%s</circle>%n", cls(cls), cx, cy, r, fill,
                tooltip == null ? "" : "<title>" + escape(tooltip) + "</title>"));
        return this;
    }

    public Svg rect(String cls, double x, double y, double w, double h, String fill, String tooltip) {
        s.append(f("<rect%s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">%s</rect>%n", cls(cls), x, y,
                Math.max(0, w), Math.max(0, h), fill, tooltip == null ? "" : "<title>" + escape(tooltip) + "</title>"));
        return this;
    }

    /** An open polyline through the points (x0, y0, x1, y1, ...); non-finite points break the line. */
    public Svg path(String cls, double[] xy, String stroke, double strokeWidth, String dash) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!Double.isFinite(xy[i]) || !Double.isFinite(xy[i + 1])) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(f("%.1f %.1f", xy[i], xy[i + 1]));
            pen = true;
        }
        s.append(f("<path%s fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s d=\"%s\"/>%n", cls(cls), stroke, strokeWidth,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"", d));
        return this;
    }

    /** A closed filled polygon through the points (x0, y0, x1, y1, ...). */
    public Svg polygon(String cls, double[] xy, String fill, double opacity) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            p.append(p.length() == 0 ? "" : " ").append(f("%.1f,%.1f", xy[i], xy[i + 1]));
        }
        s.append(f("<polygon%s fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\" points=\"%s\"/>%n", cls(cls), fill, opacity, p));
        return this;
    }

    /** The x-axis label centred under [left, right] and the y-axis label rotated at the left edge. */
    public Svg axisLabels(String x, double left, double right, double xBaseline, String y, double top, double bottom) {
        if (x != null) {
            text("x-label", (left + right) / 2, xBaseline, "middle", x);
        }
        if (y != null) {
            double cy = (top + bottom) / 2;
            s.append(f("<text class=\"y-label\" x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
                    cy, cy, escape(y)));
        }
        return this;
    }

    /** A horizontal axis at pixel row {@code y} with ticks of the scale. */
    public Svg xAxis(Scale sx, double y, boolean log) {
        line(null, sx.p0(), y, sx.p1(), y, "black", 1);
        for (double[] t : ticks(sx.d0(), sx.d1(), log)) {
            double px = sx.map(t[0]);
            line("x-tick", px, y, px, y + 4, "black", 1);
            text("x-tick-label", px, y + 15, "middle", label(t[1], log && sx.d1() - sx.d0() >= 2));
        }
        return this;
    }

    /** A vertical axis at pixel column {@code x} with ticks of the scale. */
    public Svg yAxis(Scale sy, double x, boolean log) {
        line(null, x, sy.p0(), x, sy.p1(), "black", 1);
        for (double[] t : ticks(sy.d0(), sy.d1(), log)) {
            double py = sy.map(t[0]);
            line("y-tick", x - 4, py, x, py, "black", 1);
            text("y-tick-label", x - 6, py + 4, "end", label(t[1], log && sy.d1() - sy.d0() >= 2));
        }
        return this;
    }

    /** One legend entry: an SVG swatch (already escaped, drawn in a 20 x 10 box at the origin) and its text. */
    public record LegendEntry(String swatch, String text) {
        /** A filled square in the colour. */
        public static LegendEntry square(String colour, double opacity, String text) {
            return new LegendEntry(f("<rect x=\"0\" y=\"-4\" width=\"20\" height=\"8\" fill=\"%s\" fill-opacity=\"%.2f\"/>",
                    colour, opacity), text);
        }

        /** A line in the colour, with a dot on it when {@code dot}. */
        public static LegendEntry line(String colour, boolean dot, String text) {
            return new LegendEntry(f("<line x1=\"0\" y1=\"0\" x2=\"20\" y2=\"0\" stroke=\"%s\" stroke-width=\"2\"/>", colour)
                    + (dot ? f("<circle cx=\"10\" cy=\"0\" r=\"3\" fill=\"%s\"/>", colour) : ""), text);
        }

        /** A dot in the colour. */
        public static LegendEntry dot(String colour, String text) {
            return new LegendEntry(f("<circle cx=\"10\" cy=\"0\" r=\"3\" fill=\"%s\"/>", colour), text);
        }
    }

    /** A legend box with its top-left corner at (x, y), one 16 px row per entry. */
    public Svg legend(double x, double y, List<LegendEntry> entries) {
        int longest = entries.stream().mapToInt(e -> e.text().length()).max().orElse(0);
        s.append("<g class=\"legend\">\n");
        s.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>%n",
                x, y, 34 + (int) (6.2 * longest), 16 * entries.size() + 6));
        for (int i = 0; i < entries.size(); i++) {
            double yy = y + 11 + 16 * i;
            s.append(f("<g class=\"legend-entry\"><g transform=\"translate(%.1f %.1f)\">%s</g><text x=\"%.1f\" y=\"%.1f\">%s</text></g>%n",
                    x + 6, yy, entries.get(i).swatch(), x + 30, yy + 4, escape(entries.get(i).text())));
        }
        s.append("</g>\n");
        return this;
    }

    /** Width in pixels a legend of these entries takes (for placing it). */
    public static int legendWidth(List<LegendEntry> entries) {
        return 34 + (int) (6.2 * entries.stream().mapToInt(e -> e.text().length()).max().orElse(0));
    }

    /** The caption at the bottom: what the intervals are (method, level) and the seed that reproduces them. */
    public Svg caption(String caption) {
        List<String> lines = wrap(caption, (int) ((width - 32) / 6.2));
        for (int i = 0; i < lines.size(); i++) {
            text("caption", 16, height - 8 - 13 * (lines.size() - 1 - i), null, lines.get(i));
        }
        return this;
    }

    /** Lines the caption takes at this width (for reserving space). */
    public static int captionLines(String caption, int width) {
        return wrap(caption, (int) ((width - 32) / 6.2)).size();
    }

    /** The finished document. */
    public String end() {
        return s.append("</svg>\n").toString();
    }

    private static List<String> wrap(String text, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String cls(String cls) {
        return cls == null ? "" : " class=\"" + cls + "\"";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Maps data values in [d0, d1] linearly to pixels in [p0, p1]. */
    public record Scale(double d0, double d1, double p0, double p1) {
        public double map(double v) {
            return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
        }

        /** A scale over [lo, hi] widened by {@code pad} of the range each side (or +-0.5 when lo == hi). */
        public static Scale padded(double lo, double hi, double pad, double p0, double p1) {
            double r = hi - lo;
            if (!(r > 0)) {
                double m = Math.max(Math.abs(lo) * 0.05, 0.5);
                return new Scale(lo - m, hi + m, p0, p1);
            }
            return new Scale(lo - pad * r, hi + pad * r, p0, p1);
        }
    }

    /**
     * A number as a label: 3 significant digits (all the digits before the point from 1000 up to a million),
     * trailing zeros dropped, exponent form outside [0.001, 1e6); 1eN for decades of a log axis.
     */
    public static String label(double v, boolean powerOfTen) {
        if (powerOfTen) {
            return "1e" + (int) Math.round(Math.log10(v));
        }
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e6)) {
            // plain digits: 3 significant, or every digit before the point (1187, not 1.19e3)
            int whole = a >= 1 ? (int) Math.floor(Math.log10(a)) + 1 : 0;
            return new java.math.BigDecimal(v).round(new java.math.MathContext(Math.max(3, whole))).stripTrailingZeros()
                    .toPlainString();
        }
        String g = String.format(Locale.ROOT, "%.3g", v);
        return g.replaceAll("\\.?0+e", "e").replace("e+", "e");
    }

    /**
     * Tick positions (in axis units) and values. Linear axes: steps of 1, 2 or 5 times a power of ten, about
     * five ticks. Log axes (positions are log10 of the value): whole decades when the axis spans at least two
     * of them, else 1-2-5 multiples (1 to 9 below one decade), so short log ranges still get labels.
     */
    public static List<double[]> ticks(double a, double b, boolean log) {
        List<double[]> t = new ArrayList<>();
        if (log && b - a >= 2) {
            int step = Math.max(1, (int) Math.ceil((b - a) / 8));
            for (double v = Math.ceil(a); v <= b + 1e-9; v += step) {
                t.add(new double[] {v, Math.pow(10, v)});
            }
            return t;
        }
        if (log) {
            double[] mult = b - a < 1 ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9} : new double[] {1, 2, 5};
            for (int e = (int) Math.floor(a); e <= (int) Math.ceil(b); e++) {
                for (double m : mult) {
                    double v = m * Math.pow(10, e);
                    double u = Math.log10(v);
                    if (u >= a - 1e-9 && u <= b + 1e-9) {
                        t.add(new double[] {u, v});
                    }
                }
            }
            if (t.size() >= 2) {
                return t;
            }
            t.clear();
            // less than one step of 1-2-5 inside: linear ticks on the values
            for (double[] lin : ticks(Math.pow(10, a), Math.pow(10, b), false)) {
                t.add(new double[] {Math.log10(lin[1]), lin[1]});
            }
            return t;
        }
        if (!(b > a)) {
            t.add(new double[] {a, a});
            return t;
        }
        double raw = (b - a) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(a / step) * step; v <= b + 1e-12 * Math.abs(b); v += step) {
            double r = Math.abs(v) < step * 1e-9 ? 0 : v;
            t.add(new double[] {r, r});
        }
        return t;
    }

    /** XML text escape. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
