package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;

/**
 * Signal, noise and decision accuracy as Heineman et al. (2025, "Signal and Noise: A Framework for
 * Reducing Uncertainty in Language Model Evaluation", AI2) define them:
 * <ul>
 * <li>signal: relative dispersion of the final scores of a population of models,
 * max_{j,k} |m_j - m_k| / mean(m);</li>
 * <li>noise: relative standard deviation of one model's scores over its last checkpoints,
 * sd(m_last) / mean(m_last) (sd with n - 1); with several models' checkpoint series, the mean of their
 * relative standard deviations;</li>
 * <li>signal-to-noise ratio = signal / noise;</li>
 * <li>decision accuracy: of the pairs of candidates (e.g. pretraining corpora), the share whose order by
 * the small-scale score agrees with their order at the target scale; pairs tied at the target scale
 * are left out, pairs tied at small scale count one half (a coin flip).</li>
 * </ul>
 */
public final class SignalToNoise {

    private SignalToNoise() {
    }

    public record SignalToNoiseResult(int models, double signal, double noise, double ratio) {
    }

    public record DecisionAccuracy(int pairs, double accuracy) {
    }

    public static SignalToNoiseResult of(double[] finalScores, double[][] lastCheckpoints) {
        if (finalScores == null || finalScores.length < 2) {
            throw new InvalidInputException("finalScores", "signal needs the scores of at least 2 models");
        }
        for (int i = 0; i < finalScores.length; i++) {
            if (!Double.isFinite(finalScores[i])) {
                throw new InvalidInputException("finalScores[" + i + "]", "must be a finite number");
            }
        }
        double mean = ScoreErrorBars.mean(finalScores);
        if (!(mean > 0)) {
            throw new InvalidInputException("finalScores", "relative dispersion needs a positive mean score, was " + mean);
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : finalScores) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double signal = (max - min) / mean;
        if (lastCheckpoints == null || lastCheckpoints.length == 0) {
            throw new InvalidInputException("lastCheckpoints", "noise needs at least one model's scores over its last"
                    + " checkpoints");
        }
        double noise = 0;
        for (int s = 0; s < lastCheckpoints.length; s++) {
            double[] series = lastCheckpoints[s];
            if (series == null || series.length < 2) {
                throw new InvalidInputException("lastCheckpoints[" + s + "]", "needs at least 2 checkpoints");
            }
            for (int t = 0; t < series.length; t++) {
                if (!Double.isFinite(series[t])) {
                    throw new InvalidInputException("lastCheckpoints[" + s + "][" + t + "]", "must be a finite number");
                }
            }
            double m = ScoreErrorBars.mean(series);
            if (!(m > 0)) {
                throw new InvalidInputException("lastCheckpoints[" + s + "]", "relative standard deviation needs a"
                        + " positive mean score, was " + m);
            }
            noise += Math.sqrt(ScoreErrorBars.variance(series, m)) / m;
        }
        noise /= lastCheckpoints.length;
        return new SignalToNoiseResult(finalScores.length, signal, noise, noise > 0 ? signal / noise : Double.POSITIVE_INFINITY);
    }

    public static DecisionAccuracy decisionAccuracy(double[] small, double[] target) {
        if (small == null || target == null || small.length != target.length || small.length < 2) {
            throw new InvalidInputException("small", "give small-scale and target-scale scores for the same (at least"
                    + " 2) candidates, in the same order");
        }
        for (int i = 0; i < small.length; i++) {
            if (!Double.isFinite(small[i])) {
                throw new InvalidInputException("small[" + i + "]", "must be a finite number");
            }
            if (!Double.isFinite(target[i])) {
                throw new InvalidInputException("target[" + i + "]", "must be a finite number");
            }
        }
        int pairs = 0;
        double agree = 0;
        for (int i = 0; i < small.length; i++) {
            for (int j = i + 1; j < small.length; j++) {
                int t = Double.compare(target[i], target[j]);
                if (t == 0) {
                    continue;
                }
                pairs++;
                int s = Double.compare(small[i], small[j]);
                agree += s == 0 ? 0.5 : (s == t ? 1 : 0);
            }
        }
        if (pairs == 0) {
            throw new InvalidInputException("target", "every candidate has the same target score: no decision to make");
        }
        return new DecisionAccuracy(pairs, agree / pairs);
    }
}
