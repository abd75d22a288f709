package io.augur.retrieval.engine.recommendation;

import io.augur.stats.Interval;

/** A mean over users with its percentile bootstrap interval over users and the seed that reproduces it. */
public record Estimate(double mean, Interval interval, long seed) {
}
