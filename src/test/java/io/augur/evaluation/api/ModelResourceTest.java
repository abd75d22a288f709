package io.augur.evaluation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createModel(String name, String family) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"family\":\"" + family + "\",\"parameters\":1414647808,"
                        + "\"trainingTokens\":3.0e11,\"trainingCompute\":2.546e21,\"releaseDate\":\"2023-02-13\","
                        + "\"attributes\":{\"architecture\":\"gpt-neox\",\"context\":2048}}")
                .post("/api/v1/models").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void createReadReplaceDelete() {
        String name = unique("pythia");
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"family\":\"pythia\",\"parameters\":1414647808,"
                        + "\"attributes\":{\"architecture\":\"gpt-neox\"}}")
                .post("/api/v1/models")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .extract().jsonPath().getString("id");
        given().get("/api/v1/models/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("family", equalTo("pythia"))
                .body("parameters", equalTo(1414647808)).body("attributes.architecture", equalTo("gpt-neox"))
                .body("createdAt", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"family\":\"pythia-deduped\",\"trainingTokens\":3.0e11}")
                .put("/api/v1/models/" + id).then().statusCode(200)
                .body("family", equalTo("pythia-deduped")).body("parameters", nullValue())
                .body("trainingTokens", equalTo(3.0e11f));
        given().delete("/api/v1/models/" + id).then().statusCode(204);
        given().get("/api/v1/models/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("detail", containsString("does not exist"));
        given().delete("/api/v1/models/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void renamingKeepsTheIdAndCreationTimeAndFreesTheOldName() {
        String name = unique("old");
        String renamed = unique("new");
        String id = createModel(name, "f");
        var created = given().get("/api/v1/models/" + id).then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).body("{\"name\":\"  " + renamed + " \"}").put("/api/v1/models/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo(renamed));
        var read = given().get("/api/v1/models/" + id).then().statusCode(200).body("name", equalTo(renamed))
                .body("createdAt", equalTo(created.getString("createdAt"))).extract().jsonPath();
        assertTrue(java.time.Instant.parse(read.getString("updatedAt"))
                .isAfter(java.time.Instant.parse(created.getString("updatedAt"))), "updatedAt moves on a replace");
        given().queryParam("name", name).get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
        createModel(name, "f");
    }

    @Test
    void locationHeaderPointsAtTheNewModel() {
        String name = unique("loc");
        var r = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/models");
        r.then().statusCode(201).header("Location", endsWith("/api/v1/models/" + r.jsonPath().getString("id")));
    }

    @Test
    void listsByFamilyInCursorPages() {
        String family = unique("fam");
        for (int i = 0; i < 5; i++) {
            createModel(unique("m" + i), family);
        }
        var first = given().queryParam("family", family).queryParam("limit", 2).get("/api/v1/models")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().jsonPath();
        var second = given().queryParam("family", family).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/models")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        given().queryParam("family", family).queryParam("limit", 2)
                .queryParam("cursor", second.getString("nextCursor")).get("/api/v1/models")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().queryParam("limit", 0).get("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/models").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("cursor"));
    }

    @Test
    void duplicateNameIsAConflict() {
        String name = unique("dup");
        createModel(name, "x");
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/models")
                .then().statusCode(409).contentType(PROBLEM).body("field", equalTo("name"))
                .body("detail", containsString(name));
        String other = createModel(unique("other"), "x");
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").put("/api/v1/models/" + other)
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void negativeParameterCountIsRejectedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("neg") + "\",\"parameters\":-5}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-input")).body("field", equalTo("parameters"))
                .body("errors[0].message", containsString("greater than 0"));
    }

    @Test
    void missingNameIsRejected() {
        given().contentType(ContentType.JSON).body("{\"family\":\"x\"}").post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"));
    }

    @Test
    void nanAndInfinityAreRejected() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("nan") + "\",\"trainingCompute\":\"NaN\"}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("trainingCompute"));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("inf") + "\",\"trainingCompute\":1e999}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("trainingCompute")).body("detail", containsString("finite"));
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("inf") + "\",\"trainingCompute\":Infinity}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownFieldsAreRejectedNamingThem() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("typo") + "\",\"paramters\":5}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("paramters")).body("detail", containsString("unknown field"));
    }

    @Test
    void wrongTypeIsRejectedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("type") + "\",\"parameters\":\"many\"}")
                .post("/api/v1/models").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("parameters")).body("detail", containsString("a number"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void unsupportedMediaTypeAndMethodAreProblems() {
        given().contentType(ContentType.XML).body("<model/>").post("/api/v1/models")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/models/1")
                .then().statusCode(405).contentType(PROBLEM);
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        byte[] big = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType(ContentType.JSON).body(big).post("/api/v1/models")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("limit"));
    }
}
