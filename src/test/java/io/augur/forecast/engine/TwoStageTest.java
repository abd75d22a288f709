package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoStageTest {

    @Test
    void composesScaleToLossToScore() {
        double[] law = {1.8, 30, 0.25};
        double[] sig = {-6, 2.4};
        List<Observation> s1 = new ArrayList<>();
        List<Observation> s2 = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double c = Math.pow(10, 18 + 0.25 * i);
            double loss = SaturatingPowerLaw.INSTANCE.value(law, c) * (1 + 0.003 * Math.sin(7 * i));
            s1.add(Observation.of(loss, c));
            s2.add(Observation.of(Sigmoid.ofX(0.25, 1).value(sig, loss) + 0.005 * Math.cos(5 * i), loss));
        }
        TwoStage.Fit fit = TwoStage.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, s1).withBootstrap(200, 1),
                FitSpec.of(Sigmoid.ofX(0.25, 1), s2).withBootstrap(200, 2));
        TwoStage.Result r = fit.predict(1e24);
        double truth = Sigmoid.ofX(0.25, 1).value(sig, SaturatingPowerLaw.INSTANCE.value(law, 1e24));
        assertEquals(truth, r.score(), 0.03);
        assertTrue(r.scoreInterval().lower() <= r.score() && r.score() <= r.scoreInterval().upper());
    }
}
