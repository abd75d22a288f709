package io.augur.horizon.engine;

import io.augur.stats.Interval;
import java.util.List;

/**
 * One agent's fitted success curve P(success) = 1 / (1 + exp(-(intercept + slope log2(minutes)))) and
 * its time horizons. Slope and intercept are null when the agent's runs all succeed or all fail.
 *
 * @param weightedSuccessRate the weighted mean score of the agent's runs
 * @param shortestTaskMinutes the shortest task the agent ran (human minutes)
 * @param longestTaskMinutes the longest
 * @param usableRounds bootstrap rounds in which the resample held both successes and failures (the
 *        others cannot be fitted and are left out, as METR does)
 */
public record AgentHorizons(String agent, int runs, int tasks, double weightedSuccessRate, Double slope,
        Double intercept, double shortestTaskMinutes, double longestTaskMinutes, List<Horizon> horizons,
        int usableRounds, List<String> warnings) {

    /**
     * The task length (human minutes) at which the agent succeeds with probability {@code successLevel}:
     * 2^((logit(q) - intercept) / slope); for q = 0.5, 2^(-intercept / slope).
     *
     * @param minutes null unless {@code status} is ESTIMATED
     * @param interval bootstrap percentile interval, null without bootstrap rounds or point estimate
     */
    public record Horizon(double successLevel, Double minutes, Interval interval, Status status) {
    }

    public enum Status {
        /** A point estimate from the fitted curve. */
        ESTIMATED,
        /** Every run succeeded: the horizon is longer than the longest task and the data do not bound it. */
        UNBOUNDED_ABOVE,
        /** Every run failed: the horizon is shorter than the shortest task and the data do not bound it below. */
        UNBOUNDED_BELOW,
        /** The fitted success rate does not fall with task length (slope >= 0): no horizon exists. */
        NOT_DECREASING
    }
}
