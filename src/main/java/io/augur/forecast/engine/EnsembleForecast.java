package io.augur.forecast.engine;

import io.augur.stats.Interval;
import java.util.List;

/**
 * Forecast of a learning curve at {@code horizon}: the weighted ensemble's mean, its central interval
 * (quantiles of the Gaussian mixture of the members), P(value at horizon > threshold) when a threshold
 * was given, the naive last-value baseline, and every member with its weight and held-out error.
 */
public record EnsembleForecast(double horizon, double value, Interval interval, Double threshold,
        Double probabilityAbove, double lastValue, List<Member> members, String weighting, List<String> warnings) {

    public EnsembleForecast {
        members = List.copyOf(members);
        warnings = List.copyOf(warnings);
    }

    /**
     * One family: its forecast (in the caller's units), weight (0 when excluded), mean squared error on
     * the held-out suffix, predictive standard deviation, convergence, and why it was excluded if it was.
     */
    public record Member(String form, double weight, double prediction, double heldOutMse, double sd,
            boolean converged, String excludedBecause) {
    }
}
