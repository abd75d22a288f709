package io.augur.evaluation.api;

import static io.augur.testing.Multipart.tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augur.testing.Multipart;
import io.augur.testing.Patient;
import io.augur.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bulk evaluation imports (issue 14) at a size that crosses several chunks: 200,000 rows created and replaced,
 * a bad row in the middle storing nothing, workspaces kept apart, and the database's own guarantees that V8
 * moved from per-row foreign keys to per-statement checks (workspace of the model and benchmark, cascades, fixed
 * keys).
 */
@QuarkusTest
class EvaluationBulkImportTest {

    static final int MODELS = 400;
    static final int BENCHMARKS = 500;

    @Inject
    Pool pool;


    /** Every model on every benchmark once (model-major, as make_evaluations.py writes it); value = (m * 7 + b) % 1000 / 1000. */
    static String grid(String t, int models, int benchmarks, long badLine) {
        StringBuilder csv = new StringBuilder("model,benchmark,metric,seed,value,stdError\n");
        long line = 1;
        for (int m = 0; m < models; m++) {
            for (int b = 0; b < benchmarks; b++) {
                line++;
                csv.append("m").append(t).append('-').append(m).append(",b").append(t).append('-').append(b)
                        .append(",accuracy,1,").append(line == badLine ? "0.5x" : (m * 7 + b) % 1000 / 1000.0)
                        .append(",0.01\n");
            }
        }
        return csv.toString();
    }

    static ValidatableResponse upload(String key, String csv, String... form) {
        return Multipart.fields(given().config(Patient.CONFIG).header(TestKeys.HEADER, key)
                .multiPart("file", "evaluations.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv"), form)
                .post("/api/v1/evaluations/file").then();
    }

