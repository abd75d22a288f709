package io.augur.retrieval.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.augur.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunComparisonResourceTest {

    /** JSON numbers read as doubles, so that tolerances can be tight. */
    static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    static final String PROBLEM = "application/problem+json";
    static final String PATH = "/api/v1/retrieval/comparisons";

    @Test
    void robust03MapTTestThroughUploads() {
        Path dir = SharedData.require("ir/robust03");
        given().multiPart("qrels", dir.resolve("qrels.txt").toFile())
                .multiPart("run", dir.resolve("runs/input.pircRBa1.gz").toFile())
                .multiPart("run", dir.resolve("runs/input.aplrob03a.gz").toFile())
                .multiPart("measures", "map")
                .multiPart("permutations", "20000")
                .multiPart("bootstrapRounds", "2000")
                .post(PATH).then().statusCode(200)
                .body("runs", equalTo(java.util.List.of("pircRBa1", "aplrob03a")))
                .body("bootstrap.seed", equalTo(42)).body("bootstrap.seedSource", equalTo("default"))
                .body("bootstrap.rounds", equalTo(2000))
                .body("measures", hasSize(1))
                .body("measures[0].measure", equalTo("map"))
                .body("measures[0].queries", equalTo(100))
                .body("measures[0].comparisons[0].tTest.statistic", closeTo(0.920, 0.0005))
                .body("measures[0].comparisons[0].tTest.pValue", closeTo(0.360, 0.0005))
                // Monte Carlo standard error at p = 0.36 with 20,000 flips is about 0.0034
                .body("measures[0].comparisons[0].randomization.pValue", closeTo(0.36, 0.015))
                .body("measures[0].comparisons[0].randomization.samples", equalTo(20000))
                .body("measures[0].comparisons[0].randomization.seed", equalTo(42))
                .body("measures[0].comparisons[0].difference.interval.level", equalTo(0.95))
                .body("measures[0].comparisons[0].difference.interval.lower", lessThanOrEqualTo(0.0))
                .body("measures[0].comparisons[0].difference.interval.upper", greaterThanOrEqualTo(0.0));
    }

    @Test
    void wilcoxonSettingsAreAppliedAndEchoed() {
        Path dir = SharedData.require("ir/robust03");
        // scipy.stats.wilcoxon(d, zero_method=..., correction=...) on recip_rank, see WilcoxonReferenceTest
        given().multiPart("qrels", dir.resolve("qrels.txt").toFile())
                .multiPart("run", dir.resolve("runs/input.pircRBa1.gz").toFile())
                .multiPart("run", dir.resolve("runs/input.aplrob03a.gz").toFile())
                .multiPart("measures", "recip_rank").multiPart("permutations", "100").multiPart("bootstrapRounds", "100")
                .post(PATH).then().statusCode(200)
                .body("wilcoxonZeroMethod", equalTo("wilcox")).body("wilcoxonCorrection", equalTo(false))
                .body("measures[0].comparisons[0].wilcoxon.pValue", closeTo(0.48035093011680097, 1e-12))
                .body("measures[0].comparisons[0].wilcoxon.method", containsString("zero_method 'wilcox'"));
        given().multiPart("qrels", dir.resolve("qrels.txt").toFile())
                .multiPart("run", dir.resolve("runs/input.pircRBa1.gz").toFile())
                .multiPart("run", dir.resolve("runs/input.aplrob03a.gz").toFile())
                .multiPart("measures", "recip_rank").multiPart("permutations", "100").multiPart("bootstrapRounds", "100")
                .multiPart("wilcoxonZeroMethod", "pratt").multiPart("wilcoxonCorrection", "true")
                .post(PATH).then().statusCode(200)
                .body("wilcoxonZeroMethod", equalTo("pratt")).body("wilcoxonCorrection", equalTo(true))
                .body("measures[0].comparisons[0].wilcoxon.pValue", closeTo(0.23525014129920507, 1e-12))
                .body("measures[0].comparisons[0].wilcoxon.method", containsString("with continuity correction"));
        given().contentType(ContentType.JSON).body(SCORES.replace("\"values\"", "\"wilcoxonZeroMethod\": \"median\", \"values\""))
                .post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("wilcoxonZeroMethod"));
    }

    static final String SCORES = """
            {"runs": [{"name": "a", "scores": {"q1": 0.50, "q2": 0.25, "q3": 0.90, "q4": 0.40, "q5": 0.10, "q6": 0.3}},
                      {"name": "b", "scores": {"q1": 0.60, "q2": 0.35, "q3": 0.85, "q4": 0.55, "q5": 0.30, "q6": 0.4}},
                      {"name": "c", "scores": {"q6": 0.3, "q1": 0.50, "q2": 0.25, "q3": 0.90, "q4": 0.40, "q5": 0.10}}],
             "values": ["ap"], "bootstrap": {"seed": 7, "rounds": 500}, "exactMaxQueries": 0, "permutations": 999}""";

    @Test
    void scoresAllPairsWithCorrections() {
        given().contentType(ContentType.JSON).body(SCORES).post(PATH).then().statusCode(200)
                .body("bootstrap.seed", equalTo(7)).body("bootstrap.seedSource", equalTo("request"))
                .body("measures[0].measure", equalTo("ap"))
                .body("measures[0].queries", equalTo(6))
                .body("measures[0].comparisons", hasSize(3))
                .body("measures[0].comparisons[0].runA", equalTo("a"))
                .body("measures[0].comparisons[0].runB", equalTo("b"))
                .body("measures[0].comparisons[0].difference.estimate", closeTo(-0.1, 1e-9))
                .body("measures[0].comparisons[0].randomization.samples", equalTo(999))
                .body("measures[0].comparisons[0].randomization.exact", equalTo(false))
                .body("measures[0].comparisons[0].tTest.pBonferroni",
                        closeTo(0, 1)) // present
                // a and c are identical: degenerate tests, p = 1, no infinite numbers in JSON
                .body("measures[0].comparisons[1].runB", equalTo("c"))
                .body("measures[0].comparisons[1].tTest.pValue", equalTo(1.0))
                .body("measures[0].comparisons[1].cohensDz", equalTo(0.0))
                .body("correction", containsString("Holm"));
        // Holm never exceeds Bonferroni and never falls below the raw p-value
        var path = given().contentType(ContentType.JSON).body(SCORES).post(PATH).then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            double raw = path.getDouble("measures[0].comparisons[" + i + "].tTest.pValue");
            double holm = path.getDouble("measures[0].comparisons[" + i + "].tTest.pHolm");
            double bonf = path.getDouble("measures[0].comparisons[" + i + "].tTest.pBonferroni");
            org.junit.jupiter.api.Assertions.assertTrue(raw <= holm && holm <= bonf, raw + " " + holm + " " + bonf);
        }
        // the same seed reproduces the same resampling results
        var again = given().contentType(ContentType.JSON).body(SCORES).post(PATH).then().extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(path.getDouble("measures[0].comparisons[0].randomization.pValue"),
                again.getDouble("measures[0].comparisons[0].randomization.pValue"));
        org.junit.jupiter.api.Assertions.assertEquals(path.getDouble("measures[0].comparisons[0].difference.bootstrapInterval.lower"),
                again.getDouble("measures[0].comparisons[0].difference.bootstrapInterval.lower"));
    }

    @Test
    void trecRunsJsonAgainstBaseline() {
        given().contentType(ContentType.JSON).body(RunComparisonResource.TREC_EXAMPLE.replace("\"measures\"",
                "\"baseline\": \"b\", \"measures\"")).post(PATH).then().statusCode(200)
                .body("baseline", equalTo("b"))
                .body("measures.measure", equalTo(java.util.List.of("map", "P_1")))
                .body("measures[0].queries", equalTo(3))
                .body("measures[0].comparisons", hasSize(1))
                .body("measures[0].comparisons[0].runA", equalTo("a"))
                // 3 queries <= 16: the randomization test enumerates all 2^3 sign patterns
                .body("measures[0].comparisons[0].randomization.exact", equalTo(true))
                .body("measures[0].comparisons[0].randomization.samples", equalTo(8));
    }

    @Test
    void documentExamplesWork() {
        given().contentType(ContentType.JSON).body(RunComparisonResource.SCORES_EXAMPLE).post(PATH).then().statusCode(200)
                .body("measures[0].comparisons[0].runA", equalTo("bm25"));
        given().contentType(ContentType.JSON).body(RunComparisonResource.TREC_EXAMPLE).post(PATH).then().statusCode(200)
                .body("measures", hasSize(2));
    }

    @Test
    void badInput() {
        // one run only
        given().contentType(ContentType.JSON).body("{\"runs\": [{\"name\": \"a\", \"scores\": {\"q1\": 1}}]}").post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("runs"));
        // runs over different queries
        given().contentType(ContentType.JSON).body("""
                {"runs": [{"name": "a", "scores": {"q1": 1, "q2": 0.5}}, {"name": "b", "scores": {"q1": 1, "q3": 0.5}}]}""")
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("runs[1].queryIds"))
                .body("detail", containsString("q2"));
        // duplicate names
        given().contentType(ContentType.JSON).body("""
                {"runs": [{"name": "a", "scores": {"q1": 1, "q2": 0.5}}, {"name": "a", "scores": {"q1": 1, "q2": 0.5}}]}""")
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("runs[1].name"));
        // unknown baseline
        given().contentType(ContentType.JSON).body(SCORES.replace("\"values\"", "\"baseline\": \"zz\", \"values\""))
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("baseline"));
        // level out of range, permutations 0
        given().contentType(ContentType.JSON).body(SCORES.replace("\"seed\": 7", "\"level\": 1.5, \"seed\": 7"))
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("bootstrap.level"));
        given().contentType(ContentType.JSON).body(SCORES.replace("\"permutations\": 999", "\"permutations\": 0"))
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("permutations"));
        // a value that the measures do not produce
        given().contentType(ContentType.JSON).body(RunComparisonResource.TREC_EXAMPLE.replace("\"measures\"",
                "\"values\": [\"ndcg\"], \"measures\"")).post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("values[0]"));
        // malformed line in the second TREC run
        given().contentType(ContentType.JSON).body(RunComparisonResource.TREC_EXAMPLE.replace("q3 Q0 d3 2 1 b", "q3 Q0 d3 2 x b"))
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("runs[1].run"))
                .body("detail", containsString("line 6"));
        // qrels missing for TREC runs
        given().contentType(ContentType.JSON).body("""
                {"runs": [{"name": "a", "run": "q1 Q0 d1 1 1 a\\n"}, {"name": "b", "run": "q1 Q0 d1 1 1 b\\n"}]}""")
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("qrels"));
        // multipart with one run
        given().multiPart("qrels", "q.txt", "q1 0 d1 1\n".getBytes())
                .multiPart("run", "r.txt", "q1 Q0 d1 1 1 a\n".getBytes())
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("run"));
        // multipart runs with the same tag
        given().multiPart("qrels", "q.txt", "q1 0 d1 1\nq2 0 d1 1\n".getBytes())
                .multiPart("run", "r1.txt", "q1 Q0 d1 1 1 a\nq2 Q0 d1 1 1 a\n".getBytes())
                .multiPart("run", "r2.txt", "q1 Q0 d2 1 1 a\nq2 Q0 d1 1 1 a\n".getBytes())
                .post(PATH).then().statusCode(400).contentType(PROBLEM).body("field", equalTo("run[1]"));
    }
}
