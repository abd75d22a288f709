package io.augur.evaluation.api;

import static io.augur.evaluation.api.ModelResourceTest.PROBLEM;
import static io.augur.evaluation.api.ModelResourceTest.unique;
import static io.restassured.RestAssured.given;
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
}