    @Test
    void twoHundredThousandRowsAreCreatedThenReplaced() {
        String t = tag();
        String csv = grid(t, MODELS, BENCHMARKS, -1);
        upload(TestKeys.ADMIN, csv, "createMissing", "true").statusCode(200)
                .body("received", equalTo(MODELS * BENCHMARKS)).body("inserted", equalTo(MODELS * BENCHMARKS))
                .body("replaced", equalTo(0)).body("modelsCreated", equalTo(MODELS))
                .body("benchmarksCreated", equalTo(BENCHMARKS));
        // model 123 on benchmark 45: (123 * 7 + 45) % 1000 / 1000
        given().queryParam("model", "m" + t + "-123").queryParam("benchmark", "b" + t + "-45")
                .get("/api/v1/evaluations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].value", equalTo(0.906f)).body("items[0].stdError", equalTo(0.01f))
                .body("items[0].metric", equalTo("accuracy")).body("items[0].seed", equalTo(1));
        assertEquals(MODELS * BENCHMARKS, stored("m" + t + "-%"));
        // the public ids made with each chunk (TimeOrderedIds): distinct, version 7 with the variant of RFC 9562
        var ids = pool.preparedQuery("select count(distinct e.public_id), count(*) filter (where e.public_id::text"
                + " ~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$') from evaluation e"
                + " join model m on m.id = e.model_id where m.name like $1").execute(Tuple.of("m" + t + "-%"))
                .await().indefinitely().iterator().next();
        assertEquals(MODELS * BENCHMARKS, ids.getLong(0));
        assertEquals(MODELS * BENCHMARKS, ids.getLong(1));
        String id = given().queryParam("model", "m" + t + "-123").queryParam("benchmark", "b" + t + "-45")
                .get("/api/v1/evaluations").then().extract().path("items[0].id");
        String written = updatedAt(t);
        // the same file again: every row replaces its stored identity (the upsert path), nothing is created, and
        // the rows, equal to the stored ones, are left as they are (same id, same updated_at)
        upload(TestKeys.ADMIN, csv, "createMissing", "true").statusCode(200).body("inserted", equalTo(0))
                .body("replaced", equalTo(MODELS * BENCHMARKS)).body("modelsCreated", equalTo(0));
        assertEquals(MODELS * BENCHMARKS, stored("m" + t + "-%"));
        assertEquals(written, updatedAt(t));
        given().queryParam("model", "m" + t + "-123").queryParam("benchmark", "b" + t + "-45")
                .get("/api/v1/evaluations").then().statusCode(200).body("items[0].id", equalTo(id));
        // a changed value is rewritten, keeping its id
        upload(TestKeys.ADMIN, "model,benchmark,metric,seed,value,stdError\nm" + t + "-123,b" + t + "-45,accuracy,1,"
                + "0.125,0.02\n").statusCode(200).body("inserted", equalTo(0)).body("replaced", equalTo(1));
        given().queryParam("model", "m" + t + "-123").queryParam("benchmark", "b" + t + "-45")
                .get("/api/v1/evaluations").then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].value", equalTo(0.125f)).body("items[0].stdError", equalTo(0.02f));
        assertNotEquals(written, updatedAt(t));
    }

    @Test
    void aLaterChunkMeetsTheIdentitiesAndNamesAnEarlierChunkCreated() {
        String t = tag();
        // a workspace of its own: its 501 benchmarks stay out of the default workspace's first page of benchmarks
        String key = given().contentType(ContentType.JSON).body("{\"name\":\"chunks-" + t + "\"}")
                .post("/api/v1/workspaces").then().statusCode(201).extract().jsonPath().getString("adminKey.key");
        // rows 2 to 50,001 are the first chunk (EvaluationFiles.CHUNK) and create every model and benchmark of the
        // grid; the second chunk repeats an identity of the first (its model and benchmark created by this import,
        // but for the first chunk: the upsert replaces it), names a model it creates itself twice (a plain insert,
        // the later row kept) and a benchmark it creates without a metric (metric "score")
        String csv = grid(t, 100, 500, -1) + "m" + t + "-0,b" + t + "-0,accuracy,1,0.5,0.01\n"
                + "m" + t + "-new,b" + t + "-0,accuracy,1,0.25,0.01\n"
                + "m" + t + "-new,b" + t + "-0,accuracy,1,0.75,0.01\n"
                + "m" + t + "-0,nb" + t + ",,1,0.125,0.01\n";
        upload(key, csv, "createMissing", "true").statusCode(200).body("received", equalTo(50_004))
                .body("inserted", equalTo(50_002)).body("replaced", equalTo(2)).body("modelsCreated", equalTo(101))
                .body("benchmarksCreated", equalTo(501));
        assertEquals(50_002, stored("m" + t + "-%"));
        given().header(TestKeys.HEADER, key).queryParam("model", "m" + t + "-0").queryParam("benchmark", "b" + t + "-0")
                .get("/api/v1/evaluations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].value", equalTo(0.5f));
        given().header(TestKeys.HEADER, key).queryParam("model", "m" + t + "-new").get("/api/v1/evaluations").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].value", equalTo(0.75f));
        given().header(TestKeys.HEADER, key).queryParam("name", "nb" + t).get("/api/v1/benchmarks").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].metric", equalTo("score"));
        given().header(TestKeys.HEADER, key).queryParam("benchmark", "nb" + t).get("/api/v1/evaluations").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].metric", equalTo("score"))
                .body("items[0].value", equalTo(0.125f));
    }

    /** The latest updated_at of the evaluations of models named m{t}-*. */
    private String updatedAt(String t) {
        return pool.preparedQuery("select max(e.updated_at)::text from evaluation e join model m on m.id = e.model_id"
                + " where m.name like $1").execute(Tuple.of("m" + t + "-%")).await().indefinitely().iterator().next()
                .getString(0);
    }

    @Test
    void anUncommittedImportHoldsItsModelAgainstDeletion() {
        String t = tag();
        upload(TestKeys.ADMIN, grid(t, 1, 1, -1), "createMissing", "true").statusCode(200);
        long model = id("model", "m" + t + "-0", "default");
        long benchmark = id("benchmark", "b" + t + "-0", "default");
        SqlConnection importing = pool.getConnection().await().indefinitely();
        SqlConnection deleting = pool.getConnection().await().indefinitely();
        try {
            importing.query("begin").execute().await().indefinitely();
            importing.preparedQuery("insert into evaluation (workspace_id, model_id, benchmark_id, metric, value) "
                    + "values ($1, $2, $3, 'held', 1)").execute(Tuple.of(workspaceId("default"), model, benchmark))
                    .await().indefinitely();
            // the key check locked the model FOR KEY SHARE, as a foreign key check would: a delete must wait
            deleting.query("set lock_timeout = '300ms'").execute().await().indefinitely();
            PgException e = assertThrows(PgException.class, () -> deleting.preparedQuery(
                    "delete from model where id = $1").execute(Tuple.of(model)).await().indefinitely());
            assertEquals("55P03", e.getSqlState()); // lock_not_available
        } finally {
            importing.query("rollback").execute().await().indefinitely();
            deleting.query("reset lock_timeout").execute().await().indefinitely();
            importing.close().await().indefinitely();
            deleting.close().await().indefinitely();
        }
        assertEquals(1, stored("m" + t + "-%"));
    }

    @Test
    void aBadRowInTheMiddleStoresNothing() {
        String t = tag();
        long bad = 100_002; // the 100,001st row, in the third chunk: two chunks were written before it is read
        upload(TestKeys.ADMIN, grid(t, MODELS, BENCHMARKS, bad), "createMissing", "true").statusCode(400)
                .contentType(EvaluationFileTest.PROBLEM).body("errors", hasSize(1))
                .body("errors[0].row", equalTo((int) bad)).body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("0.5x"));
        assertEquals(0, stored("m" + t + "-%"));
        given().queryParam("name", "m" + t + "-0").get("/api/v1/models").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("name", "b" + t + "-0").get("/api/v1/benchmarks").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void importsStayInTheirWorkspace() {
        String t = tag();
        String other = given().contentType(ContentType.JSON).body("{\"name\":\"bulk-" + t + "\"}")
                .post("/api/v1/workspaces").then().statusCode(201).extract().jsonPath().getString("adminKey.key");
        // the same names in both workspaces: each import creates its own models and benchmarks
        String csv = grid(t, 3, 4, -1);
        upload(TestKeys.ADMIN, csv, "createMissing", "true").statusCode(200).body("modelsCreated", equalTo(3));
        upload(other, csv, "createMissing", "true").statusCode(200).body("inserted", equalTo(12))
                .body("modelsCreated", equalTo(3)).body("benchmarksCreated", equalTo(4));
        // without createMissing, a workspace's names do not resolve to another's
        String third = given().contentType(ContentType.JSON).body("{\"name\":\"bulk3-" + t + "\"}")
                .post("/api/v1/workspaces").then().statusCode(201).extract().jsonPath().getString("adminKey.key");
        upload(third, csv).statusCode(400).body("errors[0].field", equalTo("model"))
                .body("errors[0].row", equalTo(2));
        // each workspace holds its own twelve rows; replacing in one leaves the other's values
        upload(other, csv.replace(",0.01\n", ",0.02\n"), "createMissing", "true").statusCode(200)
                .body("replaced", equalTo(12));
        given().queryParam("model", "m" + t + "-0").get("/api/v1/evaluations").then().statusCode(200)
                .body("items", hasSize(4)).body("items[0].stdError", equalTo(0.01f));
        given().header(TestKeys.HEADER, other).queryParam("model", "m" + t + "-0").get("/api/v1/evaluations").then()
                .statusCode(200).body("items", hasSize(4)).body("items[0].stdError", equalTo(0.02f));
        assertEquals(24, stored("m" + t + "-%"));
    }

    @Test
    void aRowWithoutMetricAndOneNamingTheBenchmarksMetricAreOneIdentity() {
        String t = tag();
        // benchmark b exists with metric accuracy; rows 2 and 3 are one identity in one chunk: the last one is kept
        given().contentType(ContentType.JSON).body("{\"name\":\"mb" + t + "\",\"metric\":\"accuracy\"}")
                .post("/api/v1/benchmarks").then().statusCode(201);
        String csv = "model,benchmark,metric,value\nmm" + t + ",mb" + t + ",,0.25\nmm" + t + ",mb" + t + ",accuracy,0.75\n";
        upload(TestKeys.ADMIN, csv, "createMissing", "true").statusCode(200).body("received", equalTo(2))
                .body("inserted", equalTo(1)).body("replaced", equalTo(1));
        given().queryParam("model", "mm" + t).get("/api/v1/evaluations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].value", equalTo(0.75f));
    }

    @Test
    void theDatabaseChecksKeysPerStatementAndCascades() {
        String t = tag();
        upload(TestKeys.ADMIN, grid(t, 2, 2, -1), "createMissing", "true").statusCode(200).body("inserted", equalTo(4));
        String other = given().contentType(ContentType.JSON).body("{\"name\":\"keys-" + t + "\"}")
                .post("/api/v1/workspaces").then().statusCode(201).extract().jsonPath().getString("adminKey.key");
        upload(other, grid(t, 1, 1, -1), "createMissing", "true").statusCode(200);
        long model = id("model", "m" + t + "-0", "default");
        long benchmark = id("benchmark", "b" + t + "-0", "default");
        long otherModel = id("model", "m" + t + "-0", "keys-" + t);
        long workspace = workspaceId("default");
        // an evaluation whose model is of another workspace, or does not exist, is refused (23503)
        PgException e = assertThrows(PgException.class, () -> sql("insert into evaluation (workspace_id, model_id, "
                + "benchmark_id, metric, value) values ($1, $2, $3, 'x', 1)", workspace, otherModel, benchmark));
        assertEquals("23503", e.getSqlState());
        e = assertThrows(PgException.class, () -> sql("insert into evaluation (workspace_id, model_id, benchmark_id, "
                + "metric, value) values ($1, $2, $3, 'x', 1)", workspace, model, -1L));
        assertEquals("23503", e.getSqlState());
        // an evaluation's keys do not change, nor does a referenced model's workspace
        e = assertThrows(PgException.class, () -> sql("update evaluation set model_id = $1 where model_id = $2",
                otherModel, model));
        assertEquals("23503", e.getSqlState());
        e = assertThrows(PgException.class, () -> sql("update model set workspace_id = $1 where id = $2",
                workspaceId("keys-" + t), model));
        assertEquals("23503", e.getSqlState());
        // values still update; deleting a model, then a benchmark, deletes their evaluations
        sql("update evaluation set value = 0.5 where model_id = $1", model);
        assertEquals(4, stored("m" + t + "-%") - 1);
        sql("delete from model where id = $1", model);
        assertEquals(2, stored("m" + t + "-%") - 1);
        sql("delete from benchmark where id = $1", benchmark);
        assertEquals(1, stored("m" + t + "-%") - 1);
        // deleting a workspace reaches its evaluations through its models
        sql("delete from workspace where name = $1", "keys-" + t);
        assertEquals(1, stored("m" + t + "-%"));
    }

    /** Evaluations (of every workspace) whose model's name matches {@code pattern}. */
    private long stored(String pattern) {
        return pool.preparedQuery("select count(*) from evaluation e join model m on m.id = e.model_id where m.name like $1")
                .execute(Tuple.of(pattern)).await().indefinitely().iterator().next().getLong(0);
    }

    private long workspaceId(String name) {
        return pool.preparedQuery("select id from workspace where name = $1").execute(Tuple.of(name)).await()
                .indefinitely().iterator().next().getLong(0);
    }

    private long id(String table, String name, String workspace) {
        return pool.preparedQuery("select t.id from " + table + " t join workspace w on w.id = t.workspace_id "
                + "where t.name = $1 and w.name = $2").execute(Tuple.of(name, workspace)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().indefinitely();
    }
}
