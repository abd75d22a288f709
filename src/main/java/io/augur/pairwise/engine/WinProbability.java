package io.augur.pairwise.engine;

import io.augur.stats.Interval;

/**
 * Predicted outcome probabilities of one battle of A against B. {@code tie} is 0 unless the Davidson
 * tie model was fitted. {@code aWinsInterval} is the bootstrap percentile interval of {@code aWins}
 * (null when the probability comes from a point fit without bootstrap).
 */
public record WinProbability(String modelA, String modelB, double aWins, double bWins, double tie,
        Interval aWinsInterval) {
}
