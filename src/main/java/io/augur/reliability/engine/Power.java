package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Power of a paired comparison of two models on n items (Miller 2024, section 5; the usual two-sided
 * z-test power formula): with sigma_d the standard deviation of the per-item difference,
 * <ul>
 * <li>minimum detectable effect MDE = (z_{1-alpha/2} + z_{power}) sigma_d / sqrt(n);</li>
 * <li>items needed to detect delta: n = ceil(((z_{1-alpha/2} + z_{power}) sigma_d / delta)^2);</li>
 * <li>seeds needed to tell two training configurations apart by their mean over k seeds each, with seed
 * standard deviation sigma_s: k = ceil(2 ((z_{1-alpha/2} + z_{power}) sigma_s / delta)^2).</li>
 * </ul>
 * sigma_d comes from the models' per-item results (the paired variance var(a) + var(b) - 2 cov(a, b)),
 * or, when only an expected accuracy p is known, sqrt(2 p (1 - p) (1 - rho)) with rho the assumed
 * correlation of the two models' item results (0: independent).
 */
public final class Power {

    private Power() {
    }

    /** z_{1-alpha/2} + z_{power}. */
    public static double zSum(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("alpha", "must be in (0, 1), was " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new InvalidInputException("power", "must be in (0, 1), was " + power);
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        return z.inverseCumulativeProbability(1 - alpha / 2) + z.inverseCumulativeProbability(power);
    }

    public static double minimumDetectableEffect(int items, double sdDifference, double alpha, double power) {
        if (items < 2) {
            throw new InvalidInputException("items", "must be at least 2, was " + items);
        }
        requireSd(sdDifference, "sdDifference");
        return zSum(alpha, power) * sdDifference / Math.sqrt(items);
    }

    public static long itemsNeeded(double effect, double sdDifference, double alpha, double power) {
        requireEffect(effect);
        requireSd(sdDifference, "sdDifference");
        double k = zSum(alpha, power) * sdDifference / effect;
        return Math.max(2, (long) Math.ceil(k * k - 1e-9));
    }

    public static long seedsNeeded(double effect, double seedSd, double alpha, double power) {
        requireEffect(effect);
        requireSd(seedSd, "seedSd");
        double k = zSum(alpha, power) * seedSd / effect;
        return Math.max(2, (long) Math.ceil(2 * k * k - 1e-9));
    }

    /** sd of the per-item difference from two models' item results (the paired variance). */
    public static double pairedSd(ItemScores a, ItemScores b) {
        if (a.items() != b.items()) {
            throw new InvalidInputException("second", "has " + b.items() + " items, the first " + a.items()
                    + ": the paired variance needs the same items");
        }
        double[] ma = a.itemMeans();
        double[] mb = b.itemMeans();
        double[] d = new double[ma.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ma[i] - mb[i];
        }
        return Math.sqrt(ScoreErrorBars.variance(d, ScoreErrorBars.mean(d)));
    }

    /** sd of the per-item difference of two 0/1 scorers with accuracy p and item correlation rho. */
    public static double sdFromAccuracy(double accuracy, double correlation) {
        if (!(accuracy > 0 && accuracy < 1)) {
            throw new InvalidInputException("accuracy", "must be in (0, 1), was " + accuracy);
        }
        if (!(correlation >= -1 && correlation < 1)) {
            throw new InvalidInputException("correlation", "must be in [-1, 1), was " + correlation);
        }
        return Math.sqrt(2 * accuracy * (1 - accuracy) * (1 - correlation));
    }

    private static void requireEffect(double effect) {
        if (!(effect > 0 && Double.isFinite(effect))) {
            throw new InvalidInputException("effect", "must be a finite difference above 0, was " + effect);
        }
    }

    private static void requireSd(double sd, String field) {
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new InvalidInputException(field, "must be a finite standard deviation above 0, was " + sd);
        }
    }
}
