package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import io.augur.stats.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12's bad inputs: each refused with the field named. */
class BadInputTest {

    static final double N = Double.NaN;

    private static InvalidInputException refuse(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e);
    }

    @Test
    void modelOrBenchmarkWithoutAnyObservedCell() {
        var e = refuse(() -> new ScoreMatrix(List.of("a", "b"), List.of("x", "y"), new double[][] {{0.1, 0.2}, {N, N}}));
        assertEquals("models[1]", e.field());
        assertTrue(e.reason().contains("'b' has no observed score"), e.reason());
        e = refuse(() -> new ScoreMatrix(List.of("a", "b"), List.of("x", "y"), new double[][] {{0.1, N}, {0.3, N}}));
        assertEquals("benchmarks[1]", e.field());
    }

    @Test
    void rankLargerThanTheDataAllows() {
        ScoreMatrix t = CompletionTest.smallTable();
        var e = refuse(() -> MatrixCompletion.complete(t, null, Settings.of(Method.ALTERNATING_LEAST_SQUARES, 10, 1).withRank(6)));
        assertEquals("rank", e.field());
        assertTrue(e.reason().contains("larger than the data allows"), e.reason());
        assertEquals(2, MatrixCompletion.maxRank(t));
        double[][] big = new double[400][300];
        for (int m = 0; m < 400; m++) {
            for (int b = 0; b < 300; b++) {
                big[m][b] = Math.sin(m * 0.37 + b * 0.11);
            }
        }
        ScoreMatrix large = new ScoreMatrix(CompletionTest.names("m", 400), CompletionTest.names("b", 300), big);
        var s = refuse(() -> MatrixCompletion.complete(large, List.of(), Settings.of(Method.SOFT_IMPUTE, 10, 1)));
        assertEquals("method", s.field());
    }

    @Test
    void targetWithNoTrainingRowsUnderTheHoldout() {
        ScoreMatrix t = CompletionTest.smallTable();
        double[] compute = {1, 1, 1, 1, 9, 9, 9, 9};
        // b0 is missing for models 0 and 3 ((m*7) % 5 == 0 for m = 0, 5): make every model with b0 held out
        double[] high = {9, 9, 9, 9, 9, 9, 9, 9};
        var e = refuse(() -> Backtest.run(t, new Backtest.ComputeThreshold(5, high, List.of("b0")),
                List.of(Settings.of(Method.NEAREST_MODELS, 0, 1))));
        assertEquals("holdout.targets", e.field());
        assertTrue(e.reason().contains("no training rows"), e.reason());
        double[][] pred = new double[8][3];
        double[] target = new double[8];
        for (int m = 0; m < 8; m++) {
            pred[m] = new double[] {0.1 * m, 0.05 * m * m % 1, 0.3 + 0.01 * m};
            target[m] = m < 4 ? N : 0.5;
        }
        var o = refuse(() -> ObservationalScaling.fit(new ObservationalScaling.Input(CompletionTest.names("m", 8), List.of("p", "q", "r"),
                pred, "t", target, 0.25, compute, 5, null), ObservationalScaling.Settings.defaults(10, 1)));
        assertEquals("holdout", o.field());
        assertTrue(o.reason().contains("no training rows"), o.reason());
        assertTrue(compute.length == 8);
    }

    @Test
    void constantColumns() {
        var e = refuse(() -> new ScoreMatrix(List.of("a", "b", "c"), List.of("x", "y"), new double[][] {{0.1, 0.5}, {0.2, 0.5}, {0.4, N}}));
        assertEquals("benchmarks[1]", e.field());
        assertTrue(e.reason().contains("constant"), e.reason());
        var f = refuse(() -> ModelFeatures.of(3, Map.of("logParams", new double[] {2, 2, N}), null, "modelFeatures"));
        assertEquals("modelFeatures.logParams", f.field());
        double[][] pred = new double[8][];
        double[] target = new double[8];
        double[] compute = new double[8];
        for (int m = 0; m < 8; m++) {
            pred[m] = new double[] {0.1 * m, 0.7, 0.3 + 0.01 * m * m};
            target[m] = 0.3 + 0.05 * m;
            compute[m] = m;
        }
        var o = refuse(() -> ObservationalScaling.fit(new ObservationalScaling.Input(CompletionTest.names("m", 8), List.of("p", "q", "r"),
                pred, "t", target, 0.25, compute, 6, null), ObservationalScaling.Settings.defaults(10, 1)));
        assertEquals("predictors.q", o.field());
    }

    @Test
    void costsMissingForACandidate() {
        ScoreMatrix t = CompletionTest.smallTable();
        var e = refuse(() -> ModelChoice.choose(t, List.of("m1", "m2"), Map.of("b1", 1.0), Map.of("m1", 1.0), null,
                Settings.of(Method.NEAREST_MODELS, 10, 1)));
        assertEquals("costs.m2", e.field());
    }
}
