package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LearningCurveEnsembleTest {

    static double[] errorCurve(int n, double floor) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = floor + 0.5 * Math.pow(i + 1, -0.8) + 0.002 * Math.sin(3 * i);
        }
        return c;
    }

    @Test
    void forecastsASyntheticErrorCurve() {
        double[] c = errorCurve(15, 0.12);
        double truth40 = 0.12 + 0.5 * Math.pow(40, -0.8);
        EnsembleForecast f = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(c, 40, true).withThreshold(0.2));
        assertEquals(truth40, f.value(), 0.02);
        assertTrue(f.interval().contains(truth40), f.interval().toString());
        assertEquals(1.0, f.members().stream().mapToDouble(EnsembleForecast.Member::weight).sum(), 1e-9);
        assertEquals(11, f.members().size());
        // the curve ends near 0.155, well below 0.2: small probability of ending above 0.2
        assertTrue(f.probabilityAbove() < 0.2, "P(above 0.2) = " + f.probabilityAbove());
        EnsembleForecast g = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(c, 40, true).withThreshold(0.1));
        assertTrue(g.probabilityAbove() > 0.8, "P(above 0.1) = " + g.probabilityAbove());
        assertEquals(c[14], f.lastValue(), 0);
    }

    @Test
    void trippedTokenCancels() {
        io.augur.stats.CancellationToken token = new io.augur.stats.CancellationToken();
        token.cancel("the time budget of 1 ms was spent");
        assertThrows(CancellationException.class, () -> io.augur.stats.Workers.run(io.augur.stats.Workers.sequential(token),
                () -> LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(errorCurve(10, 0.1), 40, true))));
    }

    @Test
    void boundsRescaleTheMetricAndHoldTheInterval() {
        double[] c = errorCurve(6, 0.02);
        double[] pct = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            pct[i] = 100 * c[i];
        }
        EnsembleForecast unit = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(c, 400, true));
        EnsembleForecast percent = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(pct, 400, true).withBounds(0, 100));
        // the same curve in percent gives the same forecast, times 100
        assertEquals(100 * unit.value(), percent.value(), 1e-6);
        assertEquals(100 * unit.interval().lower(), percent.interval().lower(), 1e-6);
        assertEquals(100 * unit.interval().upper(), percent.interval().upper(), 1e-6);
        // an error rate near its floor: the interval stays above 0 however far the horizon
        assertTrue(unit.interval().lower() > 0 && unit.interval().upper() < 1, unit.interval().toString());
        assertTrue(unit.warnings().stream().anyMatch(w -> w.contains("validated up to")), unit.warnings().toString());
        assertThrows(io.augur.stats.InvalidInputException.class,
                () -> LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(pct, 40, true)));
    }

    @Test
    void weightsOfExcludedFamiliesPassEquallyToTheOthers() {
        double[] w = LearningCurveEnsemble.weights(new double[] {0.5, 0.3, 0.2, 0}, new boolean[] {false, true, true, true});
        assertEquals(0, w[0], 0);
        assertEquals(0.3 + 0.5 / 3, w[1], 1e-15);
        assertEquals(0.2 + 0.5 / 3, w[2], 1e-15);
        assertEquals(0.5 / 3, w[3], 1e-15);
        // a subset whose stacking weights are all zero is averaged equally
        double[] eq = LearningCurveEnsemble.weights(new double[] {0, 0}, new boolean[] {true, true});
        assertEquals(0.5, eq[0], 0);
        assertEquals(null, LearningCurveEnsemble.weights(new double[] {1}, new boolean[] {false}));
        assertEquals(0, LearningCurveEnsemble.regime(3));
        assertEquals(0, LearningCurveEnsemble.regime(7));
        assertEquals(1, LearningCurveEnsemble.regime(8));
        assertEquals(1, LearningCurveEnsemble.regime(14));
        assertEquals(2, LearningCurveEnsemble.regime(15));
    }
}
