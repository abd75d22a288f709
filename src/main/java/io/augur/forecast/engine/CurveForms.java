package io.augur.forecast.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of curve forms by name, for callers that receive a form as text (the REST layer):
 * {@code power_law}, {@code chinchilla}, {@code sigmoid_log} (score against log10 x; floor = chance
 * level, ceiling fixed, or fitted when {@code fitCeiling}), {@code sigmoid} (score against x, e.g. against
 * loss) and the eleven learning-curve families of {@link LearningCurveForms}. Adding a form touches
 * this one place.
 */
public final class CurveForms {

    private CurveForms() {
    }

    /** Every name {@link #byName} accepts. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(List.of("power_law", "chinchilla", "sigmoid_log", "sigmoid"));
        for (LearningCurveForm f : LearningCurveForms.ALL) {
            n.add(f.name());
        }
        return n;
    }

    /**
     * The form called {@code name}. {@code floor} and {@code ceiling} apply to the sigmoid forms only
     * (null: 0 and 1); {@code fitCeiling} fits the ceiling of {@code sigmoid_log} in [floor, 1].
     */
    public static CurveForm byName(String name, Double floor, Double ceiling, boolean fitCeiling) {
        if (name == null) {
            throw new InvalidInputException("form", "is required; one of " + names());
        }
        double fl = floor == null ? 0 : floor;
        double ce = ceiling == null ? 1 : ceiling;
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "power_law" -> SaturatingPowerLaw.INSTANCE;
            case "chinchilla" -> Chinchilla.INSTANCE;
            case "sigmoid_log" -> fitCeiling ? Sigmoid.ofLogXWithCeiling(fl) : Sigmoid.ofLogX(fl, ce);
            case "sigmoid" -> Sigmoid.ofX(fl, ce);
            default -> {
                LearningCurveForm f = LearningCurveForms.byName(name);
                if (f == null) {
                    throw new InvalidInputException("form", "unknown form '" + name + "'; one of " + names());
                }
                yield f;
            }
        };
    }

    /** The form called {@code name} with default floor 0 and ceiling 1. */
    public static CurveForm byName(String name) {
        return byName(name, null, null, false);
    }
}
