package io.augur.retrieval.api;

import static io.augur.testing.Multipart.gzip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetrievalEvaluationResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String PATH = "/api/v1/retrieval/evaluations";

    static final String QRELS = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 1\n";
    // q1: d3 (rel), d1 (rel), d2 -> AP 1; q2: d2 (not judged), d1 (rel) -> AP 0.5
    static final String RUN = "q1 Q0 d3 1 2.5 myrun\nq1 Q0 d1 2 1.5 myrun\nq1 Q0 d2 3 0.5 myrun\n"
            + "q2 Q0 d2 1 0.9 myrun\nq2 Q0 d1 2 0.8 myrun\n";

    static String json(String qrels, String run, String extra) {
        return "{\"qrels\": " + quote(qrels) + ", \"run\": " + quote(run) + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    @Test
    void jsonTextInputGivesSummaryAndPerQuery() {
        given().contentType(ContentType.JSON)
                .body(json(QRELS, RUN, "\"measures\": [\"map\", \"P.1,2\", \"num_rel_ret\"], \"perQuery\": true"))
                .post(PATH).then().statusCode(200).contentType(ContentType.JSON)
                .body("runId", equalTo("myrun"))
                .body("queries", equalTo(2))
                .body("summary.map", equalTo(0.75f))
                .body("summary.P_1", equalTo(0.5f))
                .body("summary.P_2", equalTo(0.75f))
                .body("summary.num_rel_ret", equalTo(3))
                .body("perQuery", hasSize(2))
                .body("perQuery[0].query", equalTo("q1"))
                .body("perQuery[0].values.map", equalTo(1.0f))
                .body("perQuery[1].values.map", equalTo(0.5f))
                .body("options.perQuery", equalTo(true))
                .body("options.maxDocs", nullValue());
    }

    @Test
    void jsonArraysGiveTheSameNumbersAsText() {
        String body = """
                {"judgments": [{"query": "q1", "doc": "d1", "relevance": 1}, {"query": "q1", "doc": "d2", "relevance": 0},
                               {"query": "q1", "doc": "d3", "relevance": 2}, {"query": "q2", "doc": "d1", "relevance": 1}],
                 "results": [{"query": "q1", "doc": "d3", "score": 2.5, "tag": "arr"}, {"query": "q1", "doc": "d1", "score": 1.5, "tag": "arr"},
                             {"query": "q1", "doc": "d2", "score": 0.5, "tag": "arr"}, {"query": "q2", "doc": "d2", "score": 0.9, "tag": "arr"},
                             {"query": "q2", "doc": "d1", "score": 0.8, "tag": "arr"}],
                 "measures": ["map"]}""";
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(200)
                .body("runId", equalTo("arr")).body("summary.map", equalTo(0.75f)).body("perQuery", nullValue());
    }

    @Test
    void examplesInTheDocumentWork() {
        given().contentType(ContentType.JSON).body(RetrievalResource.JSON_EXAMPLE).post(PATH).then().statusCode(200)
                .body("summary.map", notNullValue());
        given().contentType(ContentType.JSON).body(RetrievalResource.ARRAY_EXAMPLE).post(PATH).then().statusCode(200)
                .body("summary.num_q", equalTo(1));
    }

    @Test
    void textOutputByAcceptOrFormat() {
        String expected = "map                   \tall\t0.7500\n";
        String viaAccept = given().contentType(ContentType.JSON).accept(ContentType.TEXT)
                .body(json(QRELS, RUN, "\"measures\": [\"map\"]")).post(PATH).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertEquals(expected, viaAccept);
        String viaFormat = given().contentType(ContentType.JSON).queryParam("format", "trec_eval")
                .body(json(QRELS, RUN, "\"measures\": [\"map\"]")).post(PATH).then().statusCode(200)
                .extract().asString();
        assertEquals(expected, viaFormat);
    }

    @Test
    void uploadedFilesWithOptions() {
        given().multiPart("qrels", "qrels.txt", QRELS.getBytes(StandardCharsets.UTF_8))
                .multiPart("run", "run.txt", RUN.getBytes(StandardCharsets.UTF_8))
                .multiPart("measures", "map P.1")
                .multiPart("maxDocs", "1")
                .multiPart("perQuery", "true")
                .post(PATH).then().statusCode(200)
                // top 1 only: q1 d3 relevant (AP 1/2), q2 d2 not relevant (AP 0)
                .body("summary.map", equalTo(0.25f))
                .body("summary.P_1", equalTo(0.5f))
                .body("options.maxDocs", equalTo(1))
                .body("perQuery", hasSize(2));
    }

    @Test
    void gzippedUploadIsDecompressed() throws IOException {
        given().multiPart("qrels", "qrels.txt.gz", gzip(QRELS))
                .multiPart("run", "run.bin", gzip(RUN))
                .multiPart("measures", "map")
                .post(PATH).then().statusCode(200).body("summary.map", equalTo(0.75f));
    }

    @Test
    void trecEvalRegressionAllTrecByteForByte() throws IOException {
        Path dir = SharedData.require("ir/trec_eval_tests");
        String expected = Files.readString(dir.resolve("out.test.a"), StandardCharsets.ISO_8859_1);
        String got = given().multiPart("qrels", dir.resolve("qrels.test").toFile())
                .multiPart("run", dir.resolve("results.test").toFile())
                .multiPart("measures", "all_trec")
                .accept(ContentType.TEXT)
                .post(PATH).then().statusCode(200).extract().asString();
        assertEquals(expected, got);
    }

    @Test
    void trecEvalRegressionPerQueryCompleteByteForByte() throws IOException {
        Path dir = SharedData.require("ir/trec_eval_tests");
        String expected = Files.readString(dir.resolve("out.test.aqc"), StandardCharsets.ISO_8859_1);
        String got = given().multiPart("qrels", dir.resolve("qrels.test").toFile())
                .multiPart("run", dir.resolve("results.trunc").toFile())
                .multiPart("measures", "all_trec")
                .multiPart("perQuery", "true")
                .multiPart("complete", "true")
                .queryParam("format", "trec_eval")
                .post(PATH).then().statusCode(200).extract().asString();
        assertEquals(expected, got);
    }

    // ---- bad input: 400 problem+json naming the field and the line

    @Test
    void malformedRunLineNamesTheLine() {
        String run = RUN + "q2 Q0 d9 3\n";
        given().contentType(ContentType.JSON).body(json(QRELS, run, "")).post(PATH).then().statusCode(400)
                .contentType(PROBLEM)
                .body("field", equalTo("run"))
                .body("detail", containsString("run line 6"))
                .body("detail", containsString("expected 6 fields"))
                .body("errors[0].row", equalTo(6));
    }

    @Test
    void malformedUploadedRunNamesThePartAndLine() {
        given().multiPart("qrels", "qrels.txt", QRELS.getBytes(StandardCharsets.UTF_8))
                .multiPart("run", "run.txt", ("q1 Q0 d1 1 abc r\n").getBytes(StandardCharsets.UTF_8))
                .post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("run"))
                .body("detail", containsString("run line 1"))
                .body("detail", containsString("'abc' is not a number"));
    }

    @Test
    void duplicateDocumentInRun() {
        String run = RUN + "q1 Q0 d3 4 0.1 myrun\n";
        given().contentType(ContentType.JSON).body(json(QRELS, run, "")).post(PATH).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("run"))
                .body("detail", containsString("duplicate document 'd3'"))
                .body("detail", containsString("line 6"));
    }

    @Test
    void hugeRelevanceIsA400NamingTheFieldNotAnOutOfMemory() {
        // issue 8: a 120-byte body with relevance 1e9 used to allocate gigabytes
        given().contentType(ContentType.JSON).body("""
                {"judgments": [{"query": "q1", "doc": "d1", "relevance": 1000000000}],
                 "results": [{"query": "q1", "doc": "d1", "score": 1}]}""").post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("judgments[0].relevance"));
        given().contentType(ContentType.JSON).body(json("q1 0 d1 1000000000\n", RUN, "")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("qrels"))
                .body("detail", containsString("qrels line 1")).body("detail", containsString("between -1000000 and 1000000"));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "\"relevanceLevel\": 2000000000")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("relevanceLevel"));
        given().contentType(ContentType.JSON).body(json("q1 0 d1 1000000\nq2 0 d1 1\n", RUN, "\"measures\": [\"ndcg\"]"))
                .post(PATH).then().statusCode(200).body("summary.ndcg", notNullValue());
    }

    @Test
    void queriesTheRunLacksAreListedWithAWarning() {
        String qrels = QRELS + "q3 0 d9 1\n";
        given().contentType(ContentType.JSON).body(json(qrels, RUN, "\"measures\": [\"map\"]")).post(PATH).then()
                .statusCode(200).body("queries", equalTo(2)).body("missingQueries", equalTo(java.util.List.of("q3")))
                .body("warnings[0]", containsString("1 of 3 qrels queries (q3)"))
                .body("warnings[0]", containsString("left out of the averages"))
                .body("summary.map", equalTo(0.75f));
        given().contentType(ContentType.JSON).body(json(qrels, RUN, "\"measures\": [\"map\"], \"complete\": true"))
                .post(PATH).then().statusCode(200).body("queries", equalTo(3))
                .body("missingQueries", equalTo(java.util.List.of("q3")))
                .body("warnings[0]", containsString("averaged in as retrieving nothing"))
                .body("summary.map", equalTo(0.5f));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "")).post(PATH).then().statusCode(200)
                .body("missingQueries", hasSize(0)).body("warnings", hasSize(0));
        given().contentType(ContentType.JSON).accept(ContentType.TEXT).body(json(qrels, RUN, "\"measures\": [\"map\"]"))
                .post(PATH).then().statusCode(200).header("Augur-Missing-Queries", "1")
                .body(equalTo("map                   \tall\t0.7500\n"));
    }

    @Test
    void duplicateJudgmentOfAnEvaluatedQueryIsA400NamingTheQrelsLine() {
        given().contentType(ContentType.JSON).body(json(QRELS + "q1 0 d1 0\n", RUN, "")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("qrels"))
                .body("detail", containsString("qrels line 5")).body("detail", containsString("duplicate judgment"));
    }

    @Test
    void nonIntegerRelevanceInQrels() {
        given().contentType(ContentType.JSON).body(json("q1 0 d1 1\nq1 0 d2 high\n", RUN, "")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("qrels"))
                .body("detail", containsString("qrels line 2")).body("errors[0].row", equalTo(2));
    }

    @Test
    void emptyFiles() {
        given().contentType(ContentType.JSON).body(json("", RUN, "")).post(PATH).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("qrels")).body("detail", containsString("empty"));
        given().multiPart("qrels", "qrels.txt", QRELS.getBytes(StandardCharsets.UTF_8))
                .multiPart("run", "run.txt", new byte[0])
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("run"))
                .body("detail", containsString("empty"));
    }

    @Test
    void runWithoutJudgedQueries() {
        given().contentType(ContentType.JSON).body(json(QRELS, "q7 Q0 d1 1 1.0 r\n", "")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("run"))
                .body("detail", containsString("no query of the run has judgments"));
    }

    @Test
    void unsupportedAndUnknownMeasures() {
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "\"measures\": [\"prefs_simp\"]")).post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("measures"))
                .body("detail", containsString("unsupported measure 'prefs_simp'"));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "\"measures\": [\"mapp\"]")).post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("unknown measure 'mapp'"));
    }

    @Test
    void arrayErrorsNameTheElement() {
        String body = """
                {"judgments": [{"query": "q1", "doc": "d1", "relevance": 1}],
                 "results": [{"query": "q1", "doc": "d1", "score": 2.0}, {"query": "q1", "doc": "d1", "score": 1.0}]}""";
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("results[1]")).body("detail", containsString("duplicate document 'd1'"));
        String spaces = """
                {"judgments": [{"query": "q 1", "doc": "d1", "relevance": 1}], "results": [{"query": "q1", "doc": "d1", "score": 2.0}]}""";
        given().contentType(ContentType.JSON).body(spaces).post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("judgments[0].query"));
    }

    @Test
    void requestShapeErrors() {
        given().contentType(ContentType.JSON).body("{\"qrels\": \"q1 0 d1 1\"}").post(PATH).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("run"));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "\"maxDocs\": 0")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("maxDocs"));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "\"colour\": 1")).post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("colour"));
        given().contentType(ContentType.JSON).body(json(QRELS, RUN, "")).queryParam("format", "xml").post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("format"));
        given().multiPart("run", "run.txt", RUN.getBytes(StandardCharsets.UTF_8)).post(PATH).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("qrels"));
        given().multiPart("qrels", "qrels.txt", QRELS.getBytes(StandardCharsets.UTF_8))
                .multiPart("run", "run.txt", RUN.getBytes(StandardCharsets.UTF_8))
                .multiPart("perQuery", "maybe").post(PATH).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("perQuery"));
    }

    @Test
    void corruptGzipIsABadRequest() {
        byte[] bad = { 0x1f, (byte) 0x8b, 1, 2, 3, 4 };
        given().multiPart("qrels", "qrels.txt", QRELS.getBytes(StandardCharsets.UTF_8))
                .multiPart("run", "run.gz", bad).post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("run"));
    }

    @Test
    void problemEvenWhenTextWasAskedFor() {
        given().contentType(ContentType.JSON).accept(ContentType.TEXT).body(json(QRELS, "bad\n", "")).post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("run"));
    }

    @Test
    void measureCatalogue() {
        given().get("/api/v1/retrieval/measures").then().statusCode(200)
                .body("measures.find { it.name == 'map' }.supported", equalTo(true))
                .body("measures.find { it.name == 'P' }.values", hasSize(9))
                .body("measures.find { it.name == 'P' }.sets", org.hamcrest.Matchers.hasItem("all_trec"))
                .body("measures.find { it.name == 'prefs_simp' }.supported", equalTo(false))
                .body("sets.all_trec", org.hamcrest.Matchers.hasItem("ndcg_cut"))
                .body("unsupportedSets", org.hamcrest.Matchers.hasItem("qrels_jg"));
    }

}
