package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The holdout protocols other than random masking. */
class BacktestProtocolTest {

    @Test
    void newestModelsLoseTheirTargetCells() {
        ScoreMatrix t = CompletionTest.planted(60, 15, 0.1, 17);
        LocalDate[] released = new LocalDate[60];
        for (int m = 0; m < 60; m++) {
            released[m] = m == 5 ? null : LocalDate.of(2023, 1, 1).plusDays(10L * m);
        }
        Backtest.Result r = Backtest.run(t, new Backtest.NewestModels(4, released, List.of("b2", "b3")),
                List.of(Settings.of(Method.ALTERNATING_LEAST_SQUARES, 50, 1), Settings.of(Method.NEAREST_MODELS, 0, 1)));
        List<String> models = new ArrayList<>();
        int expected = 0;
        for (int m = 56; m < 60; m++) {
            int n = (t.isObserved(m, 2) ? 1 : 0) + (t.isObserved(m, 3) ? 1 : 0);
            expected += n;
            if (n > 0) {
                models.add("m" + m);
            }
        }
        assertEquals(models, r.heldOutModels());
        assertEquals(expected, r.heldOutCells());
        r.methods().forEach(m -> System.out.println("newest: " + m));
        assertTrue(r.methods().get(0).mae() < 0.05, "ALS MAE " + r.methods().get(0).mae());
    }

    /** A model above every model measured on a benchmark: its predicted cell is flagged, the others are not. */
    @Test
    void extrapolatedCellsAreFlaggedAsUntrustworthy() {
        double n = Double.NaN;
        double[][] x = new double[12][];
        List<String> models = new ArrayList<>();
        for (int m = 0; m < 11; m++) {
            double c = 0.2 + 0.05 * m;
            x[m] = new double[] {c, c + 0.02 * Math.sin(m), 0.9 * c + 0.01 * Math.cos(m)};
            models.add("m" + m);
        }
        x[3][2] = n;
        x[11] = new double[] {0.95, 0.97, n}; // stronger than every model measured on b2
        models.add("frontier");
        ScoreMatrix t = new ScoreMatrix(models, List.of("b0", "b1", "b2"), x);
        MatrixCompletion.Result r = MatrixCompletion.complete(t, null, Settings.of(Method.NEAREST_MODELS, 20, 1));
        MatrixCompletion.Prediction frontier = r.predictions().stream().filter(p -> p.model().equals("frontier")).findFirst().orElseThrow();
        MatrixCompletion.Prediction inside = r.predictions().stream().filter(p -> p.model().equals("m3")).findFirst().orElseThrow();
        assertTrue(frontier.warning() != null && frontier.warning().contains(MatrixCompletion.EXTRAPOLATION), frontier.toString());
        assertTrue(inside.warning() == null || !inside.warning().contains(MatrixCompletion.EXTRAPOLATION), inside.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 of 2 predicted cells are extrapolations")), r.warnings().toString());
    }

    /**
     * ObsScaling's split as a matrix backtest: models above 8.4e22 FLOPs (or of unknown FLOPs) lose their
     * leaderboard-v2 cells and are predicted from their v1 scores and the other models. Measured: ALS MAE
     * 0.082, nearest models 0.067 — extrapolating to stronger models is harder than random masking, and the
     * intervals (whose residual is estimated on random cells) covered only about a third of the cells, which
     * the backtest must say.
     */
    @Test
    void computeThresholdOnTheObsScalingTable() throws IOException {
        ScoreMatrix table = CapabilityIndexReferenceTest.obsScalingTable();
        MatrixData.ObsScaling v2 = MatrixData.obsScaling();
        List<String> lines = java.nio.file.Files.readAllLines(io.augur.testing.SharedData.require("scaling/obsscaling_base_llm_benchmark_eval.csv"));
        List<String> header = MatrixData.splitCsv(lines.get(0));
        double[] flops = new double[table.modelCount()];
        for (String l : lines.subList(1, lines.size())) {
            List<String> c = MatrixData.splitCsv(l);
            flops[table.modelIndex(c.get(0), "model")] = MatrixData.num(c.get(header.indexOf("FLOPs (1E21)")));
        }
        List<String> targets = new ArrayList<>(v2.targetNames());
        Backtest.Result r = Backtest.run(table, new Backtest.ComputeThreshold(84, flops, targets),
                List.of(Settings.of(Method.ALTERNATING_LEAST_SQUARES, 50, 1), Settings.of(Method.NEAREST_MODELS, 50, 1)));
        r.methods().forEach(m -> System.out.printf("ObsScaling split as a matrix backtest: %-28s MAE %.4f RMSE %.4f MAE@2 %.3f coverage %.3f (%d cells);"
                + " flagged as extrapolation %d, their coverage %.3f%n",
                m.method(), m.mae(), m.rmse(), m.maeAt2(), m.coverage(), m.cells(), m.extrapolatedCells(), m.extrapolatedCoverage()));
        assertEquals(40 * 6, r.heldOutCells(), "40 held-out models x 6 leaderboard-v2 benchmarks");
        assertTrue(r.methods().get(0).mae() < 0.1, "ALS MAE " + r.methods().get(0).mae());
        assertTrue(r.methods().get(0).coverage() < 0.85);
        // the strongest held-out models lie above every model measured on the targets: flagged, and their intervals the worst
        // (measured: 96 of 240 cells flagged; ALS coverage 0.292 flagged vs 0.338 overall, nearest models 0.333 vs 0.408)
        for (Backtest.Metrics m : r.methods()) {
            assertTrue(m.extrapolatedCells() > 0 && m.extrapolatedCells() < m.cells(), m.toString());
            assertTrue(m.extrapolatedCoverage() <= m.coverage(), m.toString());
        }
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("understate")), r.warnings().toString());
    }
}
