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

    @Test
    void nanIsPaddedToTheFieldWidthAsPrintfDoes() {
        // derived from m_Rndcg.c: with -l0 a query judged only at level 0 has num_rel = 1 but every gain is 0,
        // so no ideal-gain boundary is met and trec_eval divides 0.0 by 0 changes: "%6.4f" of -nan is "  -nan"
        assertEquals("Rndcg                 \tq1\t  -nan\nRndcg                 \tall\t  -nan\n",
                TrecEvalText.format(eval("q1 0 d1 0\n", "q1 Q0 d1 1 1 r\n", "-q", "-l0", "-m", "Rndcg")));
        // m_iprec_at_recall.c: with -J and nothing judged retrieved, num_ret = 0 and precision 0/0 reaches
        // the recall-0 point; P_5 stays 0
        assertEquals("iprec_at_recall_0.00  \tq1\t  -nan\nP_5                   \tq1\t0.0000\n"
                        + "iprec_at_recall_0.00  \tall\t  -nan\nP_5                   \tall\t0.0000\n",
                TrecEvalText.format(eval("q1 0 d1 1\n", "q1 Q0 x 1 1 r\n", "-q", "-J", "-m", "iprec_at_recall.0",
                        "-m", "P.5")));
        assertEquals("   inf", CFormat.fixed(Double.POSITIVE_INFINITY, 6, 4));
        assertEquals("-0.5000", CFormat.fixed(-0.5, 6, 4));
    }

    @Test
    void setMapIsOneExpressionAsInTrecEval() {
        // 7 of 8 relevant documents among 100 retrieved: 7^2 / (100 x 8) = 49/800 = 0.06125, whose double
        // lies below the boundary (trec_eval prints 0.0612); set_P x set_recall = 0.07 x 0.875 lies above
        StringBuilder qrels = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            qrels.append("q1 0 r").append(i).append(" 1\n");
        }
        for (int i = 0; i < 100; i++) {
            run.append("q1 Q0 ").append(i < 7 ? "r" + i : "n" + i).append(" 1 ").append(1000 - i).append(" r\n");
        }
        assertEquals("set_map               \tq1\t0.0612\n",
                TrecEvalText.format(eval(qrels.toString(), run.toString(), "-q", "-n", "-m", "set_map")));
        assertEquals("0.0613", CFormat.fixed((7.0 / 100) * (7.0 / 8), 4));
    }

    @Test
    void relativePrecisionOfAQueryWithoutRelevantDocumentsIsZero() {
        // -l2: q2 has no document at level 2; trec_eval's m_rel_P.c returns before writing (0.0000), and
        // m_set_rel_P.c needs num_ret and num_rel non-zero
        EvaluationResult r = eval(QRELS, "q1 Q0 d4 1 3 r\nq2 Q0 a 1 1 r\n", "-q", "-l2", "-m", "relative_P.1",
                "-m", "set_relative_P");
        assertEquals(0.0, r.queries().get(1).value("relative_P_1"));
        assertEquals(0.0, r.queries().get(1).value("set_relative_P"));
        assertEquals(0.5, r.summaryValue("relative_P_1"));
        // -J with nothing judged retrieved: num_ret = 0, so set_relative_P is 0, not 0/0
        assertEquals(0.0, eval(QRELS, "q1 Q0 zz 1 3 r\n", "-J", "-m", "set_relative_P").summaryValue("set_relative_P"));
    }

    @Test
    void setFParameterIsTrecEvalsXNotASquaredBeta() {
        // 2 of 4 relevant among 5 retrieved: P = 0.4, R = 0.5; x = 0.25: 1.25 P R / (0.25 P + R) = 0.25 / 0.6
        String qrels = "q1 0 a 1\nq1 0 b 1\nq1 0 c 1\nq1 0 d 1\n";
        String run = "q1 Q0 a 1 5 r\nq1 Q0 x 2 4 r\nq1 Q0 b 3 3 r\nq1 Q0 y 4 2 r\nq1 Q0 z 5 1 r\n";
        assertEquals(1.25 * 0.4 * 0.5 / (0.25 * 0.4 + 0.5), eval(qrels, run, "-m", "set_F.0.25").summaryValue("set_F_0.25"));
        assertEquals("set_F_0.25            \tall\t0.4167\n", TrecEvalText.format(eval(qrels, run, "-m", "set_F.0.25")));
    }

    @Test
    void completeSummaryNumRelCountsEveryPositiveLineIgnoringTheLevel() {
        // m_num_rel.c te_calc_avg_num_rel: under -c the summary is the count of qrels lines with rel > 0
        EvaluationResult c = eval(QRELS, "q1 Q0 d4 1 3 r\n", "-c", "-q", "-l2", "-m", "num_rel");
        assertEquals(1, c.queries().get(0).value("num_rel"));
        assertEquals(0, c.queries().get(1).value("num_rel"));
        assertEquals(4, c.summaryValue("num_rel"));
        assertEquals(1, eval(QRELS, "q1 Q0 d4 1 3 r\n", "-l2", "-m", "num_rel").summaryValue("num_rel"));
    }

    @Test
    void qrelsQueriesAbsentFromTheRunAreListed() {
        EvaluationResult r = eval(QRELS + "q3 0 z 1\n", "q1 Q0 d1 1 3 r\n");
        assertEquals(java.util.List.of("q2", "q3"), r.missingQueries());
        assertEquals(1, r.summaryValue("num_q"));
        EvaluationResult c = eval(QRELS + "q3 0 z 1\n", "q1 Q0 d1 1 3 r\n", "-c");
        assertEquals(java.util.List.of("q2", "q3"), c.missingQueries());
        assertEquals(3, c.summaryValue("num_q"));
    }

    @Test
    void relevanceIsBoundedAndMemoryDoesNotGrowWithIt() {
        InvalidInputException big = assertThrows(InvalidInputException.class, () -> qrels("q1 0 d1 1000000000\n"));
        assertEquals("qrels line 1", big.field());
        assertTrue(big.reason().contains("between -1000000 and 1000000"), big.reason());
        assertThrows(InvalidInputException.class, () -> qrels("q1 0 d1 99999999999999999999999\n"));
        assertThrows(InvalidInputException.class, () -> qrels("q1 0 d1 -1000001\n"));
        // the largest grade works, with per-level counts rather than an array of a million entries
        String qrels = "q1 0 d1 1000000\nq1 0 d2 1\nq1 0 d3 0\n";
        String run = "q1 Q0 d2 1 2 r\nq1 Q0 d1 2 1 r\n";
        EvaluationResult r = eval(qrels, run, "-m", "ndcg", "-m", "ndcg_cut.1,2", "-m", "bpref", "-m", "relstring",
                "-q", "-l1000000");
        double dcg = 1 / log2(2) + 1e6 / log2(3);
        double idcg = 1e6 / log2(2) + 1 / log2(3);
        assertEquals(dcg / idcg, r.summaryValue("ndcg"), 1e-15);
        assertEquals((1 / log2(2)) / (1e6 / log2(2)), r.summaryValue("ndcg_cut_1"), 1e-15);
        assertEquals(dcg / idcg, r.summaryValue("ndcg_cut_2"), 1e-15);
        assertEquals((2 / log2(2) + 1e6 / log2(3)) / (1e6 / log2(2) + 2 / log2(3)),
                eval(qrels, run, "-m", "ndcg.1=2").summaryValue("ndcg_1=2"), 1e-15);
        assertEquals(0.0, r.summaryValue("bpref")); // the one relevant doc (level 1e6) is ranked below a nonrelevant one
        assertEquals("1>", r.queries().get(0).values().stream().filter(v -> v.name().equals("relstring")).findFirst()
                .orElseThrow().text());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void manyDuplicateQrelsLinesCostLinearTimeAndNameTheLine() {
        StringBuilder qrels = new StringBuilder(480_001 * 12);
        qrels.append("q1 0 d1 1\n");
        for (int i = 0; i < 480_000; i++) {
            qrels.append("q1 0 d1 1\n");
        }
        Qrels q = qrels(qrels.toString());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrecEval.evaluate(q,
                new ByteArrayInputStream("q1 Q0 d1 1 1 r\n".getBytes(StandardCharsets.ISO_8859_1)),
                TrecEvalOptions.defaults()));
        assertEquals("qrels line 2", e.field());
        StringBuilder run = new StringBuilder(480_001 * 18);
        for (int i = 0; i <= 480_000; i++) {
            run.append("q1 Q0 d1 1 ").append(i % 7).append(" r\n");
        }
        InvalidInputException r = assertThrows(InvalidInputException.class, () -> eval(QRELS, run.toString()));
        assertTrue(r.reason().contains("duplicate document 'd1'"), r.reason());
    }

    @Test
    void rbpRescalesByUnjudgedLevelsAsTrecEvalLists0ToTheMaxLevel() {
        // m_rbp.c over gain_init.c: levels 0..3 are listed (gains 0, 1, 2 and the parameter's 1 for level 3), so
        // max = 2 > 1 and gains are rescaled: d1 (level 3) gets 0.5, rbp = (1 - 0.9) x 0.5
        String qrels = "q1 0 d1 3\nq1 0 d2 0\n";
        assertEquals(0.1 * 0.5, eval(qrels, "q1 Q0 d1 1 1 r\n", "-m", "rbp.3=1").summaryValue("rbp_3=1"), 1e-15);
        // the same with grades far apart (beyond any dense listing): the highest unnamed level, 999999, sets max
        String far = "q1 0 d1 1000000\nq1 0 d2 0\n";
        assertEquals(0.1 * (1 / 999_999.0), eval(far, "q1 Q0 d1 1 1 r\n", "-m", "rbp.1000000=1")
                .summaryValue("rbp_1000000=1"), 1e-15);
    }
}
