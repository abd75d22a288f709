package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * trec_eval's own regression cases (usnistgov/trec_eval 10.0 test/): our text output must equal the
 * expected file byte for byte. Commands from the shared data README.
 */
class TrecEvalReferenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("out.test", "qrels.test", "results.test", new String[] {}),
                Arguments.of("out.test", "qrels.test.with-comments", "results.test", new String[] {}),
                Arguments.of("out.comment.test", "qrels.comment.test", "results.comment.test", new String[] {}),
                Arguments.of("out.test.a", "qrels.test", "results.test", new String[] {"-m", "all_trec"}),
                Arguments.of("out.test.aq", "qrels.test", "results.test", new String[] {"-m", "all_trec", "-q"}),
                Arguments.of("out.test.aqc", "qrels.test", "results.trunc", new String[] {"-m", "all_trec", "-q", "-c"}),
                Arguments.of("out.test.aqcM", "qrels.test", "results.trunc",
                        new String[] {"-m", "all_trec", "-q", "-c", "-M100"}),
                Arguments.of("out.test.aql", "qrels.rel_level", "results.test",
                        new String[] {"-m", "all_trec", "-mrelstring.20", "-q", "-l2"}),
                Arguments.of("out.test.meas_params", "qrels.test", "results.test", new String[] {"-q",
                        "-miprec_at_recall..10,.20,.25,.75,.50", "-m", "P.5,7,3", "-m", "recall.20,2000", "-m",
                        "Rprec_mult.5.0,0.2,0.35", "-mutility.2,-1,0,0", "-m", "11pt_avg..25,.5,.75",
                        "-mndcg.1=3,2=9,4=4.5", "-mndcg_cut.10,20,23.4", "-msuccess.2,5,20"}));
    }

    @ParameterizedTest(name = "{0} from {1} {2}")
    @MethodSource("cases")
    void textOutputIsIdentical(String expected, String qrelsFile, String runFile, String[] args) throws IOException {
        Path dir = SharedData.require("ir/trec_eval_tests");
        Qrels qrels = TrecEval.readQrels(dir.resolve(qrelsFile));
        EvaluationResult r = TrecEval.evaluate(qrels, dir.resolve(runFile), TrecEvalOptions.fromArgs(args));
        String want = Files.readString(dir.resolve(expected), StandardCharsets.ISO_8859_1);
        assertEquals(want, TrecEvalText.format(r));
    }

    @ParameterizedTest(name = "streamed {0}")
    @MethodSource("cases")
    void streamAndFileGiveTheSameOutput(String expected, String qrelsFile, String runFile, String[] args)
            throws IOException {
        Path dir = SharedData.require("ir/trec_eval_tests");
        Qrels qrels = TrecEval.readQrels(dir.resolve(qrelsFile));
        TrecEvalOptions o = TrecEvalOptions.fromArgs(args);
        try (InputStream in = Files.newInputStream(dir.resolve(runFile))) {
            String streamed = TrecEvalText.format(TrecEval.evaluate(qrels, in, o));
            assertEquals(TrecEvalText.format(TrecEval.evaluate(qrels, dir.resolve(runFile), o)), streamed);
        }
    }
}
