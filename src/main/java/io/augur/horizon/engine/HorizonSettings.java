package io.augur.horizon.engine;

import io.augur.stats.InvalidInputException;
import java.util.List;

/**
 * Settings of a time-horizon estimate. Defaults are METR's (eval-analysis-public params.yaml):
 * L2 regularisation 0.1 on the slope (scikit-learn C = 10), success levels 50% and 80%,
 * diversity weights ({@code invsqrt_task_weight}), 1,000 hierarchical bootstrap rounds (families, tasks,
 * runs), 95% percentile intervals.
 *
 * @param rejectDegenerate when true an agent whose runs all succeed or all fail is an input error;
 *        when false it is reported with an unbounded horizon and no point estimate.
 */
public record HorizonSettings(double regularization, List<Double> successLevels, Weighting weighting, int rounds,
        long seed, double level, boolean rejectDegenerate) {

    public static final int MAX_ROUNDS = 100_000;

    public static HorizonSettings metr(long seed) {
        return new HorizonSettings(0.1, List.of(0.5, 0.8), Weighting.GIVEN, 1000, seed, 0.95, true);
    }

    public HorizonSettings {
        if (!(regularization > 0 && Double.isFinite(regularization))) {
            throw new InvalidInputException("regularization", "must be a finite number above 0, was " + regularization);
        }
        if (successLevels == null || successLevels.isEmpty()) {
            throw new InvalidInputException("successLevels", "give at least one success level in (0, 1), e.g. 0.5");
        }
        for (int i = 0; i < successLevels.size(); i++) {
            Double q = successLevels.get(i);
            if (q == null || !(q > 0 && q < 1)) {
                throw new InvalidInputException("successLevels[" + i + "]", "must be in (0, 1), was " + q);
            }
        }
        successLevels = List.copyOf(successLevels);
        if (weighting == null) {
            throw new InvalidInputException("weighting", "missing");
        }
        if (rounds < 0 || rounds > MAX_ROUNDS) {
            throw new InvalidInputException("rounds", "must be between 0 and " + MAX_ROUNDS + ", was " + rounds);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1), was " + level);
        }
    }

    public HorizonSettings withRounds(int newRounds) {
        return new HorizonSettings(regularization, successLevels, weighting, newRounds, seed, level, rejectDegenerate);
    }

    public HorizonSettings withWeighting(Weighting w) {
        return new HorizonSettings(regularization, successLevels, w, rounds, seed, level, rejectDegenerate);
    }

    public HorizonSettings reportingDegenerate() {
        return new HorizonSettings(regularization, successLevels, weighting, rounds, seed, level, false);
    }
}
