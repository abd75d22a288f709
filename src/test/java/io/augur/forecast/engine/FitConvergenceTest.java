package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.Lbfgs;
import org.junit.jupiter.api.Test;

/** A fit whose optimiser stops at its iteration limit says so (moved here with L-BFGS's move to stats). */
class FitConvergenceTest {

    @Test
    void nonConvergedFitIsReportedInTheResult() {
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, SyntheticRecoveryTest.powerLawData(1, 20, 0.02))
                .withBootstrap(0, 1), CurveFitter.Plan.exhaustive(new Lbfgs.Options(2, 1e-12, 1e-12, 10)));
        assertFalse(fit.converged());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("did not converge")), fit.warnings().toString());
    }
}
