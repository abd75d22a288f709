package io.augur.forecast.engine;

/**
 * The fitting criterion, summed over observations (each weighted by its bootstrap multiplicity).
 * <ul>
 *   <li>{@code HUBER_LOG}: sum of Huber_delta(log f - log y), Huber(r) = r^2/2 for |r| <= delta,
 *       delta (|r| - delta/2) otherwise (Huber 1964); Hoffmann et al. 2022 and Epoch AI's
 *       replication (Besiroglu et al. 2024) use delta = 1e-3 for losses.</li>
 *   <li>{@code LEAST_SQUARES}: sum of (f - y)^2 / 2.</li>
 *   <li>{@code BINOMIAL}: negative binomial log-likelihood of k successes in n trials with success
 *       probability f: -sum [k log f + (n - k) log(1 - f)], for pass counts of rare successes.</li>
 * </ul>
 */
public record Loss(Kind kind, double delta) {

    public enum Kind { HUBER_LOG, LEAST_SQUARES, BINOMIAL }

    public Loss {
        if (kind == Kind.HUBER_LOG && !(delta > 0)) {
            throw new IllegalArgumentException("Huber delta must be positive, was " + delta);
        }
    }

    /** Huber on log residuals with the given delta. */
    public static Loss huberLog(double delta) {
        return new Loss(Kind.HUBER_LOG, delta);
    }

    /** Huber on log residuals with delta = 1e-3 (Hoffmann et al. 2022; Epoch AI 2024). */
    public static Loss huberLog() {
        return huberLog(1e-3);
    }

    public static Loss leastSquares() {
        return new Loss(Kind.LEAST_SQUARES, 0);
    }

    public static Loss binomial() {
        return new Loss(Kind.BINOMIAL, 0);
    }

    public String describe() {
        return switch (kind) {
            case HUBER_LOG -> "huber on log residuals, delta " + delta;
            case LEAST_SQUARES -> "least squares";
            case BINOMIAL -> "binomial negative log-likelihood";
        };
    }
}
