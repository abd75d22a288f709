package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed variance of a benchmark score over training (Madaan et al. 2024, "Quantifying Variance in
 * Evaluation Benchmarks"): {@code scores[s][t]} is the score of seed s at checkpoint {@code steps[t]}. Per
 * checkpoint the mean over seeds and the seed standard deviation (n - 1); the seed SD at the last
 * checkpoint and its root mean square over checkpoints; monotonicity as Kendall's tau-b between the
 * step and the seed-mean score (1: the score only ever rises).
 */
public final class SeedVariance {

    private SeedVariance() {
    }

    public record Checkpoint(long step, double mean, double seedSd) {
    }

    public record SeedVarianceResult(int seeds, List<Checkpoint> checkpoints, double finalSeedSd, double rmsSeedSd,
            Double monotonicity, List<String> warnings) {
    }

    public static SeedVarianceResult of(long[] steps, double[][] scores) {
        if (scores == null || scores.length < 2) {
            throw new InvalidInputException("scores", "seed variance needs at least two seeds, got "
                    + (scores == null ? 0 : scores.length));
        }
        if (steps == null || steps.length == 0) {
            throw new InvalidInputException("steps", "give at least one checkpoint step");
        }
        for (int t = 1; t < steps.length; t++) {
            if (steps[t] <= steps[t - 1]) {
                throw new InvalidInputException("steps[" + t + "]", "steps must increase, " + steps[t] + " follows "
                        + steps[t - 1]);
            }
        }
        for (int s = 0; s < scores.length; s++) {
            if (scores[s] == null || scores[s].length != steps.length) {
                throw new InvalidInputException("scores[" + s + "]", "needs one score per step (" + steps.length + ")");
            }
            for (int t = 0; t < steps.length; t++) {
                if (!Double.isFinite(scores[s][t])) {
                    throw new InvalidInputException("scores[" + s + "][" + t + "]", "must be a finite number");
                }
            }
        }
        List<Checkpoint> cps = new ArrayList<>();
        double[] means = new double[steps.length];
        double[] x = new double[steps.length];
        double sumSq = 0;
        for (int t = 0; t < steps.length; t++) {
            double[] col = new double[scores.length];
            for (int s = 0; s < scores.length; s++) {
                col[s] = scores[s][t];
            }
            double m = ScoreErrorBars.mean(col);
            double sd = Math.sqrt(ScoreErrorBars.variance(col, m));
            means[t] = m;
            x[t] = steps[t];
            sumSq += sd * sd;
            cps.add(new Checkpoint(steps[t], m, sd));
        }
        List<String> warnings = new ArrayList<>();
        Double tau = null;
        if (steps.length >= 2) {
            double v = RankCorrelation.kendallTauB(x, means).tau();
            tau = Double.isNaN(v) ? null : v;
        }
        if (scores.length < 5) {
            warnings.add("only " + scores.length + " seeds: the seed standard deviation is itself very uncertain");
        }
        return new SeedVarianceResult(scores.length, List.copyOf(cps), cps.get(cps.size() - 1).seedSd(),
                Math.sqrt(sumSq / steps.length), tau, List.copyOf(warnings));
    }
}
