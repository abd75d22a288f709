package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augur.stats.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input is rejected with an InvalidInputException naming the field in the caller's terms. */
class InvalidInputTest {

    private static String field(CurveForm form, List<Observation> pts) {
        return assertThrows(InvalidInputException.class, () -> CurveFitter.fit(FitSpec.of(form, pts).withBootstrap(0, 1))).field();
    }

    @Test
    void fewerPointsThanParameters() {
        assertEquals("points", field(SaturatingPowerLaw.INSTANCE, List.of(Observation.of(3, 1), Observation.of(2, 10))));
    }

    @Test
    void nonPositiveScaleForLogForms() {
        assertEquals("points[1].x", field(SaturatingPowerLaw.INSTANCE,
                List.of(Observation.of(3, 1), Observation.of(2.5, 0), Observation.of(2, 10), Observation.of(1.9, 100))));
        assertEquals("points[0].D", field(Chinchilla.INSTANCE, List.of(Observation.of(3, 1e8, -1e9), Observation.of(3, 1e8, 1e9),
                Observation.of(3, 1e9, 1e9), Observation.of(3, 1e9, 1e10), Observation.of(3, 1e10, 1e10))));
    }

    @Test
    void nanAndInfinity() {
        assertEquals("points[2].y", field(SaturatingPowerLaw.INSTANCE,
                List.of(Observation.of(3, 1), Observation.of(2.5, 2), Observation.of(Double.NaN, 10), Observation.of(1.9, 100))));
        assertEquals("points[3].x", field(SaturatingPowerLaw.INSTANCE,
                List.of(Observation.of(3, 1), Observation.of(2.5, 2), Observation.of(2, 10), Observation.of(1.9, Double.POSITIVE_INFINITY))));
    }

    @Test
    void duplicatedXWithConflictingY() {
        assertEquals("points[2].y", field(SaturatingPowerLaw.INSTANCE,
                List.of(Observation.of(3, 1), Observation.of(2.5, 2), Observation.of(2.4, 1), Observation.of(1.9, 100))));
    }

    @Test
    void scoresOutsideUnitIntervalForSigmoid() {
        assertEquals("points[1].y", field(Sigmoid.ofLogX(0.25, 1),
                List.of(Observation.of(0.3, 1e20), Observation.of(1.2, 1e21), Observation.of(0.5, 1e22))));
    }

    @Test
    void moreSuccessesThanTrials() {
        assertEquals("points[1].successes", field(Sigmoid.ofLogX(0, 1),
                List.of(Observation.passCount(0, 100, 1e20), Observation.passCount(101, 100, 1e21), Observation.passCount(5, 100, 1e22))));
    }

    @Test
    void learningCurveValuesOutsideUnitInterval() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LearningCurveEnsemble.forecast(
                LearningCurveSpec.ofValues(new double[] {0.5, 0.4, 1.3, 0.3}, 40, true)));
        assertEquals("points[2].y", e.field());
    }
}
