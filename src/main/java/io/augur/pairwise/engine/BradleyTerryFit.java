package io.augur.pairwise.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bradley-Terry maximum-likelihood (or, with a prior, maximum a posteriori) fit.
 *
 * @param ties the tie model used
 * @param ratings Elo-scale ratings 1000 + 400 log10(strength) in model-index order (shifted so the
 *     anchor model has its given rating when one is set; otherwise strengths have geometric mean 1)
 * @param logStrengths natural-log strengths, centred to mean 0, in model-index order
 * @param tieParameter Davidson's nu (P(tie) = nu sqrt(pi_i pi_j) / (pi_i + pi_j + nu sqrt(pi_i pi_j))); 0 for half-win ties
 * @param prior the Gaussian prior precision lambda on log strengths that was used (0: plain MLE)
 * @param converged whether Newton's method met the tolerance on the step
 * @param iterations Newton iterations
 * @param gradientNorm max |gradient of the log-likelihood| at the solution
 * @param logLikelihood log-likelihood (minus the prior penalty) at the solution
 * @param battles total battles fitted
 */
public record BradleyTerryFit(BradleyTerry.TieModel ties, List<ModelRating> ratings, List<Double> logStrengths,
        double tieParameter, double prior, boolean converged, int iterations, double gradientNorm,
        double logLikelihood, long battles) {

    public BradleyTerryFit {
        ratings = List.copyOf(ratings);
        logStrengths = List.copyOf(logStrengths);
    }

    public List<String> models() {
        List<String> out = new ArrayList<>(ratings.size());
        for (ModelRating r : ratings) {
            out.add(r.model());
        }
        return out;
    }

    int indexOf(String model) {
        for (int m = 0; m < ratings.size(); m++) {
            if (ratings.get(m).model().equals(model)) {
                return m;
            }
        }
        return -1;
    }

    /** The rating of a model (IllegalArgumentException if unknown). */
    public double rating(String model) {
        int m = indexOf(model);
        if (m < 0) {
            throw new IllegalArgumentException("unknown model " + model);
        }
        return ratings.get(m).rating();
    }

    /** Strengths exp(logStrength) normalised to sum 1 (evalica's presentation). */
    public List<Double> strengthsSummingToOne() {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : logStrengths) {
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : logStrengths) {
            sum += Math.exp(t - max);
        }
        List<Double> out = new ArrayList<>(logStrengths.size());
        for (double t : logStrengths) {
            out.add(Math.exp(t - max) / sum);
        }
        return out;
    }

    /** Predicted probabilities for a battle of {@code modelA} against {@code modelB}. */
    public WinProbability winProbability(String modelA, String modelB) {
        int a = indexOf(modelA);
        int b = indexOf(modelB);
        if (a < 0) {
            throw new io.augur.stats.InvalidInputException("modelA", "unknown model '" + modelA + "'");
        }
        if (b < 0) {
            throw new io.augur.stats.InvalidInputException("modelB", "unknown model '" + modelB + "'");
        }
        double[] p = BradleyTerry.probabilities(logStrengths.get(a) - logStrengths.get(b), ties, tieParameter);
        return new WinProbability(modelA, modelB, p[0], p[1], p[2], null);
    }
}
