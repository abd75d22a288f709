package io.augur.horizon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.augur.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import io.restassured.response.Response;
import java.util.Collections;

@QuarkusTest
class HorizonResourceTest {

    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Test
    void jsonExampleAnswersAsDocumented() {
        given().config(DOUBLES).contentType(ContentType.JSON).body(HorizonResource.RUNS_EXAMPLE)
                .post("/api/v1/horizons/time-horizons").then().statusCode(200)
                .body("agents", hasSize(1)).body("agents[0].agent", equalTo("A"))
                .body("agents[0].horizons[0].status", equalTo("ESTIMATED"))
                .body("agents[0].horizons[0].interval.level", closeTo(0.95, 1e-12))
                .body("bootstrap.seed", equalTo(7)).body("bootstrap.rounds", equalTo(200));
    }

    @Test
    void metrRunsFileAsIs() throws IOException {
        byte[] body = Files.readAllBytes(SharedData.require("horizon/metr_runs_2025-01-22.jsonl"));
        // davinci-002 fails every run: rejected by default, naming the agent
        given().contentType("application/x-ndjson").body(body).queryParam("rounds", 0)
                .post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("runs[agent=davinci-002].score"));
        // reported on request; Claude 3.5 Sonnet (New) 60.52 min as METR's procedure gives (MetrHorizonReferenceTest)
        given().config(DOUBLES).contentType("application/x-ndjson").body(body).queryParam("rounds", 20)
                .queryParam("degenerateAgents", "report").post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(200)
                .body("agents", hasSize(11))
                .body("agents.find { it.agent == 'davinci-002' }.horizons[0].status", equalTo("UNBOUNDED_BELOW"))
                .body("agents.find { it.agent == 'davinci-002' }.horizons[0].minutes", nullValue())
                .body("agents.find { it.agent == 'Claude 3.5 Sonnet (New)' }.horizons[0].minutes", closeTo(60.5234, 0.6));
    }

    @Test
    void badJsonlNamesTheLine() {
        String lines = """
                {"alias":"A","task_id":"t1","task_family":"f","run_id":"1","human_minutes":2,"score_binarized":1,"invsqrt_task_weight":0.5}

                {"alias":"A","task_id":"t2","task_family":"f","run_id":"2","human_minutes":0,"score_binarized":0,"invsqrt_task_weight":0.5}
                """;
        given().contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("line 3.human_minutes"));
        given().contentType("application/x-ndjson").body("{\"alias\":\"A\"}\nnot json\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(400).body("field", equalTo("line 1.task_id"));
        given().contentType("application/x-ndjson").body(lines.replace("\"invsqrt_task_weight\":0.5}", "\"x\":1}").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(400).body("field", equalTo("line 1.invsqrt_task_weight"));
    }

    @Test
    void badJsonNamesTheField() {
        given().contentType(ContentType.JSON).body(HorizonResource.RUNS_EXAMPLE.replace("\"score\": 0, \"weight\": 1},\n  {\"agent\": \"A\", \"taskId\": \"f2/t4\"",
                "\"score\": 2, \"weight\": 1},\n  {\"agent\": \"A\", \"taskId\": \"f2/t4\""))
                .post("/api/v1/horizons/time-horizons").then().statusCode(400).body("field", equalTo("runs[2].score"));
        given().contentType(ContentType.JSON).body("{\"runs\": []}").post("/api/v1/horizons/time-horizons").then()
                .statusCode(400).body("field", equalTo("runs"));
    }

    @Test
    void trendExampleGivesMetrsSevenMonths() {
        given().config(DOUBLES).contentType(ContentType.JSON).body(HorizonResource.TREND_EXAMPLE)
                .post("/api/v1/horizons/trend").then().statusCode(200)
                .body("trend.models", hasSize(11)).body("trend.doublingMonths", closeTo(7.0, 0.1))
                .body("trend.doublingMonthsInterval.lower", notNullValue())
                .body("forecasts[0].minutes", equalTo(480.0)).body("forecasts[0].date", notNullValue())
                .body("backtest.predictions", hasSize(5)).body("shapes.exponential.aicc", notNullValue());
        given().contentType(ContentType.JSON).body("{\"models\": [{\"model\": \"a\", \"releaseDate\": \"2024-01-01\", \"minutes\": 1},"
                + "{\"model\": \"b\", \"releaseDate\": \"2024-06-01\", \"minutes\": -1}]}")
                .post("/api/v1/horizons/trend").then().statusCode(400).body("field", equalTo("models[1].minutes"));
        given().contentType(ContentType.JSON).body(HorizonResource.TREND_EXAMPLE.replace("2024-06-01", "2019-06-01"))
                .post("/api/v1/horizons/trend").then().statusCode(400).body("field", equalTo("backtestCutoff"));
    }

    @Test
    void jsonlExampleAnswersAsDocumented() {
        given().contentType("application/x-ndjson").body(HorizonResource.JSONL_EXAMPLE.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/horizons/time-horizons/jsonl").then().statusCode(200).body("agents[0].agent", equalTo("A"))
                .body("bootstrap.rounds", equalTo(1000));
    }

    @Test
    void documentedInOpenApi() {
        String doc = given().queryParam("format", "json").get("/api/openapi").then().statusCode(200).extract().asString();
        // engine result records have distinct simple names, so the schemas are not Result, Result1, ...
        org.junit.jupiter.api.Assertions.assertFalse(doc.contains("\"Result1\""), "duplicate schema names");
        for (String op : new String[] {"computeTimeHorizons", "computeHorizonTrend", "computeErrorBars", "comparePairedModels",
            "computePower", "computeSeedVariance", "computeSignalToNoise", "computePassAtK"}) {
            org.junit.jupiter.api.Assertions.assertTrue(doc.contains("\"operationId\" : \"" + op + "\"")
                    || doc.contains("\"operationId\":\"" + op + "\""), op);
        }
    }

    /** Parsed and validated on the compute pool; the problem lists the first 20 violations, not 20,000. */
    @Test
    void twentyThousandNullRunsAnswerTwentyErrors() {
        String nulls = String.join(",", Collections.nCopies(20_000, "null"));
        Response r = given().contentType(ContentType.JSON).body("{\"runs\": [" + nulls + "]}").post("/api/v1/horizons/time-horizons");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("runs[0]")).body("errors", hasSize(20)).body("errors[19].field", equalTo("runs[19]"))
                .body("detail", containsString("the first 20 of 21+ invalid fields"));
        assertTrue(r.asByteArray().length < 4_096, "problem of " + r.asByteArray().length + " bytes");
        // the trend's list holds at most 10,000 models: the size and the first 19 nulls are listed
        Response t = given().contentType(ContentType.JSON).body("{\"models\": [" + nulls + "]}").post("/api/v1/horizons/trend");
        t.then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("models")).body("errors", hasSize(20)).body("errors[1].field", equalTo("models[0]"))
                .body("errors[19].field", equalTo("models[18]"));
        assertTrue(t.asByteArray().length < 4_096, "problem of " + t.asByteArray().length + " bytes");
    }
}
