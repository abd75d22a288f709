package io.augur.evaluation.api;

import static io.augur.testing.Multipart.tag;
import static io.augur.testing.Multipart.gzip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.augur.testing.Multipart;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Evaluations files (issue 14): streamed, all or nothing, createMissing; bulk creation of models and benchmarks. */
@QuarkusTest
class EvaluationFileTest {

    static final String PROBLEM = "application/problem+json";

    static ValidatableResponse upload(byte[] file, String... form) {
        return Multipart.file("evaluations", file, form).post("/api/v1/evaluations/file").then();
    }



    @Test
    void aCsvFileCreatesWhatIsMissingAndReplacesByIdentity() throws IOException {
        String t = tag();
        StringBuilder csv = new StringBuilder("model,benchmark,metric,seed,value,stdError\n");
        for (int m = 0; m < 30; m++) {
            for (int b = 0; b < 20; b++) {
                csv.append("m").append(t).append('-').append(m).append(",b").append(t).append('-').append(b)
                        .append(",accuracy,1,").append(0.01 * (m + b)).append(",0.01\n");
            }
        }
        // a row repeating an identity replaces the earlier one
        csv.append("m").append(t).append("-0,b").append(t).append("-0,accuracy,1,0.99,\n");
        upload(gzip(csv.toString()), "createMissing", "true").statusCode(200).body("received", equalTo(601))
                .body("inserted", equalTo(600)).body("replaced", equalTo(1)).body("modelsCreated", equalTo(30))
                .body("benchmarksCreated", equalTo(20)).body("format", equalTo("csv"));
        given().queryParam("model", "m" + t + "-0").queryParam("benchmark", "b" + t + "-0").get("/api/v1/evaluations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].value", equalTo(0.99f));
        given().queryParam("name", "b" + t + "-3").get("/api/v1/benchmarks").then().statusCode(200)
                .body("items[0].metric", equalTo("accuracy"));
        // export the selection and read it back: the same rows
        String exported = given().queryParam("model", "m" + t + "-0").queryParam("model", "m" + t + "-1")
                .get("/api/v1/evaluations/export").then().statusCode(200).extract().asString();
        String[] lines = exported.split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(41, lines.length);
        org.junit.jupiter.api.Assertions.assertEquals("id,model,benchmark,metric,seed,step,value,stdError,successes,attempts",
                lines[0]);
        String jsonl = given().queryParam("benchmark", "b" + t + "-0").queryParam("format", "jsonl")
                .get("/api/v1/evaluations/export").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(30, jsonl.split("\n").length);
        // the same file again replaces every row and creates nothing
        upload(csv.toString().getBytes(StandardCharsets.UTF_8), "createMissing", "true").statusCode(200)
                .body("inserted", equalTo(0)).body("replaced", equalTo(601)).body("modelsCreated", equalTo(0));
    }

    @Test
    void jsonLinesAndUnknownNames() {
        String t = tag();
        String jsonl = "{\"model\": \"jm" + t + "\", \"benchmark\": \"jb" + t + "\", \"value\": 0.5}\n"
                + "{\"model\": \"jm" + t + "\", \"benchmark\": \"jb" + t + "\", \"seed\": 2, \"value\": 0.6, \"stdError\": 0.1}\n";
        byte[] file = jsonl.getBytes(StandardCharsets.UTF_8);
        // without createMissing, unknown names are errors naming the rows, and nothing is stored
        upload(file).statusCode(400).contentType(PROBLEM).body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("model"));
        given().queryParam("name", "jm" + t).get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
        upload(file, "createMissing", "true", "format", "jsonl").statusCode(200).body("inserted", equalTo(2))
                .body("format", equalTo("jsonl"));
    }

    @Test
    void badFilesAreProblemsAndStoreNothing() throws IOException {
        String t = tag();
        StringBuilder csv = new StringBuilder("model,benchmark,value\n");
        for (int i = 0; i < EvaluationFiles.CHUNK + 10; i++) {
            csv.append("bm").append(t).append(',').append("bb").append(t).append(',').append(i).append('\n');
        }
        csv.append("bm").append(t).append(",bb").append(t).append(",oops\n");
        csv.append("bm").append(t).append(",,0.5\n");
        int first = EvaluationFiles.CHUNK + 12;
        upload(csv.toString().getBytes(StandardCharsets.UTF_8), "createMissing", "true").statusCode(400)
                .body("errors[0].row", equalTo(first)).body("errors[0].field", equalTo("value"))
                .body("errors[1].row", equalTo(first + 1)).body("errors[1].field", equalTo("benchmark"));
        // nothing was half-written: not even the model created on the fly
        given().queryParam("name", "bm" + t).get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
        // unknown columns are named
        upload("model,benchmark,value,score\nx,y,1,2\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].field", equalTo("column 'score'"));
        upload("{\"model\": \"x\", \"benchmark\": \"y\", \"value\": 1, \"colour\": \"red\"}\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).body("errors[0].field", equalTo("colour"));
        // a truncated gzip stream, and a JSON list sent as a file
        byte[] z = gzip(csv.toString());
        upload(Arrays.copyOf(z, z.length / 2)).statusCode(400).body("field", equalTo("file"));
        upload("[{\"model\": \"x\"}]".getBytes(StandardCharsets.UTF_8)).statusCode(400).body("field", equalTo("format"));
    }

    @Test
    void modelsAndBenchmarksAreCreatedInBatches() {
        String t = tag();
        given().contentType(ContentType.JSON).body("[{\"name\": \"bulk-a" + t + "\", \"parameters\": 1000}, {\"name\": \"bulk-b"
                + t + "\", \"family\": \"f\"}]").post("/api/v1/models/batch").then().statusCode(201)
                .body("", hasSize(2)).body("[1].family", equalTo("f"));
        // one name taken: 409 naming it, and the other is not created
        given().contentType(ContentType.JSON).body("[{\"name\": \"bulk-c" + t + "\"}, {\"name\": \"bulk-a" + t + "\"}]")
                .post("/api/v1/models/batch").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("bulk-a" + t)).body("errors[0].field", equalTo("[1].name"));
        given().queryParam("name", "bulk-c" + t).get("/api/v1/models").then().body("items", hasSize(0));
        given().contentType(ContentType.JSON).body("[{\"name\": \"d" + t + "\"}, {\"name\": \"d" + t + "\"}]")
                .post("/api/v1/models/batch").then().statusCode(400).body("field", equalTo("[1].name"));
        given().contentType(ContentType.JSON).body("[{\"name\": \"bulk-bench" + t + "\", \"metric\": \"accuracy\", "
                + "\"chanceLevel\": 0.25}]").post("/api/v1/benchmarks/batch").then().statusCode(201)
                .body("[0].chanceLevel", equalTo(0.25f));
        given().contentType(ContentType.JSON).body("[{\"name\": \"x\"}]").post("/api/v1/benchmarks/batch").then()
                .statusCode(400);
    }
}
