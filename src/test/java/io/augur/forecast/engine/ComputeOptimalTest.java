package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeOptimalTest {

    /** Hoffmann et al. Approach 3 parameters: E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28. */
    static final double[] HOFFMANN = {Math.log(406.4), Math.log(410.7), Math.log(1.69), 0.34, 0.28};

    static List<Observation> grid() {
        List<Observation> pts = new ArrayList<>();
        for (double n = 1e7; n <= 1e10; n *= Math.sqrt(10)) {
            for (double d = 1e9; d <= 1e12; d *= Math.sqrt(10)) {
                pts.add(Observation.of(Chinchilla.INSTANCE.value(HOFFMANN, n, d), n, d));
            }
        }
        return pts;
    }

    @Test
    void allocationIsTheConstrainedMinimum() {
        FitResult fit = CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, grid()).withBootstrap(50, 1));
        assertEquals(0.34, fit.parameter("alpha").estimate(), 1e-3);
        double c = 5.76e23; // Chinchilla's own budget
        ComputeOptimal.Allocation a = ComputeOptimal.of(fit, c);
        assertEquals(c, 6 * a.parameters() * a.tokens(), c * 1e-9);
        // the loss at the optimum is below the loss of nearby allocations with the same compute
        for (double f : new double[] {0.5, 0.8, 1.25, 2}) {
            double n = a.parameters() * f;
            assertTrue(fit.value(n, c / (6 * n)) > a.loss());
        }
        assertTrue(a.parametersInterval().contains(a.parameters()));
        assertTrue(a.warnings().isEmpty() == (c <= 1000 * fit.maxScale()));
        ComputeOptimal.ComputeForLoss back = ComputeOptimal.computeForLoss(fit, a.loss());
        assertEquals(c, back.compute(), c * 1e-6);
        assertTrue(Double.isNaN(ComputeOptimal.computeForLoss(fit, 1.5).compute()));
    }

    @Test
    void needsAChinchillaFit() {
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, SyntheticRecoveryTest.powerLawData(1, 10, 0.01))
                .withBootstrap(0, 1));
        assertThrows(InvalidInputException.class, () -> ComputeOptimal.of(fit, 1e20));
    }

    @Test
    void xForTargetInvertsTheCurve() {
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, SyntheticRecoveryTest.powerLawData(1, 30, 0.005))
                .withBootstrap(100, 1));
        double target = fit.value(3e13);
        Targets.XForTarget t = Targets.xForTarget(fit, target);
        assertEquals(3e13, t.x(), 3e13 * 1e-6);
        assertTrue(t.interval().lower() < 3e13 && t.interval().upper() > 3e13, t.interval().toString());
        assertTrue(t.warnings().get(0).contains("extrapolation"));
        Targets.XForTarget never = Targets.xForTarget(fit, 1.0);
        assertTrue(Double.isNaN(never.x()));
    }
}
