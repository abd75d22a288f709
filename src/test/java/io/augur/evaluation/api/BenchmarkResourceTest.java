package io.augur.evaluation.api;

import static io.augur.evaluation.api.ModelResourceTest.PROBLEM;
import static io.augur.evaluation.api.ModelResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BenchmarkResourceTest {

    static String createBenchmark(String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"metric\":\"accuracy\",\"higherIsBetter\":true,\"chanceLevel\":0.25}")
                .post("/api/v1/benchmarks").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void createReadReplaceListDelete() {
        String name = unique("arc");
        String id = createBenchmark(name);
        given().get("/api/v1/benchmarks/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("metric", equalTo("accuracy")).body("higherIsBetter", equalTo(true))
                .body("chanceLevel", equalTo(0.25f));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"metric\":\"loss\",\"higherIsBetter\":false,\"description\":\"d\"}")
                .put("/api/v1/benchmarks/" + id).then().statusCode(200).body("metric", equalTo("loss"))
                .body("higherIsBetter", equalTo(false));
        given().queryParam("name", name).get("/api/v1/benchmarks").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        given().queryParam("metric", "loss").queryParam("name", name).get("/api/v1/benchmarks").then()
                .statusCode(200).body("items", hasSize(1));
        given().delete("/api/v1/benchmarks/" + id).then().statusCode(204);
        given().get("/api/v1/benchmarks/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void higherIsBetterDefaultsToTrue() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("b") + "\",\"metric\":\"accuracy\"}")
                .post("/api/v1/benchmarks").then().statusCode(201).body("higherIsBetter", equalTo(true));
    }

    @Test
    void invalidInputIsRejectedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("b") + "\"}").post("/api/v1/benchmarks")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("metric"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("b") + "\",\"metric\":\"acc\",\"chanceLevel\":\"NaN\"}")
                .post("/api/v1/benchmarks").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("chanceLevel"));
        String name = unique("dup");
        createBenchmark(name);
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"metric\":\"acc\"}")
                .post("/api/v1/benchmarks").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void batchesAreAllOrNothing() {
        String taken = unique("taken");
        String fresh = unique("fresh");
        String takenId = createBenchmark(taken);
        given().contentType(ContentType.JSON).body("[{\"name\":\"" + fresh + "\",\"metric\":\"acc\"},{\"name\":\""
                + taken + "\",\"metric\":\"acc\"}]").post("/api/v1/benchmarks/batch").then().statusCode(409)
                .contentType(PROBLEM).body("field", equalTo("[1].name")).body("errors[0].field", equalTo("[1].name"))
                .body("detail", containsString(taken))
                .body("errors[0].message", containsString("(id " + takenId + ")")); // the public id, never the key
        given().contentType(ContentType.JSON).body("[{\"name\":\"" + fresh + "\",\"metric\":\"acc\"},{\"name\":\""
                + fresh + "\",\"metric\":\"loss\"}]").post("/api/v1/benchmarks/batch").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("[1].name"));
        given().queryParam("name", fresh).get("/api/v1/benchmarks").then().statusCode(200).body("items", hasSize(0));
        // replacing one benchmark with another's name is a conflict, and leaves it as it was
        String otherId = createBenchmark(fresh);
        given().contentType(ContentType.JSON).body("{\"name\":\"" + taken + "\",\"metric\":\"loss\"}")
                .put("/api/v1/benchmarks/" + otherId).then().statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("name"));
        given().get("/api/v1/benchmarks/" + otherId).then().statusCode(200).body("name", equalTo(fresh))
                .body("metric", equalTo("accuracy"));
        given().get("/api/v1/benchmarks/" + takenId).then().statusCode(200).body("name", equalTo(taken));
    }
}
