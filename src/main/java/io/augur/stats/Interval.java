package io.augur.stats;

/**
 * A two-sided interval estimate: {@code [lower, upper]} at confidence {@code level} (e.g. 0.95),
 * obtained by {@code method} (e.g. "percentile bootstrap, 1000 rounds").
 */
public record Interval(double lower, double upper, double level, String method) {

    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
    }

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
