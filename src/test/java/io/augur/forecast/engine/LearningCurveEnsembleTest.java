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
}
