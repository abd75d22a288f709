package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.stats.Workers;
import io.augur.testing.OnComputeWorkers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bootstrap round r uses stream r of the seed and multi-start results are kept by index: the pool changes no bit. */
class ParallelDeterminismTest {

    @Test
    void fitWithBootstrapIsTheSameOnOneThreadAndOnThePool() throws Exception {
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(5, 25, 0.02);
        FitSpec spec = FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(300, 11);
        FitResult sequential = CurveFitter.fit(spec);
        FitResult parallel = Workers.call(OnComputeWorkers.workers(), () -> CurveFitter.fit(spec));
        for (String p : List.of("E", "A", "alpha")) {
            assertEquals(sequential.parameter(p), parallel.parameter(p), p);
        }
        assertEquals(sequential.predict(1e12), parallel.predict(1e12));
    }
}
