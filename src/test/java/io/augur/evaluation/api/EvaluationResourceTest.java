package io.augur.evaluation.api;

import static io.augur.evaluation.api.BenchmarkResourceTest.createBenchmark;
import static io.augur.evaluation.api.ModelResourceTest.PROBLEM;
import static io.augur.evaluation.api.ModelResourceTest.createModel;
import static io.augur.evaluation.api.ModelResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationResourceTest {

    String model;
    String family;
    String benchmark;

    @BeforeEach
    void catalog() {
        model = unique("pythia");
        family = unique("fam");
        benchmark = unique("arc");
        createModel(model, family);
        createBenchmark(benchmark);
    }

    private String row(Integer seed, Long step, String value) {
        return "{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\""
                + (seed == null ? "" : ",\"seed\":" + seed) + (step == null ? "" : ",\"step\":" + step)
                + ",\"value\":" + value + "}";
    }

    private int stored() {
        return given().queryParam("model", model).queryParam("limit", 1000).get("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void jsonImportUpsertsByIdentity() {
        given().contentType(ContentType.JSON).body("[" + row(1, 100L, "0.30") + "," + row(2, 100L, "0.31") + ","
                + row(null, null, "0.29") + "]")
                .post("/api/v1/evaluations").then().statusCode(200)
                .body("received", equalTo(3)).body("inserted", equalTo(3)).body("replaced", equalTo(0));
        // same identities again, one new: two replaced (absent seed/step is one identity), one inserted
        given().contentType(ContentType.JSON).body("[" + row(1, 100L, "0.35") + "," + row(null, null, "0.28") + ","
                + row(3, 100L, "0.33") + "]")
                .post("/api/v1/evaluations").then().statusCode(200)
                .body("inserted", equalTo(1)).body("replaced", equalTo(2));
        assertEqualsStored(4);
        given().queryParam("model", model).get("/api/v1/evaluations").then().statusCode(200)
                .body("items.find { it.seed == 1 }.value", equalTo(0.35f))
                .body("items.find { it.seed == null }.value", equalTo(0.28f))
                .body("items[0].metric", equalTo("accuracy"))
                .body("items[0].benchmark", equalTo(benchmark));
    }

    private void assertEqualsStored(int n) {
        org.junit.jupiter.api.Assertions.assertEquals(n, stored());
    }

    @Test
    void csvImportWithCountsAndFilters() {
        String csv = "model,benchmark,metric,seed,step,value,stdError,successes,attempts\n"
                + model + "," + benchmark + ",pass@1,1,,0.0003,,3,10000\n"
                + model + "," + benchmark + ",pass@1,2,,0.0,,0,10000\n"
                + "\"" + model + "\"," + benchmark + ",accuracy,,143000,0.2807,0.0131,,\n";
        given().contentType("text/csv").body(csv).post("/api/v1/evaluations").then().statusCode(200)
                .body("inserted", equalTo(3));
        given().queryParam("model", model).queryParam("metric", "pass@1").get("/api/v1/evaluations").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].successes", equalTo(3))
                .body("items[0].attempts", equalTo(10000));
        given().queryParam("family", family).queryParam("benchmark", benchmark).queryParam("metric", "accuracy")
                .get("/api/v1/evaluations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].step", equalTo(143000)).body("items[0].stdError", equalTo(0.0131f))
                .body("items[0].seed", nullValue());
        String id = given().queryParam("model", model).get("/api/v1/evaluations").jsonPath().getString("items[0].id");
        given().get("/api/v1/evaluations/" + id).then().statusCode(200).body("model", equalTo(model));
        given().delete("/api/v1/evaluations/" + id).then().statusCode(204);
        given().get("/api/v1/evaluations/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void tenThousandRowCsvWithOneBadRowStoresNothingAndNamesTheRow() {
        StringBuilder csv = new StringBuilder("model,benchmark,seed,step,value\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(model).append(',').append(benchmark).append(',').append(i % 5).append(',').append(i)
                    .append(',').append(i == 7_311 ? "0.5x" : "0." + (i % 97)).append('\n');
        }
        given().contentType("text/csv").body(csv.toString()).post("/api/v1/evaluations").then().statusCode(400)
                .contentType(PROBLEM).body("errors", hasSize(1)).body("errors[0].row", equalTo(7311))
                .body("errors[0].field", equalTo("value")).body("detail", containsString("row 7311"))
                .body("detail", containsString("nothing was stored"));
        assertEqualsStored(0);
        String good = csv.toString().replace("0.5x", "0.5");
        given().contentType("text/csv").body(good).post("/api/v1/evaluations").then().statusCode(200)
                .body("received", equalTo(10_000)).body("inserted", equalTo(10_000));
        // the listing pages through all of them
        int seen = 0;
        String cursor = null;
        do {
            var page = given().queryParam("model", model).queryParam("limit", 1000)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/evaluations")
                    .then().statusCode(200).extract().jsonPath();
            seen += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(10_000, seen);
    }

    @Test
    void unknownModelFailsTheWholeBatchNamingIt() {
        String ghost = unique("ghost");
        given().contentType(ContentType.JSON).body("[" + row(1, null, "0.3") + ",{\"model\":\"" + ghost
                + "\",\"benchmark\":\"" + benchmark + "\",\"value\":0.4}]")
                .post("/api/v1/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("model")).body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString(ghost));
        assertEqualsStored(0);
    }

    @Test
    void invalidRowsAreAllNamed() {
        given().contentType(ContentType.JSON).body("[" + row(1, -1L, "0.3") + ","
                + "{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\",\"value\":0.1,\"successes\":11,\"attempts\":10},"
                + "{\"model\":\"" + model + "\",\"benchmark\":\"" + benchmark + "\"}]")
                .post("/api/v1/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(3))
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("step"))
                .body("errors[1].row", equalTo(2)).body("errors[1].field", equalTo("successes"))
                .body("errors[2].row", equalTo(3)).body("errors[2].field", equalTo("value"));
        given().contentType("text/csv").body("model,benchmark,value\n" + model + "," + benchmark + ",NaN\n")
                .post("/api/v1/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].row", equalTo(1)).body("errors[0].message", containsString("finite"));
        given().contentType("text/csv").body("model,benchmark,score\n").post("/api/v1/evaluations").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("score"));
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/evaluations").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("body"));
        given().contentType(ContentType.JSON).body("[{\"model\":\"a\",\"benchmark\":\"b\",\"value\":1,\"extra\":2}]")
                .post("/api/v1/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("[0].extra"));
        assertEqualsStored(0);
    }
}
