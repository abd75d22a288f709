package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;

/**
 * A Bradley-Terry fit with its multinomial-bootstrap leaderboard. Keeps the replicates so the win
 * probability of any pair comes with a percentile interval. Immutable.
 */
public final class BradleyTerryBootstrap {

    private final BradleyTerryFit fit;
    private final Leaderboard leaderboard;
    private final double[][] logStrengthReplicates;
    private final double[] tieReplicates;

    BradleyTerryBootstrap(BradleyTerryFit fit, Leaderboard leaderboard, double[][] logStrengthReplicates,
            double[] tieReplicates) {
        this.fit = fit;
        this.leaderboard = leaderboard;
        this.logStrengthReplicates = logStrengthReplicates;
        this.tieReplicates = tieReplicates;
    }

    public BradleyTerryFit fit() {
        return fit;
    }

    public Leaderboard leaderboard() {
        return leaderboard;
    }

    /** Point probabilities from the fit, with the bootstrap percentile interval of P(A wins). */
    public WinProbability winProbability(String modelA, String modelB) {
        WinProbability point = fit.winProbability(modelA, modelB);
        int a = fit.indexOf(modelA);
        int b = fit.indexOf(modelB);
        double[] pa = new double[logStrengthReplicates.length];
        for (int r = 0; r < pa.length; r++) {
            pa[r] = BradleyTerry.probabilities(logStrengthReplicates[r][a] - logStrengthReplicates[r][b], fit.ties(),
                    tieReplicates[r])[0];
        }
        if (a == b) {
            throw new InvalidInputException("modelB", "a model does not battle itself");
        }
        return new WinProbability(modelA, modelB, point.aWins(), point.bWins(), point.tie(),
                Quantiles.percentileInterval(pa, leaderboard.level(),
                        "percentile bootstrap, " + pa.length + " rounds"));
    }
}
