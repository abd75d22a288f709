package io.augur.pairwise.engine;

import java.util.List;

/**
 * A Plackett-Luce fit.
 *
 * @param ratings Elo-scale ratings 1000 + 400 log10(strength), strengths with geometric mean 1, in model-index order
 * @param logStrengths natural-log strengths centred to mean 0 (choix's convention), model-index order
 * @param alpha the prior pseudo-count used (0: plain MLE)
 * @param converged whether the largest change in a log strength fell below the tolerance
 * @param iterations MM iterations
 * @param logLikelihood log-likelihood of the observations at the estimate
 * @param observations number of rankings or choices fitted
 */
public record PlackettLuceFit(List<ModelRating> ratings, List<Double> logStrengths, double alpha, boolean converged,
        int iterations, double logLikelihood, int observations) {

    public PlackettLuceFit {
        ratings = List.copyOf(ratings);
        logStrengths = List.copyOf(logStrengths);
    }

    public double rating(String model) {
        for (ModelRating r : ratings) {
            if (r.model().equals(model)) {
                return r.rating();
            }
        }
        throw new IllegalArgumentException("unknown model " + model);
    }
}
