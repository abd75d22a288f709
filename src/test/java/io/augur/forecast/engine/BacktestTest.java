package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    @Test
    void holdsOutTheTopOrderOfMagnitude() {
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(3, 41, 0.01); // x from 1e6 to 1e10
        Backtest.Result r = Backtest.run(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(200, 1));
        assertEquals(1e9, r.cutoffScale(), 1);
        assertEquals(11, r.heldOutPoints()); // 10^9 .. 10^10 in steps of 0.1 decades
        assertEquals(30, r.trainPoints());
        for (Backtest.HeldOutPoint h : r.heldOut()) {
            assertTrue(h.x().get(0) >= 1e9 * (1 - 1e-12));
        }
        assertTrue(r.meanRelativeError() < 0.02, "relative error " + r.meanRelativeError());
        assertTrue(r.coverage() >= 0.6, "coverage " + r.coverage());
    }

    @Test
    void autoPicksTheFormThatExtrapolates() {
        // a saturating curve: the pure sigmoid of log x cannot follow a loss above 1, so only the power law
        // and learning-curve forms compete; the truth is a power law with floor
        List<Observation> pts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            pts.add(Observation.of(0.9 - 0.5 * Math.pow(i, -0.6), i));
        }
        Backtest.Auto auto = Backtest.auto(FitSpec.of(LearningCurveForms.POW3, pts).withBootstrap(50, 2),
                List.of(LearningCurveForms.ILOG2, LearningCurveForms.POW3, LearningCurveForms.LOGLOG_LINEAR),
                Backtest.Holdout.lastFraction(0.3));
        assertEquals("pow3", auto.chosenForm());
        assertEquals(3, auto.candidates().size());
        assertTrue(auto.candidates().get(1).meanAbsoluteError() < 1e-4);
        assertTrue(auto.candidates().get(0).meanAbsoluteError() > 10 * auto.candidates().get(1).meanAbsoluteError());
        assertEquals(30, auto.fit().residuals().length);
    }

    @Test
    void refusesWhenTooFewPointsRemain() {
        // cutoff 500: only x = 1 and 10 remain for a 3-parameter law
        List<Observation> pts = List.of(Observation.of(3, 1), Observation.of(2.5, 10), Observation.of(2.1, 1000),
                Observation.of(2.05, 5000));
        assertThrows(InvalidInputException.class, () -> Backtest.run(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(0, 1)));
    }
}
