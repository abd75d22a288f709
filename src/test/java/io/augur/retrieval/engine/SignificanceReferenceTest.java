package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.retrieval.engine.significance.PairedComparison;
import io.augur.retrieval.engine.significance.PairedTests;
import io.augur.retrieval.engine.significance.RunScores;
import io.augur.retrieval.engine.significance.SignificanceOptions;
import io.augur.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Robust03 MAP, pircRBa1 vs aplrob03a: published paired t-test t = 0.920, p = 0.360. */
class SignificanceReferenceTest {

    @Test
    void robust03MapPircVersusApl() {
        Path dir = SharedData.require("ir/robust03");
        Qrels qrels = TrecEval.readQrels(dir.resolve("qrels.txt"));
        TrecEvalOptions o = TrecEvalOptions.fromArgs("-m", "map");
        RunScores a = RunScores.of("pircRBa1", TrecEval.evaluate(qrels, dir.resolve("runs/input.pircRBa1.gz"), o), "map");
        RunScores b = RunScores.of("aplrob03a", TrecEval.evaluate(qrels, dir.resolve("runs/input.aplrob03a.gz"), o), "map");
        assertEquals(a.queryIds(), b.queryIds());
        SignificanceOptions so = SignificanceOptions.defaults().withPermutations(100_000);
        PairedComparison c = PairedTests.compare("pircRBa1", a.values(), "aplrob03a", b.values(), "map", so);
        assertEquals(100, c.queries());
        assertEquals(0.920, Math.abs(c.tTest().statistic()), 0.0005);
        assertEquals(0.360, c.tTest().pValue(), 0.0005);
        // Monte Carlo standard error at p = 0.36 with 100,000 flips is 0.0015
        assertEquals(0.36, c.randomization().pValue(), 0.01);
        assertEquals(100_000, c.randomization().samples());
        // the t interval of the difference contains 0 exactly when p > 0.05
        assertEquals(true, c.meanDifferenceInterval().contains(0.0));
        // same seed, same answer
        PairedComparison again = PairedTests.compare("pircRBa1", a.values(), "aplrob03a", b.values(), "map", so);
        assertEquals(c.randomization().pValue(), again.randomization().pValue());
        assertEquals(c.bootstrapInterval(), again.bootstrapInterval());
        System.out.printf("Robust03 MAP pircRBa1 - aplrob03a: diff %.4f t %.4f p %.4f, randomization p %.4f,"
                + " Wilcoxon p %.4f, bootstrap p %.4f, d_z %.3f%n", c.meanDifference(), c.tTest().statistic(),
                c.tTest().pValue(), c.randomization().pValue(), c.wilcoxon().pValue(), c.bootstrap().pValue(),
                c.cohensD());
    }
}
