package io.augur.retrieval.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecEvalUnitTest {

    static final String QRELS = """
            q1 0 d1 1
            q1 0 d2 0
            q1 0 d3 1
            q1 0 d4 2
            q2 0 a 1
            q2 0 b 0
            """;

    static Qrels qrels(String s) {
        return Qrels.parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static EvaluationResult eval(String qrels, String run, String... args) {
        return TrecEval.evaluate(qrels(qrels), new ByteArrayInputStream(run.getBytes(StandardCharsets.ISO_8859_1)),
                TrecEvalOptions.fromArgs(args));
    }

    @Test
    void averagePrecisionByHand() {
        // ranking d1 (rel), d2 (non), d3 (rel); R = 3 (d4 never retrieved): AP = (1/1 + 2/3) / 3
        EvaluationResult r = eval(QRELS, """
                q1 Q0 d1 1 3.0 run
                q1 Q0 d2 2 2.0 run
                q1 Q0 d3 3 1.0 run
                """, "-q", "-m", "map", "-m", "P.2", "-m", "recip_rank");
        assertEquals((1 + 2.0 / 3) / 3, r.queries().get(0).value("map"), 1e-12);
        assertEquals(0.5, r.queries().get(0).value("P_2"), 1e-12);
        assertEquals(1, r.summaryValue("recip_rank"), 1e-12);
    }

    @Test
    void rankColumnIsIgnoredAndTiesGoToTheLargerDocno() {
        // equal scores: trec_eval orders d3 before d1 (docno descending), whatever the rank column says
        EvaluationResult r = eval(QRELS, """
                q1 Q0 d2 1 5 run
                q1 Q0 d1 2 5 run
                q1 Q0 d3 3 5 run
                """, "-q", "-m", "relstring");
        assertEquals("101", r.queries().get(0).values().get(0).text());
    }

    @Test
    void queriesWithoutJudgmentsAreSkippedAndCommentsIgnored() {
        EvaluationResult r = eval(QRELS, """
                # a comment line
                q1 Q0 d1 1 3.0 run
                zz Q0 x 1 3.0 run

                q2 Q0 a 1 1.0 last
                """);
        assertEquals(2, r.summaryValue("num_q"));
        assertEquals("last", r.runId());
        assertEquals(2, r.summaryValue("num_ret"));
    }

    @Test
    void ungroupedRunEqualsGroupedRun() {
        String grouped = "q1 Q0 d1 1 3 r\nq1 Q0 d2 1 2 r\nq2 Q0 a 1 1 r\nq2 Q0 b 1 2 r\n";
        String ungrouped = "q1 Q0 d1 1 3 r\nq2 Q0 a 1 1 r\nq1 Q0 d2 1 2 r\nq2 Q0 b 1 2 r\n";
        assertEquals(TrecEvalText.format(eval(QRELS, grouped, "-q", "-m", "all_trec")),
                TrecEvalText.format(eval(QRELS, ungrouped, "-q", "-m", "all_trec")));
    }

    @Test
    void ungroupedStreamBeyondTheRetentionBudgetIsRejectedButAFileIsReadAgain(@TempDir Path tmp) throws IOException {
        String ungrouped = "q1 Q0 d1 1 3 r\nq2 Q0 a 1 1 r\nq1 Q0 d2 1 2 r\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrecEval.evaluate(qrels(QRELS),
                new ByteArrayInputStream(ungrouped.getBytes(StandardCharsets.ISO_8859_1)), TrecEvalOptions.defaults(), 0));
        assertEquals("run line 3", e.field());
        Path f = tmp.resolve("run.txt");
        Files.writeString(f, ungrouped);
        EvaluationResult r = TrecEval.evaluate(qrels(QRELS), f, TrecEvalOptions.defaults());
        assertEquals(3, r.summaryValue("num_ret"));
    }

    @Test
    void duplicateDocumentIsRejectedWithItsLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> eval(QRELS, "q1 Q0 d1 1 3 r\nq1 Q0 d2 2 2 r\nq1 Q0 d1 3 1 r\n"));
        assertEquals("run line 3", e.field());
        assertTrue(e.reason().contains("duplicate document 'd1'"), e.reason());
    }

    @Test
    void duplicateBeyondTheDepthIsIgnoredAsTrecEvalDoes() {
        EvaluationResult r = eval(QRELS, "q1 Q0 d1 1 3 r\nq1 Q0 d2 2 2 r\nq1 Q0 d1 3 1 r\n", "-M2");
        assertEquals(2, r.summaryValue("num_ret"));
    }

    @Test
    void malformedLinesNameTheLineAndTheReason() {
        InvalidInputException few = assertThrows(InvalidInputException.class,
                () -> eval(QRELS, "q1 Q0 d1 1 3 r\nq1 Q0 d2 2\n"));
        assertEquals("run line 2", few.field());
        assertTrue(few.reason().contains("expected 6 fields"));
        InvalidInputException score = assertThrows(InvalidInputException.class,
                () -> eval(QRELS, "q1 Q0 d1 1 high r\n"));
        assertEquals("run line 1", score.field());
        assertTrue(score.reason().contains("score 'high' is not a number"));
        InvalidInputException rel = assertThrows(InvalidInputException.class, () -> qrels("q1 0 d1 1\nq1 0 d2 yes\n"));
        assertEquals("qrels line 2", rel.field());
        // trec_eval v10 reads a qrels file with a docno judged twice and stops with "duplicate docs" only
        // when it evaluates that query; so do we, naming the repeating line
        String dup = "q1 0 d1 1\nq1 0 d1 0\nq2 0 a 1\n";
        assertEquals(2, qrels(dup).size());
        InvalidInputException dupQrels = assertThrows(InvalidInputException.class, () -> eval(dup, "q1 Q0 d1 1 3 r\n"));
        assertEquals("qrels line 2", dupQrels.field());
        assertTrue(dupQrels.reason().contains("first at line 1"), dupQrels.reason());
        assertEquals(1, eval(dup, "q2 Q0 a 1 3 r\n").summaryValue("num_q"));
        assertThrows(InvalidInputException.class, () -> eval(dup, "q2 Q0 a 1 3 r\n", "-c"));
    }

    @Test
    void emptyInputsAreRejected() {
        assertEquals("run", assertThrows(InvalidInputException.class, () -> eval(QRELS, "")).field());
        assertEquals("run", assertThrows(InvalidInputException.class, () -> eval(QRELS, "# only\n")).field());
        assertEquals("qrels", assertThrows(InvalidInputException.class, () -> qrels("")).field());
        assertEquals("run", assertThrows(InvalidInputException.class, () -> eval(QRELS, "zz Q0 d 1 1 r\n")).field());
    }

    @Test
    void unknownAndUnsupportedMeasuresAreNamed() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> eval(QRELS, "q1 Q0 d1 1 3 r\n", "-m", "P@10"));
        assertTrue(unknown.reason().contains("unknown measure 'P@10'"));
        InvalidInputException unsupported = assertThrows(InvalidInputException.class,
                () -> eval(QRELS, "q1 Q0 d1 1 3 r\n", "-m", "prefs_simp"));
        assertTrue(unsupported.reason().contains("unsupported measure 'prefs_simp'"));
        assertThrows(InvalidInputException.class, () -> eval(QRELS, "q1 Q0 d1 1 3 r\n", "-m", "P.0"));
    }

    @Test
    void completeFlagAveragesOverAllQrelsQueries() {
        EvaluationResult r = eval(QRELS, "q1 Q0 d1 1 3 r\n", "-c", "-q", "-m", "P.1", "-m", "num_ret");
        assertEquals(2, r.queries().size());
        assertTrue(r.queries().get(1).missing());
        assertEquals(0.5, r.summaryValue("P_1"), 1e-12);
        assertEquals(1, r.summaryValue("num_ret"));
    }

    @Test
    void relevanceLevelChangesWhatCountsAsRelevant() {
        EvaluationResult r = eval(QRELS, "q1 Q0 d1 1 3 r\nq1 Q0 d4 1 2 r\n", "-l2", "-m", "num_rel", "-m", "recip_rank");
        assertEquals(1, r.summaryValue("num_rel"));
        assertEquals(0.5, r.summaryValue("recip_rank"), 1e-12);
    }

    @Test
    void cFormatRoundsTheBinaryValueHalfToEven() {
        assertEquals("0.12", CFormat.fixed(0.125, 2));
        assertEquals("0.38", CFormat.fixed(0.375, 2));
        assertEquals("-0.0000", CFormat.fixed(-0.00001, 4));
        assertEquals("0.3333", CFormat.fixed(1.0 / 3, 4));
        assertEquals("-nan", CFormat.fixed(Double.NaN, 4));
    }

    @Test
    void scoreParserMatchesJavaOnManyForms() {
        String[] forms = {"0.7", "-3.25", "1e-3", "12345678901234567890", "0.000001234", "5", "+2.5", "1.0E5",
                "0.6898301657029192", "  "};
        for (String f : forms) {
            byte[] b = f.getBytes(StandardCharsets.ISO_8859_1);
            double want;
            try {
                want = Double.parseDouble(f);
            } catch (NumberFormatException e) {
                want = Double.NaN;
            }
            assertEquals(want, ByteText.parseDouble(b, 0, b.length), f);
        }
        byte[] bad = "12abc".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(Double.isNaN(ByteText.parseDouble(bad, 0, bad.length)));
    }
}
