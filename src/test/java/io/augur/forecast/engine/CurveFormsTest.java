package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augur.stats.InvalidInputException;
import org.junit.jupiter.api.Test;

class CurveFormsTest {

    @Test
    void everyNameResolvesToAFormOfThatName() {
        assertEquals(15, CurveForms.names().size());
        for (String n : CurveForms.names()) {
            assertEquals(n, CurveForms.byName(n).name());
        }
        assertEquals(0.25, ((Sigmoid) CurveForms.byName("sigmoid_log", 0.25, null, false)).floor());
        assertEquals(3, CurveForms.byName("sigmoid_log", 0.25, null, true).parameterNames().size());
    }

    @Test
    void unknownNameNamesTheField() {
        assertEquals("form", assertThrows(InvalidInputException.class, () -> CurveForms.byName("pow7")).field());
        assertEquals("floor", assertThrows(InvalidInputException.class, () -> CurveForms.byName("sigmoid_log", 1.2, null, false)).field());
    }
}
