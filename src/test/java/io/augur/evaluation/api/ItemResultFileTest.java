package io.augur.evaluation.api;

import static io.augur.testing.Multipart.tag;
import static io.augur.testing.Multipart.gzip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.Multipart;
import io.augur.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Item-level results (issue 14): streamed import, all or nothing, listing, export, deletion, workspaces. */
@QuarkusTest
class ItemResultFileTest {

    static final String PROBLEM = "application/problem+json";

    static ValidatableResponse upload(String key, byte[] file, String... form) {
        return Multipart.file("items", file, form).header(TestKeys.HEADER, key).post("/api/v1/item-results/file").then();
    }

    static ValidatableResponse upload(byte[] file, String... form) {
        return upload(TestKeys.ADMIN, file, form);
    }



    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A new workspace's admin key. */
    static String workspace(String name) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/workspaces")
                .then().statusCode(201).extract().jsonPath().getString("adminKey.key");
    }

    /** Cells of a CSV export (header dropped), as model|item|score|subject|sample strings. */
    static Set<String> cells(String csv) {
        Set<String> out = new HashSet<>();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertEquals("model,benchmark,item,score,subject,sample", lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            out.add(c[0] + "|" + c[2] + "|" + Double.parseDouble(c[3]) + "|" + c[4] + "|" + c[5]);
        }
        return out;
    }

    @Test
    void aFileRoundTripsThroughListExportAndDelete() throws IOException {
        String t = tag();
        String bench = "items-" + t;
        StringBuilder csv = new StringBuilder("model,benchmark,item,score,subject,sample\n");
        Set<String> expected = new HashSet<>();
        for (int m = 0; m < 3; m++) {
            int samples = m == 0 ? 2 : 1;
            for (int s = 0; s < samples; s++) {
                for (int i = 0; i < 50; i++) {
                    if (m == 2 && i >= 40) {
                        continue; // model 2 misses the last 10 items
                    }
                    double score = ((i * 7 + m * 3 + s) % 5) / 4.0;
                    String subject = "subj" + (i % 4);
                    csv.append("m").append(t).append('-').append(m).append(',').append(bench).append(",q").append(i)
                            .append(',').append(score).append(',').append(subject).append(',').append(s).append('\n');
                    expected.add("m" + t + "-" + m + "|q" + i + "|" + score + "|" + subject + "|" + s);
                }
            }
        }
        upload(gzip(csv.toString()), "createMissing", "true").statusCode(200).body("cells", equalTo(190))
                .body("series", equalTo(4)).body("seriesReplaced", equalTo(0)).body("itemsAdded", equalTo(50))
                .body("modelsCreated", equalTo(3)).body("benchmarksCreated", equalTo(1)).body("format", equalTo("csv"));
        JsonPath list = given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(200)
                .body("", hasSize(1)).body("[0].items", equalTo(50)).body("[0].subjects", equalTo(4))
                .body("[0].models", hasSize(3)).extract().jsonPath();
        assertEquals(2, list.getInt("[0].models[0].samples"));
        assertEquals(100, list.getLong("[0].models[0].cellsScored"));
        assertEquals(0.8, list.getDouble("[0].models[2].coverage"), 1e-12);
        String exported = given().queryParam("benchmark", bench).get("/api/v1/item-results/export").then()
                .statusCode(200).extract().asString();
        assertEquals(expected, cells(exported));
        // the export reads back: into a second benchmark, via JSON Lines too
        String jsonl = given().queryParam("benchmark", bench).queryParam("format", "jsonl")
                .queryParam("model", "m" + t + "-1").get("/api/v1/item-results/export").then().statusCode(200)
                .extract().asString();
        assertEquals(50, jsonl.split("\n").length);
        upload(utf8(jsonl.replace(bench, bench + "-copy")), "createMissing", "true").statusCode(200)
                .body("cells", equalTo(50)).body("format", equalTo("jsonl")).body("benchmarksCreated", equalTo(1));
        // re-importing a (benchmark, model) replaces all its samples
        String again = "model,benchmark,item,score\nm" + t + "-0," + bench + ",q0,0.5\nm" + t + "-0," + bench + ",q99,1\n";
        upload(utf8(again)).statusCode(200).body("series", equalTo(1)).body("seriesReplaced", equalTo(2))
                .body("itemsAdded", equalTo(1));
        given().queryParam("benchmark", bench).queryParam("model", "m" + t + "-0").get("/api/v1/item-results/export")
                .then().statusCode(200).body(equalTo("model,benchmark,item,score,subject,sample\nm" + t + "-0," + bench
                        + ",q0,0.5,subj0,0\nm" + t + "-0," + bench + ",q99,1.0,,0\n"));
        // deleting one model, then everything
        given().queryParam("benchmark", bench).queryParam("model", "m" + t + "-2").delete("/api/v1/item-results")
                .then().statusCode(200).body("series", equalTo(1));
        given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(200)
                .body("[0].models", hasSize(2)).body("[0].items", equalTo(51));
        given().queryParam("benchmark", bench).delete("/api/v1/item-results").then().statusCode(200)
                .body("series", equalTo(2));
        given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(404)
                .contentType(PROBLEM);
        given().queryParam("benchmark", bench).get("/api/v1/item-results/export").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void deletingAModelOrBenchmarkDeletesItsItemResults() {
        String t = tag();
        String csv = "model,benchmark,item,score\nma" + t + ",bx" + t + ",1,1\nma" + t + ",bx" + t + ",2,0\nmb" + t
                + ",bx" + t + ",1,0\n";
        upload(utf8(csv), "createMissing", "true").statusCode(200).body("series", equalTo(2));
        String model = given().queryParam("name", "ma" + t).get("/api/v1/models").then().statusCode(200).extract()
                .jsonPath().getString("items[0].id");
        given().delete("/api/v1/models/" + model).then().statusCode(204);
        given().queryParam("benchmark", "bx" + t).get("/api/v1/item-results").then().statusCode(200)
                .body("[0].models", hasSize(1)).body("[0].models[0].model", equalTo("mb" + t));
        String benchmark = given().queryParam("name", "bx" + t).get("/api/v1/benchmarks").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        given().delete("/api/v1/benchmarks/" + benchmark).then().statusCode(204);
        given().queryParam("benchmark", "bx" + t).get("/api/v1/item-results").then().statusCode(404);
    }

    @Test
    void aBadLineIsNamedAndNothingIsStored() throws IOException {
        String t = tag();
        String bench = "bad-" + t;
        StringBuilder csv = new StringBuilder("model,benchmark,item,score\n");
        for (int i = 0; i < 20; i++) {
            csv.append("m").append(t).append(',').append(bench).append(",q").append(i).append(',')
                    .append(i == 12 ? "abc" : "1").append('\n');
        }
        // line 14 (header = line 1) holds the bad score
        upload(utf8(csv.toString()), "createMissing", "true").statusCode(400).contentType(PROBLEM)
                .body("errors[0].row", equalTo(14)).body("errors[0].field", equalTo("score"))
                .body("detail", containsString("nothing was stored"));
        given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(404);
        given().queryParam("name", "m" + t).get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
        // the same item twice for one model and sample; a second subject for an item; a negative sample
        upload(utf8("model,benchmark,item,score,subject,sample\na,b,q1,1,x,0\na,b,q1,0,x,0\na,b,q2,1,x,0\nc,b,q2,1,y,0\n"
                + "c,b,q3,1,,-1\n"), "createMissing", "true").statusCode(400)
                .body("errors", hasSize(3)).body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("item"))
                .body("errors[1].row", equalTo(5)).body("errors[1].field", equalTo("subject"))
                .body("errors[2].row", equalTo(6)).body("errors[2].field", equalTo("sample"));
        // an unknown column, a missing one; JSON Lines with an unknown field and a wrong type
        upload(utf8("model,benchmark,item,score,colour\na,b,q,1,red\n")).statusCode(400)
                .body("errors[0].field", equalTo("column 'colour'"));
        upload(utf8("model,benchmark,score\na,b,1\n")).statusCode(400).body("errors[0].field", equalTo("item"));
        upload(utf8("{\"model\":\"a\",\"benchmark\":\"b\",\"item\":\"q\",\"score\":1}\n"
                + "{\"model\":\"a\",\"benchmark\":\"b\",\"item\":\"r\",\"score\":\"high\"}\n"
                + "{\"model\":\"a\",\"benchmark\":\"b\",\"item\":\"s\",\"score\":1,\"colour\":1}\n"))
                .statusCode(400).body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("score"))
                .body("errors[1].row", equalTo(3)).body("errors[1].field", equalTo("colour"));
        // unknown names without createMissing: named with their first line, nothing stored
        upload(utf8("model,benchmark,item,score\nnone-" + t + "," + bench + ",q,1\n")).statusCode(400)
                .body("errors[0].field", equalTo("model")).body("errors[0].row", equalTo(2))
                .body("errors[1].field", equalTo("benchmark"));
        // a truncated gzip stream
        byte[] z = gzip(csv.toString().replace("abc", "0"));
        upload(Arrays.copyOf(z, z.length - 12), "createMissing", "true").statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("file")).body("detail", containsString("gzip"));
        given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(404);
        given().queryParam("name", "m" + t).get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void workspacesSeeOnlyTheirOwnItems() {
        String t = tag();
        String a = workspace("items-a-" + t);
        String b = workspace("items-b-" + t);
        upload(a, utf8("model,benchmark,item,score\nm,shared,q1,1\nm,shared,q2,0\nm,only-a,q1,1\n"), "createMissing", "true")
                .statusCode(200).body("series", equalTo(2));
        upload(b, utf8("model,benchmark,item,score\nm,shared,z1,0.25\n"), "createMissing", "true")
                .statusCode(200).body("series", equalTo(1)).body("modelsCreated", equalTo(1));
        given().header(TestKeys.HEADER, a).get("/api/v1/item-results").then().statusCode(200).body("", hasSize(2));
        given().header(TestKeys.HEADER, b).get("/api/v1/item-results").then().statusCode(200).body("", hasSize(1))
                .body("[0].items", equalTo(1));
        given().header(TestKeys.HEADER, b).queryParam("benchmark", "shared").get("/api/v1/item-results/export").then()
                .statusCode(200).body(equalTo("model,benchmark,item,score,subject,sample\nm,shared,z1,0.25,,0\n"));
        given().header(TestKeys.HEADER, b).queryParam("benchmark", "only-a").get("/api/v1/item-results").then()
                .statusCode(404);
        given().header(TestKeys.HEADER, b).queryParam("benchmark", "only-a").get("/api/v1/item-results/export").then()
                .statusCode(404);
        given().header(TestKeys.HEADER, b).queryParam("benchmark", "only-a").delete("/api/v1/item-results").then()
                .statusCode(404);
        given().header(TestKeys.HEADER, b).queryParam("benchmark", "shared").delete("/api/v1/item-results").then()
                .statusCode(200).body("series", equalTo(1));
        given().header(TestKeys.HEADER, a).queryParam("benchmark", "shared").get("/api/v1/item-results").then()
                .statusCode(200).body("[0].items", equalTo(2)).body("[0].models[0].cellsScored", equalTo(2));
    }

    @Test
    void aMillionCellsImport() throws IOException {
        String t = tag();
        String bench = "large-" + t;
        StringBuilder csv = new StringBuilder(24_000_000).append("model,benchmark,item,score,subject\n");
        for (int m = 0; m < 100; m++) {
            for (int i = 0; i < 10_000; i++) {
                csv.append("L").append(t).append(m).append(',').append(bench).append(",i").append(i).append(',')
                        .append((i * 31 + m * 17) % 3 == 0 ? '1' : '0').append(",s").append(i % 57).append('\n');
            }
        }
        upload(gzip(csv.toString()), "createMissing", "true").statusCode(200).body("cells", equalTo(1_000_000))
                .body("series", equalTo(100)).body("itemsAdded", equalTo(10_000));
        given().queryParam("benchmark", bench).get("/api/v1/item-results").then().statusCode(200)
                .body("[0].items", equalTo(10_000)).body("[0].subjects", equalTo(57)).body("[0].models", hasSize(100))
                .body("[0].models[99].coverage", equalTo(1.0f));
        given().queryParam("benchmark", bench).delete("/api/v1/item-results").then().statusCode(200)
                .body("series", equalTo(100));
    }
}
