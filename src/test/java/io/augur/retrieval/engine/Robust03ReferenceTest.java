package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TREC 2003 Robust track runs (full of score ties): {@code -q -m all_trec} output must equal trec_eval
 * v10's, byte for byte.
 */
class Robust03ReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"pircRBa1", "aplrob03a", "NLPR03vb10"})
    void allTrecPerQueryOutputIsIdentical(String run) throws IOException {
        Path dir = SharedData.require("ir/robust03");
        Qrels qrels = TrecEval.readQrels(dir.resolve("qrels.txt"));
        EvaluationResult r = TrecEval.evaluate(qrels, dir.resolve("runs/input." + run + ".gz"),
                TrecEvalOptions.fromArgs("-q", "-m", "all_trec"));
        String want;
        try (InputStream in = TrecEval.open(dir.resolve("expected/" + run + ".trec_eval10.all_trec.q.txt.gz"))) {
            want = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String got = TrecEvalText.format(r);
        if (!want.equals(got)) {
            String[] w = want.split("\n");
            String[] g = got.split("\n");
            for (int i = 0; i < Math.min(w.length, g.length); i++) {
                assertEquals(w[i], g[i], "first differing line " + (i + 1));
            }
        }
        assertEquals(want, got);
    }
}
