package io.augur.forecast.engine;

import io.augur.stats.Interval;

/**
 * A fitted (or derived) parameter: point estimate from the full data and its bootstrap percentile
 * interval ({@code null} only when the fit was run with zero bootstrap rounds).
 */
public record ParameterEstimate(String name, double estimate, Interval interval, boolean derived) {
}
