package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class CompletionTest {

    static ScoreMatrix smallTable() {
        int nm = 8;
        int nb = 6;
        double[][] x = new double[nm][nb];
        for (int m = 0; m < nm; m++) {
            for (int b = 0; b < nb; b++) {
                x[m][b] = (m * 7 + b * 3) % 5 == 0 ? Double.NaN : Math.sin(m + 1) * Math.cos(b + 1) + 0.3 * Math.cos(m * b + 0.5);
            }
        }
        return new ScoreMatrix(names("m", nm), names("b", nb), x);
    }

    static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** A planted rank-2 table with noise sd 0.02 and 30% of the cells missing. */
    static ScoreMatrix planted(int nm, int nb, double missing, long seed) {
        UniformRandomProvider rng = RandomStreams.of(seed);
        double[][] u = new double[nm][2];
        double[][] v = new double[nb][2];
        for (double[] r : u) {
            r[0] = AlternatingLeastSquares.gaussian(rng);
            r[1] = AlternatingLeastSquares.gaussian(rng);
        }
        for (double[] r : v) {
            r[0] = AlternatingLeastSquares.gaussian(rng);
            r[1] = AlternatingLeastSquares.gaussian(rng);
        }
        double[][] x = new double[nm][nb];
        for (int m = 0; m < nm; m++) {
            for (int b = 0; b < nb; b++) {
                x[m][b] = rng.nextDouble() < missing && b > 0 && m > 0 ? Double.NaN
                        : 0.5 + 0.1 * (u[m][0] * v[b][0] + u[m][1] * v[b][1]) + 0.02 * AlternatingLeastSquares.gaussian(rng);
            }
        }
        return new ScoreMatrix(names("m", nm), names("b", nb), x);
    }

    /**
     * Soft-impute's fixed point against numpy: {@code python3 docs/matrix/softimpute_ref.py} (same table,
     * z-scored with population sd, lambda 0.5, iterated to a relative change below 1e-16) printed the
     * missing cells in row order.
     */
    @Test
    void softImputeMatchesNumpy() {
        double[] expected = {0.5551159372, 0.6528303347, -0.0741528379, 0.3998526065, 0.5237495039, 0.1367089741,
            0.1354332403, -0.3145698868, -0.0960467176, -0.4910700481};
        ScoreMatrix t = smallTable();
        Completer.Fitted f = new SoftImpute(0.5, 1e-16, 100_000).fit(new Table(t.toArray()), MatrixCompletion.ones(8), null);
        int i = 0;
        for (MatrixCompletion.Cell c : MatrixCompletion.missingCells(t)) {
            assertEquals(expected[i++], f.predict(c.model(), c.benchmark()), 1e-7, c.toString());
        }
    }

    @Test
    void alternatingLeastSquaresRecoversAPlantedRankTwoTable() {
        ScoreMatrix full = planted(60, 15, 0, 7);
        Backtest.Result r = Backtest.run(full, new Backtest.RandomMask(0.3, 1), List.of(
                Settings.of(Method.ALTERNATING_LEAST_SQUARES, 200, 5),
                Settings.of(Method.NEAREST_MODELS, 0, 5)));
        Backtest.Metrics als = r.methods().get(0);
        Backtest.Metrics knn = r.methods().get(1);
        System.out.println("planted: " + als + "\n         " + knn);
        assertTrue(als.setting().contains("rank 2") || als.setting().contains("rank 3"), als.setting());
        assertTrue(als.mae() < 0.03, "ALS MAE " + als.mae());
        assertTrue(als.mae() < knn.mae());
        assertTrue(als.coverage() > 0.85 && als.coverage() <= 1, "coverage " + als.coverage());
    }

    @Test
    void sameSeedSameAnswerAndParallelEqualsSequential() {
        ScoreMatrix t = planted(40, 10, 0.3, 3);
        Settings s = Settings.of(Method.ALTERNATING_LEAST_SQUARES, 50, 99).withRank(2);
        var a = MatrixCompletion.complete(t, null, s);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var b = MatrixCompletion.complete(t, null, s.withExecutor(pool));
            assertEquals(a.predictions(), b.predictions());
        } finally {
            pool.shutdownNow();
        }
        var c = MatrixCompletion.complete(t, null, s.withRounds(50));
        assertEquals(a.predictions(), c.predictions());
        a.predictions().forEach(p -> assertTrue(p.interval().lower() <= p.interval().upper()));
        a.predictions().forEach(p -> assertTrue(p.method().startsWith("alternating least squares, rank 2"), p.method()));
    }

    @Test
    void modelFeaturesHelpAModelWithFewScores() {
        // the score of benchmark 0..5 rises with log params; one model has a single observed cell
        int nm = 30;
        int nb = 6;
        UniformRandomProvider rng = RandomStreams.of(4);
        double[][] x = new double[nm][nb];
        double[] logParams = new double[nm];
        for (int m = 0; m < nm; m++) {
            logParams[m] = 20 + 6 * rng.nextDouble();
            for (int b = 0; b < nb; b++) {
                x[m][b] = 0.1 * logParams[m] * (1 + 0.1 * b) + 0.01 * AlternatingLeastSquares.gaussian(rng);
            }
        }
        double truth = x[0][3];
        for (int b = 1; b < nb; b++) {
            x[0][b] = Double.NaN;
        }
        ScoreMatrix t = new ScoreMatrix(names("m", nm), names("b", nb), x);
        ModelFeatures mf = ModelFeatures.of(nm, Map.of("logParams", logParams), null, "modelFeatures");
        var plain = MatrixCompletion.complete(t, List.of(new MatrixCompletion.Cell(0, 3)),
                Settings.of(Method.ALTERNATING_LEAST_SQUARES, 0, 1).withRank(1));
        var withFeatures = MatrixCompletion.complete(t, List.of(new MatrixCompletion.Cell(0, 3)),
                Settings.of(Method.ALTERNATING_LEAST_SQUARES, 0, 1).withRank(1).withFeatures(mf, null));
        double e0 = Math.abs(plain.predictions().get(0).estimate() - truth);
        double e1 = Math.abs(withFeatures.predictions().get(0).estimate() - truth);
        System.out.printf("features: error without %.4f, with %.4f%n", e0, e1);
        assertTrue(e1 <= e0 + 1e-9, "features should not hurt: " + e1 + " vs " + e0);
        assertTrue(withFeatures.predictions().get(0).warning() != null, "a model with one score is flagged");
    }
}
