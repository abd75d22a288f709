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
    }
}
