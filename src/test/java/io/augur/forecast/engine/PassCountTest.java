package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Rare successes (k of 10,000) fitted with the binomial likelihood. */
class PassCountTest {

    @Test
    void binomialFitUsesZeroCounts() {
        Sigmoid form = Sigmoid.ofLogX(0, 1);
        double[] truth = {2.0, 24.0}; // p = sigmoid(2 (log10 C - 24)): 4.5e-5 at 1e19, 0.12 at 1e23
        UniformRandomProvider rng = RandomStreams.of(9);
        List<Observation> pts = new ArrayList<>();
        for (double lc = 19; lc <= 23; lc += 0.5) {
            double p = form.value(truth, Math.pow(10, lc));
            int k = BinomialDistribution.of(10_000, p).createSampler(rng).sample();
            pts.add(Observation.passCount(k, 10_000, Math.pow(10, lc)));
        }
        assertTrue(pts.stream().anyMatch(o -> o.successes() == 0), "some small model should pass 0 of 10,000: " + pts);
        FitResult fit = CurveFitter.fit(FitSpec.of(form, pts).withBootstrap(200, 4));
        assertEquals(Loss.Kind.BINOMIAL, fit.loss().kind());
        assertTrue(fit.converged(), fit.status());
        assertEquals(2.0, fit.estimate()[0], 0.25);
        assertEquals(24.0, fit.estimate()[1], 0.3);
        Prediction at24 = fit.predict(1e24);
        double truth24 = form.value(truth, 1e24);
        assertTrue(at24.confidence().contains(truth24), at24 + " vs " + truth24);
    }
}
