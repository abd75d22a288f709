package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class DecisionTest {

    /**
     * RouteLLM / RouterBench metrics on a hand-computed case: 4 prompts, strong scores 1,1,1,0, weak
     * 0,1,0,0, cost 10 vs 1, router scores 0.9, 0.8, 0.7, 0.1. Curve (share, quality): (0, .25), (.25, .5),
     * (.5, .5), (.75, .75), (1, .75); AUC = .09375 + .125 + .15625 + .1875 = .5625; APGR = (.5625 - .25) / .5
     * = .625; 50% of the gap (.5) first reached at share .25 (cost 1 + .25 x 9 = 3.25); 80% (.65) at share
     * .5 + .6 x .25 = .65 (cost 6.85); AIQ: hull (1,.25) (3.25,.5) (7.75,.75) (10,.75), area 5.34375 over
     * the cost range 9 = .59375.
     */
    @Test
    void routerMetricsByHand() {
        List<RouterEvaluation.Result> rows = new ArrayList<>();
        double[] strong = {1, 1, 1, 0};
        double[] weak = {0, 1, 0, 0};
        Map<String, Double> router = new LinkedHashMap<>();
        double[] rs = {0.9, 0.8, 0.7, 0.1};
        for (int i = 0; i < 4; i++) {
            rows.add(new RouterEvaluation.Result("big", "p" + i, strong[i], 10));
            rows.add(new RouterEvaluation.Result("small", "p" + i, weak[i], 1));
            router.put("p" + i, rs[i]);
        }
        RouterEvaluation.Evaluation e = RouterEvaluation.evaluate(rows, "big", "small", router);
        assertEquals(0.5625, e.auc(), 1e-12);
        assertEquals(0.625, e.apgr(), 1e-12);
        assertEquals(0.25, e.strongShareFor50(), 1e-12);
        assertEquals(3.25, e.costFor50(), 1e-12);
        assertEquals(0.65, e.strongShareFor80(), 1e-12);
        assertEquals(6.85, e.costFor80(), 1e-12);
        assertEquals(0.59375, e.aiq(), 1e-12);
        assertEquals(5, e.curve().size());
        Map<String, Double> missing = new LinkedHashMap<>(router);
        missing.remove("p2");
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> RouterEvaluation.evaluate(rows, "big", "small", missing));
        assertEquals("routerScores.p2", x.field());
    }

    /** Benchmarks T and A are near-duplicates; model 0 lacks T, A, B and C: after T itself, measuring A helps T most. */
    @Test
    void nextMeasurementPrefersTheBenchmarkThatCarriesTheTarget() {
        int nm = 50;
        String[] bench = {"T", "A", "B", "C", "D", "E"};
        UniformRandomProvider rng = RandomStreams.of(11);
        double[][] x = new double[nm][bench.length];
        for (int m = 0; m < nm; m++) {
            double g = AlternatingLeastSquares.gaussian(rng);
            double h = AlternatingLeastSquares.gaussian(rng);
            x[m][0] = 0.5 + 0.1 * h + 0.01 * AlternatingLeastSquares.gaussian(rng);
            x[m][1] = 0.5 + 0.1 * h + 0.01 * AlternatingLeastSquares.gaussian(rng);
            for (int b = 2; b < bench.length; b++) {
                x[m][b] = 0.5 + 0.1 * g + 0.02 * b * h * 0 + 0.01 * AlternatingLeastSquares.gaussian(rng);
            }
        }
        for (int b = 0; b < 4; b++) {
            x[0][b] = Double.NaN;
        }
        ScoreMatrix t = new ScoreMatrix(CompletionTest.names("m", nm), List.of(bench), x);
        NextMeasurement.Result r = NextMeasurement.rank(t, "m0", List.of("T"),
                Settings.of(Method.ALTERNATING_LEAST_SQUARES, 200, 3).withRank(2));
        System.out.println("next: " + r);
        assertEquals("T", r.candidates().get(0).benchmark());
        assertEquals(1, r.candidates().get(0).fractionOfAskedVariance(), 1e-9);
        assertEquals("A", r.candidates().get(1).benchmark());
        assertTrue(r.candidates().get(1).varianceReduction() > 5 * r.candidates().get(2).varianceReduction());
        assertTrue(r.candidates().get(1).fractionOfAskedVariance() > 0.2, "measuring A pins down T");
        assertThrows(InvalidInputException.class, () -> NextMeasurement.rank(t, "m0", List.of("D"),
                Settings.of(Method.ALTERNATING_LEAST_SQUARES, 200, 3)), "D is measured");
    }

    @Test
    void choosingAModel() {
        ScoreMatrix t = CompletionTest.planted(30, 8, 0.3, 21);
        List<String> candidates = List.of("m1", "m2", "m3", "m4", "m5");
        Map<String, Double> costs = Map.of("m1", 1.0, "m2", 2.0, "m3", 3.0, "m4", 4.0, "m5", 5.0);
        Map<String, Double> profile = Map.of("b1", 2.0, "b2", 1.0);
        Settings s = Settings.of(Method.ALTERNATING_LEAST_SQUARES, 200, 8).withRank(2);
        ModelChoice.Result r = ModelChoice.choose(t, candidates, profile, costs, 3.0, s);
        r.options().forEach(o -> System.out.println("choice: " + o));
        assertEquals(1.0, r.options().stream().mapToDouble(ModelChoice.Option::probabilityBest).sum(), 1e-12);
        assertEquals(1.0, r.options().stream().mapToDouble(ModelChoice.Option::probabilityBestWithinBudget).sum(), 1e-12);
        ModelChoice.Option bestAffordable = r.options().stream().filter(o -> o.cost() <= 3.0)
                .max(java.util.Comparator.comparingDouble(ModelChoice.Option::quality)).orElseThrow();
        assertEquals(bestAffordable.model(), r.bestWithinBudget());
        // the cheapest candidate and the best-quality candidate are always on the front
        assertTrue(r.options().stream().filter(o -> o.model().equals("m1")).findFirst().orElseThrow().pareto());
        assertTrue(r.options().get(0).pareto());
        for (ModelChoice.Option o : r.options()) {
            for (ModelChoice.Option p : r.options()) {
                if (o.pareto() && p != o) {
                    assertTrue(!(p.cost() <= o.cost() && p.quality() > o.quality()), o.model() + " dominated by " + p.model());
                }
            }
            assertTrue(o.interval().lower() <= o.quality() + 0.05 && o.quality() - 0.05 <= o.interval().upper());
        }
        ModelChoice.Result none = ModelChoice.choose(t, candidates, profile, costs, 0.5, s);
        assertNull(none.bestWithinBudget());
        assertTrue(none.warnings().stream().anyMatch(w -> w.contains("budget")));
        Map<String, Double> partial = new LinkedHashMap<>(costs);
        partial.remove("m4");
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> ModelChoice.choose(t, candidates, profile, partial, null, s));
        assertEquals("costs.m4", x.field());
    }
}
