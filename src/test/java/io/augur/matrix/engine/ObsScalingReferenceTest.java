package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ObsScaling's leaderboard-v2 protocol (Ruan et al. 2024; ryoungj/ObsScaling base_llm_leaderboard_v2.ipynb
 * @ 4d6e1e4): the 7 non-GSM8K Open LLM Leaderboard v1 benchmarks predict BBH, GPQA and MATH-hard (floors:
 * BBH the mean chance level of its 27 subtasks, GPQA 0.25, MATH 0); train on FLOPs <= 8.4e22 (84 in the
 * file's 1e21 units), test on the rest (unknown FLOPs fall into the test set).
 * <p>Reference: their pipeline re-implemented in numpy/scipy (sklearn's StandardScaler, SimpleImputer and
 * PCA by hand; scipy BFGS on the Huber sum, delta 1, from (0, 0.01, ...)):
 * {@code python3 docs/matrix/obsscaling_ref.py ../shared/data/scaling 84}
 * printed test MSE on the normalised scale, PC1-3 sigmoid vs log-FLOPs sigmoid:
 * BBH 0.001589 vs 0.025056; GPQA 0.001022 vs 0.007647; MATH-hard 0.004000 vs 0.006571
 * (32 training, 40 test models; 23 of them with known FLOPs); PC explained-variance ratios
 * 0.6865 0.2013 0.0538 0.0354 0.0124.
 */
class ObsScalingReferenceTest {

    static final double BBH_FLOOR = bbhFloor();
    static final Map<String, double[]> REFERENCE = Map.of(
            "leaderboard_bbh", new double[] {BBH_FLOOR, 0.001589, 0.025056},
            "leaderboard_gpqa", new double[] {0.25, 0.001022, 0.007647},
            "leaderboard_math_hard", new double[] {0.0, 0.004000, 0.006571});

    static double bbhFloor() {
        double[] chance = {1. / 2, 1. / 2, 1. / 6, 1. / 3, 0, 1. / 2, 1. / 9, 1. / 2, 1. / 5, 1. / 7, 1. / 3, 1. / 5, 0, 1. / 2, 0,
            1. / 5, 1. / 18, 1. / 4, 1. / 6, 1. / 2, 1. / 2, 1. / 4, 1. / 5, 1. / 7, 1. / 3, 1. / 2, 0};
        return MatrixData.mean(chance);
    }

    @Test
    void pcSigmoidBeatsComputeAndMatchesTheirHeldOutError() throws IOException {
        MatrixData.ObsScaling d = MatrixData.obsScaling();
        for (var e : REFERENCE.entrySet()) {
            int t = d.targetNames().indexOf(e.getKey());
            double[] target = new double[d.models().size()];
            for (int i = 0; i < target.length; i++) {
                target[i] = d.targets()[i][t];
            }
            ObservationalScaling.Result r = ObservationalScaling.fit(new ObservationalScaling.Input(d.models(), d.predictorNames(),
                    d.predictors(), e.getKey(), target, e.getValue()[0], d.flops1e21(), 84, null),
                    ObservationalScaling.Settings.defaults(100, 20261125));
            System.out.printf("ObsScaling %-22s train %d test %d: PC1-3 MSE %.6f (ref %.6f) | log-FLOPs MSE %.6f (ref %.6f, %d models) evr %s%n",
                    e.getKey(), r.trainingModels(), r.heldOut().models(), r.heldOut().mse(), e.getValue()[1], r.computeHeldOut().mse(),
                    e.getValue()[2], r.computeHeldOut().models(), r.explainedVarianceRatios());
            assertEquals(32, r.trainingModels());
            assertEquals(40, r.heldOut().models());
            assertEquals(23, r.computeHeldOut().models());
            assertEquals(0.6865, r.explainedVarianceRatios().get(0), 5e-4);
            assertEquals(0.2013, r.explainedVarianceRatios().get(1), 5e-4);
            assertTrue(r.heldOut().mse() < r.computeHeldOut().mse(), "PC sigmoid must beat log compute on " + e.getKey());
            assertEquals(e.getValue()[1], r.heldOut().mse(), 0.10 * e.getValue()[1], "within 10% of ObsScaling's own MSE");
            long covered = r.predictions().stream().filter(p -> !p.training() && !Double.isNaN(p.observed())
                    && p.interval().contains(p.observed())).count();
            System.out.printf("ObsScaling %-22s 95%% interval coverage on held-out models: %d / %d%n", e.getKey(), covered, r.heldOut().models());
            r.predictions().forEach(p -> assertTrue(p.estimate() >= e.getValue()[0], "floored at chance"));
        }
    }
}
