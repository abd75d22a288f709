package io.augur.retrieval.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C {@code printf("%.Nf")} formatting of doubles as glibc does it: the exact binary value is rounded
 * half-to-even to N decimals (Java's {@code String.format} rounds the shortest decimal half-up, which
 * differs on values such as 0.125), negative values that round to zero keep their sign, NaN prints as
 * {@code -nan} (the x86 default NaN has its sign bit set) and infinities as {@code inf}.
 */
public final class CFormat {

    private CFormat() {
    }

    /**
     * The text of {@code printf("%{width}.{decimals}f", value)}: right-aligned in at least width characters,
     * which only pads values shorter than the width (nan, inf) since "0.0000" already has six.
     */
    public static String fixed(double value, int width, int decimals) {
        String s = fixed(value, decimals);
        if (s.length() >= width) {
            return s;
        }
        return " ".repeat(width - s.length()) + s;
    }

    /** The text of {@code printf("%.{decimals}f", value)}. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (negative && !s.startsWith("-")) {
            s = "-" + s;
        }
        return s;
    }
}
