package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** Curves with known parameters and noise, generated here: recovery, coverage, determinism. */
class SyntheticRecoveryTest {

    static final double E = 1.7;
    static final double A = 40;
    static final double ALPHA = 0.3;

    static List<Observation> powerLawData(long seed, int n, double sigma) {
        UniformRandomProvider rng = RandomStreams.of(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<Observation> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = Math.pow(10, 6 + 4.0 * i / (n - 1));
            double y = (E + A * Math.pow(x, -ALPHA)) * Math.exp(sigma * z.sample());
            pts.add(Observation.of(y, x));
        }
        return pts;
    }

    @Test
    void recoversPowerLawParameters() {
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, powerLawData(1, 50, 0.005)).withBootstrap(200, 3));
        assertTrue(fit.converged(), fit.status());
        assertEquals(E, fit.parameter("E").estimate(), 0.02);
        assertEquals(ALPHA, fit.parameter("alpha").estimate(), 0.02);
        assertTrue(fit.parameter("alpha").interval().contains(ALPHA), fit.parameter("alpha").toString());
        assertEquals(50, fit.residuals().length);
    }

    @Test
    void noiselessLearningCurvesAreRecovered() {
        double[] truth = {0.92, 0.6, 0.7};
        List<Observation> pts = new ArrayList<>();
        for (int x = 1; x <= 40; x++) {
            pts.add(Observation.of(LearningCurveForms.POW3.value(truth, x), x));
        }
        FitResult fit = CurveFitter.fit(FitSpec.of(LearningCurveForms.POW3, pts).withBootstrap(0, 1));
        assertEquals(0.92, fit.estimate()[0], 1e-4);
        assertEquals(0.7, fit.estimate()[2], 1e-3);
    }

    /**
     * 95% percentile intervals for alpha and for the curve at x = 1e8 cover the truth in about 95% of
     * 200 seeded repetitions. With 200 repetitions the binomial standard error at 0.95 is 1.5 points,
     * so [0.89, 0.99] rejects intervals that are clearly too narrow or too wide.
     */
    @Test
    void intervalsCoverTheTruthAtTheirLevel() {
        int reps = 200;
        boolean[][] hit = new boolean[reps][2];
        double truthAt = E + A * Math.pow(1e8, -ALPHA);
        IntStream.range(0, reps).parallel().forEach(r -> {
            FitResult fit = CurveFitter.fit(new FitSpec(SaturatingPowerLaw.INSTANCE, powerLawData(1000 + r, 30, 0.02),
                    Loss.leastSquares(), 300, 50 + r, 0.95, null));
            hit[r][0] = fit.parameter("alpha").interval().contains(ALPHA);
            hit[r][1] = fit.predict(1e8).confidence().contains(truthAt);
        });
        int a = 0;
        int c = 0;
        for (boolean[] h : hit) {
            a += h[0] ? 1 : 0;
            c += h[1] ? 1 : 0;
        }
        System.out.printf("synthetic coverage of 95%% intervals over %d repetitions: alpha %.3f, curve at 1e8 %.3f%n",
                reps, (double) a / reps, (double) c / reps);
        assertTrue(a >= 0.89 * reps && a <= 0.99 * reps, "alpha coverage " + a + "/" + reps);
        assertTrue(c >= 0.89 * reps && c <= 0.99 * reps, "curve coverage " + c + "/" + reps);
    }

    @Test
    void sameSeedSameAnswerDifferentSeedDifferentInterval() {
        List<Observation> pts = powerLawData(5, 25, 0.02);
        FitResult a = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(100, 11));
        FitResult b = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(100, 11));
        FitResult c = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(100, 12));
        assertEquals(a.parameter("alpha").interval(), b.parameter("alpha").interval());
        assertEquals(a.predict(1e12).prediction(), b.predict(1e12).prediction());
        assertTrue(a.parameter("alpha").interval().lower() != c.parameter("alpha").interval().lower());
        assertEquals(11, a.seed());
    }

    @Test
    void farExtrapolationIsFlagged() {
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, powerLawData(2, 20, 0.01)).withBootstrap(50, 1));
        assertTrue(fit.predict(1e12).warnings().isEmpty());
        assertTrue(fit.predict(1e14).warnings().get(0).contains("extrapolation"), fit.predict(1e14).warnings().toString());
    }
}
