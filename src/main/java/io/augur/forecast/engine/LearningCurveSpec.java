package io.augur.forecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial learning curve to extrapolate: points (x = epoch or step >= 1, y = accuracy or error rate in
 * [0, 1]), the step to forecast ({@code horizon}), whether lower values are better (error rates: the
 * families are fitted to 1 - y), an optional threshold for P(final value > threshold), the families to
 * combine (default: all eleven of {@link LearningCurveForms}), the fraction of the observed suffix held
 * out to weight them (default 0.2) and the interval level.
 */
public record LearningCurveSpec(List<Observation> points, double horizon, boolean lowerIsBetter, Double threshold,
        List<LearningCurveForm> forms, double holdoutFraction, double level) {

    public LearningCurveSpec {
        points = List.copyOf(points);
        forms = forms == null ? LearningCurveForms.ALL : List.copyOf(forms);
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new io.augur.stats.InvalidInputException("holdoutFraction", "must be in (0, 1), was " + holdoutFraction);
        }
        if (!(level > 0 && level < 1)) {
            throw new io.augur.stats.InvalidInputException("level", "must be in (0, 1), was " + level);
        }
    }

    /** Values observed at steps 1, 2, ..., n; forecast at {@code horizon}; all families, 20% held out, 95%. */
    public static LearningCurveSpec ofValues(double[] values, double horizon, boolean lowerIsBetter) {
        List<Observation> pts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            pts.add(Observation.of(values[i], i + 1));
        }
        return new LearningCurveSpec(pts, horizon, lowerIsBetter, null, null, 0.2, 0.95);
    }

    public LearningCurveSpec withThreshold(double t) {
        return new LearningCurveSpec(points, horizon, lowerIsBetter, t, forms, holdoutFraction, level);
    }

    public LearningCurveSpec withForms(List<LearningCurveForm> f) {
        return new LearningCurveSpec(points, horizon, lowerIsBetter, threshold, f, holdoutFraction, level);
    }
}
