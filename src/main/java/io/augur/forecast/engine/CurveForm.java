package io.augur.forecast.engine;

import java.util.List;
import java.util.Map;

/**
 * A parametric curve y = f(theta; x) that the {@link CurveFitter} can fit, bootstrap and backtest.
 * Every scaling law, benchmark sigmoid and learning-curve family of Augur implements this one
 * interface, so they share the fitter ({@link io.augur.stats.Lbfgs}, multi-start), the {@link Bootstrap} and the
 * {@link Backtest}.
 *
 * <p>Inputs are first mapped once per observation by {@link #features(double[])} (e.g. to log N and
 * log D), so the hot loop never recomputes logarithms of the data. Implementations are immutable and
 * thread-safe, and give an analytic gradient (checked against finite differences in the tests).
 */
public interface CurveForm {

    /** Short stable name, e.g. {@code "chinchilla"}, {@code "pow3"}. */
    String name();

    /** Names of the fitted parameters, in the order of the parameter vector. */
    List<String> parameterNames();

    /** Names of the inputs, e.g. {@code ["N", "D"]} or {@code ["x"]}. */
    default List<String> inputNames() {
        return List.of("x");
    }

    /** True when every input must be strictly positive (the form takes its logarithm). */
    boolean requiresPositiveX();

    /** True when observed values must lie in [0, 1] (a benchmark score or a rate). */
    default boolean requiresUnitInterval() {
        return false;
    }

    /** The loss used when the caller does not choose one. */
    Loss defaultLoss();

    /** Lower bounds of the parameters (may be {@code -Infinity}). */
    double[] lowerBounds();

    /** Upper bounds of the parameters (may be {@code +Infinity}). */
    double[] upperBounds();

    /** Precomputed features of one observation's inputs (default: the inputs themselves). */
    default double[] features(double[] x) {
        return x.clone();
    }

    /**
     * The value at features {@code f}, writing d value / d theta into {@code grad} (length = number of
     * parameters). Returns NaN where the parameters are outside the form's domain.
     */
    double valueAndGradient(double[] theta, double[] f, double[] grad);

    /**
     * log of the value and its gradient. The default derives it from {@link #valueAndGradient};
     * forms defined in log space (Chinchilla) override it for accuracy and speed.
     */
    default double logValueAndGradient(double[] theta, double[] f, double[] grad) {
        double v = valueAndGradient(theta, f, grad);
        if (!(v > 0)) {
            return Double.NaN;
        }
        for (int j = 0; j < grad.length; j++) {
            grad[j] /= v;
        }
        return Math.log(v);
    }

    /** The value at raw inputs {@code x}. */
    default double value(double[] theta, double... x) {
        return valueAndGradient(theta, features(x), new double[theta.length]);
    }

    /**
     * Starting points of the global multi-start search, which may depend on the data (features of
     * each observation and the observed values). Each start is projected onto the bounds.
     */
    List<double[]> startingGrid(double[][] features, double[] y);

    /** Quantities derived from the parameters and reported with intervals too (e.g. A = exp(a)). */
    default Map<String, Double> derived(double[] theta) {
        return Map.of();
    }

    /**
     * The scalar "scale" of an observation's inputs, used to order observations for backtests and to
     * detect extrapolation (default: the first input; Chinchilla: compute 6 N D).
     */
    default double scale(double[] x) {
        return x[0];
    }
}
