package io.augur.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan 1996, type 7;
 * the default of R's {@code quantile} and numpy's {@code percentile}): for sorted x of size n,
 * h = (n - 1) p, Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). Computed by Commons
 * Statistics' {@link Quantile} ({@code HF7}) on the sorted values.
 */
public final class Quantiles {

    private static final Quantile HF7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private Quantiles() {
    }

    /** Quantile p in [0, 1] of values that are already sorted ascending. */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        return HF7.evaluate(sorted.length, i -> sorted[i], p);
    }

    /** Quantile p of unsorted values (the input is not modified). */
    public static double of(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /**
     * Percentile interval of bootstrap replicates: the (1 - level)/2 and (1 + level)/2 quantiles
     * (Efron and Tibshirani 1993, ch. 13). The input is not modified.
     */
    public static Interval percentileInterval(double[] replicates, double level, String method) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new Interval(ofSorted(sorted, alpha), ofSorted(sorted, 1 - alpha), level, method);
    }
}
