package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPP's pilot protocol on its HELM core table (Zhang et al. 2024, Don-Joey/CPP_LLM main_pilot.py and
 * reproduce/pilot.ipynb): half of the observed cells hidden, predicted from the rest, rank errors per
 * benchmark among the hidden cells. The paper's matrix factorisation reaches MAE@2 = 0.375 (the fraction
 * of hidden cells ranked within 2 places of their true rank; the notebook's NCF run printed 0.377).
 */
class CppReferenceTest {

    static final long[] SEEDS = {1, 2, 3};

    @Test
    void pilotProtocolMatrixFactorisationReachesThePaperAndBeatsNearestModels() throws IOException {
        ScoreMatrix helm = MatrixData.helmCore();
        double als = 0;
        double knn = 0;
        double soft = 0;
        double cap = 0;
        double alsMae = 0;
        double knnMae = 0;
        double capMae = 0;
        double softMae = 0;
        double coverage = 0;
        for (long seed : SEEDS) {
            Backtest.Result r = Backtest.run(helm, new Backtest.RandomMask(0.5, seed), List.of(
                    Settings.of(Method.ALTERNATING_LEAST_SQUARES, 60, seed),
                    Settings.of(Method.NEAREST_MODELS, 0, seed),
                    Settings.of(Method.SOFT_IMPUTE, 0, seed),
                    Settings.of(Method.CAPABILITY_INDEX, 0, seed)));
            for (Backtest.Metrics m : r.methods()) {
                System.out.printf("CPP seed %d %-28s %-60s MAE %.4f RMSE %.4f MAE@0 %.3f MAE@2 %.3f coverage %.3f (%d cells)%n",
                        seed, m.method(), m.setting(), m.mae(), m.rmse(), m.maeAt0(), m.maeAt2(), m.coverage(), m.cells());
            }
            als += r.methods().get(0).maeAt2() / SEEDS.length;
            alsMae += r.methods().get(0).mae() / SEEDS.length;
            coverage += r.methods().get(0).coverage() / SEEDS.length;
            knn += r.methods().get(1).maeAt2() / SEEDS.length;
            knnMae += r.methods().get(1).mae() / SEEDS.length;
            soft += r.methods().get(2).maeAt2() / SEEDS.length;
            softMae += r.methods().get(2).mae() / SEEDS.length;
            cap += r.methods().get(3).maeAt2() / SEEDS.length;
            capMae += r.methods().get(3).mae() / SEEDS.length;
        }
        System.out.printf("CPP mean over seeds: ALS MAE@2 %.3f MAE %.4f coverage %.3f | kNN %.3f %.4f | soft %.3f %.4f | capability %.3f %.4f%n",
                als, alsMae, coverage, knn, knnMae, soft, softMae, cap, capMae);
        assertTrue(als >= 0.375, "ALS MAE@2 " + als);
        assertTrue(als > knn, "ALS " + als + " vs kNN " + knn);
    }
}
