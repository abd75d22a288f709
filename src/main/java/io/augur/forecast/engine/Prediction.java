package io.augur.forecast.engine;

import io.augur.stats.Interval;
import java.util.List;

/**
 * A predicted value at inputs {@code x}: the fitted curve's value, the bootstrap percentile interval of
 * the curve (confidence: where the mean curve lies) and the bootstrap prediction interval (where a new
 * observation lies: each replicate curve plus a resampled residual; Davison and Hinkley 1997, sec. 6.3.3).
 * Warnings flag extrapolation beyond the data by more than 3 orders of magnitude.
 */
public record Prediction(List<Double> x, double value, Interval confidence, Interval prediction, List<String> warnings) {
    public Prediction {
        x = List.copyOf(x);
        warnings = List.copyOf(warnings);
    }
}
