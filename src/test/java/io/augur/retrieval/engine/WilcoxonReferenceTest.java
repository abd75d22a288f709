package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.retrieval.engine.significance.PairedComparison;
import io.augur.retrieval.engine.significance.PairedTests;
import io.augur.retrieval.engine.significance.SignificanceOptions;
import io.augur.retrieval.engine.significance.TestResult;
import io.augur.retrieval.engine.significance.WilcoxonSignedRank;
import io.augur.retrieval.engine.significance.WilcoxonSignedRank.ZeroMethod;
import io.augur.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Wilcoxon signed-rank p-values equal scipy.stats.wilcoxon's (scipy 1.17.1) for every zero_method and
 * continuity-correction setting, on Robust03 per-query values (differences a - b in query order; the first
 * n queries where n is given, to reach the exact and the permutation paths). Reference values from
 * {@code python3 src/test/resources/retrieval/wilcoxon_reference.py ../shared/data/ir/robust03}, which
 * computes the per-query values with trec_eval_subset.py --full and calls
 * {@code scipy.stats.wilcoxon(d, zero_method=zm, correction=corr).pvalue}.
 */
class WilcoxonReferenceTest {

    static Stream<Arguments> scipy() {
        return Stream.of(
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "wilcox", false, 0.3039220149315086),
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "wilcox", true, 0.3047313651178153),
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "pratt", false, 0.3039220149315086),
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "pratt", true, 0.3047313651178153),
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "zsplit", false, 0.3039220149315086),
                Arguments.of("pircRBa1", "aplrob03a", "map", 0, "zsplit", true, 0.3047313651178153),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "wilcox", false, 0.48035093011680097),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "wilcox", true, 0.4833626626285724),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "pratt", false, 0.23452501873988563),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "pratt", true, 0.23525014129920507),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "zsplit", false, 0.2591967193891096),
                Arguments.of("pircRBa1", "aplrob03a", "recip_rank", 0, "zsplit", true, 0.25993482602272633),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "wilcox", false, 0.7850356347018297),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "wilcox", true, 0.7870333494741304),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "pratt", false, 0.6658294355151365),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "pratt", true, 0.6670905745780046),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "zsplit", false, 0.6675861326083325),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 0, "zsplit", true, 0.6688415178221001),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "wilcox", false, 2.8497050778679483e-09),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "wilcox", true, 2.8902230814656772e-09),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "pratt", false, 2.201308412004871e-09),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "pratt", true, 2.2247617855291397e-09),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "zsplit", false, 2.4049318505024e-09),
                Arguments.of("NLPR03vb10", "humR03dc", "P_10", 0, "zsplit", true, 2.4304336964657077e-09),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "wilcox", false, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "wilcox", true, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "pratt", false, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "pratt", true, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "zsplit", false, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "map", 20, "zsplit", true, 0.4304332733154297),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "wilcox", false, 0.890625),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "wilcox", true, 0.890625),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "pratt", false, 0.484375),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "pratt", true, 0.484375),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "zsplit", false, 0.484375),
                Arguments.of("pircRBa1", "aplrob03a", "P_10", 12, "zsplit", true, 0.484375)
        );
    }

    private static final Map<String, EvaluationResult> EVALUATED = new HashMap<>();

    static synchronized double[] values(String run, String measure, int first) {
        Path dir = SharedData.require("ir/robust03");
        EvaluationResult r = EVALUATED.computeIfAbsent(run, k -> TrecEval.evaluate(
                TrecEval.readQrels(dir.resolve("qrels.txt")), dir.resolve("runs/input." + k + ".gz"),
                TrecEvalOptions.fromArgs("-q", "-m", "map", "-m", "recip_rank", "-m", "P.10")));
        double[] v = r.perQuery(measure);
        return first > 0 ? java.util.Arrays.copyOf(v, first) : v;
    }

    @ParameterizedTest(name = "{0} - {1} {2} first {3}: {4} correction {5}")
    @MethodSource("scipy")
    void pValueEqualsScipys(String runA, String runB, String measure, int first, String zeroMethod, boolean correction,
            double scipyP) {
        double[] a = values(runA, measure, first);
        double[] b = values(runB, measure, first);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        TestResult t = WilcoxonSignedRank.test(d, ZeroMethod.valueOf(zeroMethod.toUpperCase(Locale.ROOT)), correction);
        assertEquals(scipyP, t.pValue(), 1e-12 * Math.max(scipyP, 1e-3), t.method());
    }

    @Test
    void comparisonUsesScipysDefaultAndStatesTheMethod() {
        double[] a = values("pircRBa1", "recip_rank", 0);
        double[] b = values("aplrob03a", "recip_rank", 0);
        PairedComparison c = PairedTests.compare("pircRBa1", a, "aplrob03a", b, "recip_rank",
                SignificanceOptions.defaults());
        // issue 9: 0.227 before; scipy's default (zeros dropped, no correction) gives 0.480
        assertEquals(0.48035093011680097, c.wilcoxon().pValue(), 1e-12);
        assertTrue(c.wilcoxon().method().contains("normal approximation"), c.wilcoxon().method());
        assertTrue(c.wilcoxon().method().contains("zero_method 'wilcox'"), c.wilcoxon().method());
        assertTrue(c.wilcoxon().method().contains("without continuity correction"), c.wilcoxon().method());
        PairedComparison pratt = PairedTests.compare("pircRBa1", a, "aplrob03a", b, "recip_rank",
                SignificanceOptions.defaults().withWilcoxon(ZeroMethod.PRATT, true));
        assertEquals(0.23525014129920507, pratt.wilcoxon().pValue(), 1e-12);
    }
}
