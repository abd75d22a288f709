package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI example of /forecasts/backtest and /forecasts/plot: a power law on seven points, the top
 * order of magnitude held out (x >= 1e22), so five points for three parameters. Its bootstrap used to give a band
 * reaching 1.7e7 for a loss near 2.4 and count it as coverage.
 */
class DegenerateBootstrapTest {

    static List<Observation> example() {
        double[][] xy = {{1e17, 4.21}, {1e18, 3.62}, {1e19, 3.12}, {1e20, 2.78}, {1e21, 2.55}, {1e22, 2.40}, {1e23, 2.30}};
        List<Observation> pts = new ArrayList<>();
        for (double[] p : xy) {
            pts.add(Observation.of(p[1], p[0]));
        }
        return pts;
    }

    @Test
    void theExampleBacktestReportsDegenerateRoundsAndNeverCountsAnAbsurdBand() {
        FitSpec spec = FitSpec.of(SaturatingPowerLaw.INSTANCE, example()).withBootstrap(100, 3);
        Backtest.Result r = Backtest.run(spec, Backtest.Holdout.topOrders(1));
        FitResult fit = r.trainFit();
        assertEquals(5, r.trainPoints()); // the cutoff 1e22 = 1e23 / 10 holds out 1e22 and 1e23
        assertTrue(fit.degenerateRounds() > 0, "the resamples of five points include degenerate ones");
        int unusable = fit.failedRounds() + fit.degenerateRounds();
        assertEquals(fit.replicateCount() == 0 ? unusable : 100, unusable + fit.replicateCount());
        Backtest.HeldOutPoint held = r.heldOut().get(0);
        if (fit.replicateCount() == 0) {
            // withheld: no band, no coverage claimed, and the warnings say why
            assertNull(held.prediction().prediction());
            assertNull(held.covered());
            assertTrue(Double.isNaN(r.coverage()));
            assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("intervals withheld")), fit.warnings().toString());
        } else {
            // kept: the band is a sane one
            assertNotNull(held.prediction().prediction());
            assertTrue(held.prediction().prediction().upper() < 10, held.prediction().prediction().toString());
            assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("degenerate")), fit.warnings().toString());
        }
        System.out.println("example backtest: " + fit.degenerateRounds() + " degenerate, " + fit.failedRounds() + " failed, "
                + fit.replicateCount() + " kept; held-out bands " + r.heldOut().stream().map(p -> p.observed() + " in "
                + p.prediction().prediction() + ": " + p.covered()).toList() + "; warnings " + fit.warnings() + " " + r.warnings());
    }

    @Test
    void resamplesWithFewerDistinctPointsThanParametersAreDegenerate() {
        List<Observation> pts = example().subList(0, 4);
        Objective obj = CurveFitter.objective(SaturatingPowerLaw.INSTANCE, Loss.leastSquares(), pts);
        assertEquals(2, Bootstrap.distinctObservations(obj, new double[] {2, 0, 2, 0}));
        assertEquals(3, Bootstrap.distinctObservations(obj, new double[] {1, 1, 2, 0}));
        double[] lo = {0, 0};
        double[] hi = {1, 10};
        assertTrue(Bootstrap.runsOffToBound(new double[] {0, 5}, new double[] {0.5, 5}, lo, hi));
        assertTrue(!Bootstrap.runsOffToBound(new double[] {0, 5}, new double[] {0, 4}, lo, hi), "the full fit is on that bound too");
        assertTrue(!Bootstrap.runsOffToBound(new double[] {0.2, 9.9}, new double[] {0.5, 5}, lo, hi));
    }
}
