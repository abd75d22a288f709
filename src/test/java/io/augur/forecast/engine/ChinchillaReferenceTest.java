package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Epoch AI's Chinchilla replication (Besiroglu et al. 2024) on the shared data. */
class ChinchillaReferenceTest {

    @Test
    void huberSumFitReproducesEpoch() {
        List<Observation> pts = ReferenceData.chinchilla();
        assertEquals(240, pts.size());
        long t0 = System.nanoTime();
        FitResult fit = CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(0, 1));
        System.out.printf("chinchilla fit: objective %.10f in %.0f ms, status %s, A=%.2f B=%.1f E=%.4f alpha=%.4f beta=%.4f%n",
                fit.objective(), (System.nanoTime() - t0) / 1e6, fit.status(), fit.parameter("A").estimate(),
                fit.parameter("B").estimate(), fit.parameter("E").estimate(), fit.parameter("alpha").estimate(),
                fit.parameter("beta").estimate());
        assertTrue(fit.converged(), fit.status());
        assertTrue(fit.objective() <= 0.0010182740 + 1e-10, "objective " + fit.objective());
        assertEquals(477.8, fit.parameter("A").estimate(), 4.778);
        assertEquals(2143, fit.parameter("B").estimate(), 21.43);
        assertEquals(1.8172, fit.parameter("E").estimate(), 0.018172);
        assertEquals(0.3473, fit.parameter("alpha").estimate(), 0.003473);
        assertEquals(0.3672, fit.parameter("beta").estimate(), 0.003672);
        assertEquals(240, fit.residuals().length);
    }

    @Test
    void bootstrapIntervalsOverlapEpoch() {
        List<Observation> pts = ReferenceData.chinchilla();
        FitResult fit = CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(400, 7));
        Interval alpha = fit.parameter("alpha").interval();
        Interval beta = fit.parameter("beta").interval();
        Interval e = fit.parameter("E").interval();
        System.out.printf("chinchilla bootstrap 95%%: alpha [%.4f, %.4f] beta [%.4f, %.4f] E [%.4f, %.4f] (failed %d)%n",
                alpha.lower(), alpha.upper(), beta.lower(), beta.upper(), e.lower(), e.upper(), fit.failedRounds());
        assertTrue(alpha.lower() <= 0.373 && alpha.upper() >= 0.317, "alpha " + alpha);
        assertTrue(beta.lower() <= 0.415 && beta.upper() >= 0.331, "beta " + beta);
        assertTrue(alpha.contains(fit.parameter("alpha").estimate()));
        assertTrue(alpha.width() < 0.2 && beta.width() < 0.2, "intervals implausibly wide");
        ComputeOptimal.Allocation a = ComputeOptimal.of(fit, 5.76e23);
        System.out.printf("chinchilla compute-optimal at 5.76e23 FLOP: N=%.3g [%.3g, %.3g], D=%.3g [%.3g, %.3g], D/N=%.1f [%.1f, %.1f]%n",
                a.parameters(), a.parametersInterval().lower(), a.parametersInterval().upper(), a.tokens(),
                a.tokensInterval().lower(), a.tokensInterval().upper(), a.tokensPerParameter(),
                a.tokensPerParameterInterval().lower(), a.tokensPerParameterInterval().upper());
        assertEquals(5.76e23, 6 * a.parameters() * a.tokens(), 1e15);
    }

    @Test
    void backtestOnTheTopOrderOfMagnitudeOfCompute() {
        List<Observation> pts = ReferenceData.chinchilla();
        Backtest.Result r = Backtest.run(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(200, 3));
        System.out.printf("chinchilla backtest (hold out C >= %.3g): %d train, %d held out, MAE %.4f, mean relative error %.4f,"
                + " 95%% prediction-interval coverage %.2f%n", r.cutoffScale(), r.trainPoints(), r.heldOutPoints(),
                r.meanAbsoluteError(), r.meanRelativeError(), r.coverage());
        assertTrue(r.heldOutPoints() > 0 && r.trainPoints() > 100);
        // losses are about 2 to 3 nats; the held-out points are read off a figure (a few % scatter), so a
        // sane law extrapolating one order of magnitude of compute stays within 5% on average
        assertTrue(r.meanRelativeError() < 0.05, "relative error " + r.meanRelativeError());
        ComputeOptimal.Allocation a = ComputeOptimal.of(r.trainFit(), 5.76e23);
        System.out.printf("chinchilla compute-optimal at 5.76e23 FLOP (train part): N=%.3g [%.3g, %.3g], D=%.3g, D/N=%.1f, loss %.4f%n",
                a.parameters(), a.parametersInterval().lower(), a.parametersInterval().upper(), a.tokens(), a.tokensPerParameter(), a.loss());
    }
}
