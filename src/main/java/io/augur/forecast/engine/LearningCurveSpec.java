package io.augur.forecast.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A partial learning curve to extrapolate: points (x = epoch or step >= 1, y = the metric), the step to
 * forecast ({@code horizon}), whether lower values are better (error rates: the families are fitted to
 * the complement), the metric's bounds {@code [lower, upper]} (default [0, 1]: accuracies and error
 * rates; forecasts and intervals never leave them), an optional threshold for P(final value > threshold),
 * the families to combine (default: all eleven of {@link LearningCurveForms}), the fraction of the
 * observed suffix held out to size each family's extrapolation error (default 0.2) and the interval level.
 */
public record LearningCurveSpec(List<Observation> points, double horizon, boolean lowerIsBetter, Double threshold,
        List<LearningCurveForm> forms, double holdoutFraction, double level, double lower, double upper) {

    public LearningCurveSpec {
        points = List.copyOf(points);
        forms = forms == null ? LearningCurveForms.ALL : List.copyOf(forms);
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new InvalidInputException("holdoutFraction", "must be in (0, 1), was " + holdoutFraction);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1), was " + level);
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new InvalidInputException("bounds", "the metric's bounds must be finite with lower < upper, were ["
                    + lower + ", " + upper + "]");
        }
    }

    /** Values observed at steps 1, 2, ..., n in [0, 1]; forecast at {@code horizon}; all families, 20% held out, 95%. */
    public static LearningCurveSpec ofValues(double[] values, double horizon, boolean lowerIsBetter) {
        List<Observation> pts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            pts.add(Observation.of(values[i], i + 1));
        }
        return new LearningCurveSpec(pts, horizon, lowerIsBetter, null, null, 0.2, 0.95, 0, 1);
    }

    public LearningCurveSpec withThreshold(double t) {
        return new LearningCurveSpec(points, horizon, lowerIsBetter, t, forms, holdoutFraction, level, lower, upper);
    }

    public LearningCurveSpec withForms(List<LearningCurveForm> f) {
        return new LearningCurveSpec(points, horizon, lowerIsBetter, threshold, f, holdoutFraction, level, lower, upper);
    }

    public LearningCurveSpec withBounds(double lo, double hi) {
        return new LearningCurveSpec(points, horizon, lowerIsBetter, threshold, forms, holdoutFraction, level, lo, hi);
    }

    /** The value mapped to the unit scale the families are fitted on: 0 = worst bound, 1 = best. */
    double toUnit(double y) {
        double u = (y - lower) / (upper - lower);
        return lowerIsBetter ? 1 - u : u;
    }

    /** Inverse of {@link #toUnit}. */
    double fromUnit(double u) {
        return lower + (lowerIsBetter ? 1 - u : u) * (upper - lower);
    }
}
