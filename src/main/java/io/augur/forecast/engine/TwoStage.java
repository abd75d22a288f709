package io.augur.forecast.engine;

import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-stage prediction of a benchmark score from scale (e.g. Ruan et al. 2024; Owen 2024): stage 1 fits
 * scale -> loss (any law, e.g. {@link SaturatingPowerLaw} or {@link Chinchilla}), stage 2 fits loss ->
 * score ({@link Sigmoid#ofX}); the prediction is score(loss(x)). Each stage is bootstrapped with its
 * own resampling (its own data); the interval pairs replicate r of stage 1 with replicate r of stage 2,
 * so it carries both uncertainties.
 */
public final class TwoStage {

    private TwoStage() {
    }

    /** Both fitted stages. */
    public record Fit(FitResult scaleToLoss, FitResult lossToScore) {

        /** Predicted loss and score at inputs x. */
        public Result predict(double... x) {
            Prediction loss = scaleToLoss.predict(x);
            double score = lossToScore.value(loss.value());
            double[][] r1 = scaleToLoss.bootstrapEstimates();
            double[][] r2 = lossToScore.bootstrapEstimates();
            int b = Math.min(r1.length, r2.length);
            Interval iv = null;
            if (b > 1) {
                double[] s = new double[b];
                double[] f = scaleToLoss.form().features(x);
                double[] g1 = new double[r1[0].length];
                double[] g2 = new double[r2[0].length];
                for (int r = 0; r < b; r++) {
                    double l = scaleToLoss.form().valueAndGradient(r1[r], f, g1);
                    s[r] = lossToScore.form().valueAndGradient(r2[r], lossToScore.form().features(new double[] {l}), g2);
                }
                iv = Quantiles.percentileInterval(s, lossToScore.level(), "paired percentile bootstrap of both stages, "
                        + b + " rounds, seeds " + scaleToLoss.seed() + " and " + lossToScore.seed());
            }
            List<String> w = new ArrayList<>(loss.warnings());
            w.addAll(lossToScore.extrapolationWarnings(loss.value()));
            return new Result(loss, score, iv, w);
        }
    }

    /** Stage-1 prediction (loss with its intervals) and the score with its interval. */
    public record Result(Prediction loss, double score, Interval scoreInterval, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Fit fit(FitSpec scaleToLoss, FitSpec lossToScore) {
        return new Fit(CurveFitter.fit(scaleToLoss), CurveFitter.fit(lossToScore));
    }
}
