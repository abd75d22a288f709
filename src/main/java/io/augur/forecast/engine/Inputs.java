package io.augur.forecast.engine;

import io.augur.stats.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validation of observations against a form and a loss; throws {@link InvalidInputException} naming the field. */
final class Inputs {

    private Inputs() {
    }

    static void validate(CurveForm form, List<Observation> points, Loss loss) {
        if (form == null) {
            throw new InvalidInputException("form", "is required");
        }
        if (points == null || points.isEmpty()) {
            throw new InvalidInputException("points", "at least one point is required");
        }
        int p = form.parameterNames().size();
        if (points.size() < p) {
            throw new InvalidInputException("points", points.size() + " points cannot determine the " + p
                    + " parameters of form " + form.name() + "; give at least " + p);
        }
        List<String> inputs = form.inputNames();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            Observation o = points.get(i);
            String at = "points[" + i + "]";
            if (o == null) {
                throw new InvalidInputException(at, "is null");
            }
            if (o.dimension() != inputs.size()) {
                throw new InvalidInputException(at + ".x", "form " + form.name() + " takes " + inputs.size()
                        + " input(s) " + inputs + ", got " + o.dimension());
            }
            for (int j = 0; j < inputs.size(); j++) {
                String field = at + "." + inputs.get(j);
                double v = o.x(j);
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException(field, "must be a finite number, was " + v);
                }
                if (form.requiresPositiveX() && !(v > 0)) {
                    throw new InvalidInputException(field, "must be > 0 for form " + form.name()
                            + " (it takes the logarithm), was " + v);
                }
            }
            if (o.isCount() || loss.kind() == Loss.Kind.BINOMIAL) {
                if (o.trials() <= 0) {
                    throw new InvalidInputException(at + ".trials", "must be a positive count for a binomial fit, was " + o.trials());
                }
                if (o.successes() < 0) {
                    throw new InvalidInputException(at + ".successes", "must be >= 0, was " + o.successes());
                }
                if (o.successes() > o.trials()) {
                    throw new InvalidInputException(at + ".successes", "k = " + o.successes()
                            + " successes exceed n = " + o.trials() + " trials");
                }
            } else {
                if (!Double.isFinite(o.y())) {
                    throw new InvalidInputException(at + ".y", "must be a finite number, was " + o.y());
                }
                if (loss.kind() == Loss.Kind.HUBER_LOG && !(o.y() > 0)) {
                    throw new InvalidInputException(at + ".y", "must be > 0 for a fit on log residuals, was " + o.y());
                }
                if (form.requiresUnitInterval() && !(o.y() >= 0 && o.y() <= 1)) {
                    throw new InvalidInputException(at + ".y", "score must be in [0, 1] for form " + form.name()
                            + " with its default floor and ceiling, was " + o.y());
                }
            }
            String key = Arrays.toString(o.x());
            Integer prev = seen.putIfAbsent(key, i);
            if (prev != null && !o.isCount() && Double.compare(points.get(prev).y(), o.y()) != 0) {
                throw new InvalidInputException(at + ".y", "duplicates the x of points[" + prev + "] with a different y ("
                        + o.y() + " vs " + points.get(prev).y() + "); average repeated measurements first");
            }
        }
    }
}
