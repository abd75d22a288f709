package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.num;
import static io.augur.forecast.api.ForecastJson.post;
import static io.augur.forecast.api.ForecastJson.sigmoid;
import static io.augur.forecast.api.ForecastJson.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The same evaluations stored in another order (models created and evaluations imported shuffled) give
 * identical numbers, intervals included: the store reads in a canonical order and the mapper orders the
 * points by their inputs before fitting and resampling.
 */
@QuarkusTest
class SelectionOrderTest {

    @Test
    void aShuffledImportGivesIdenticalNumbers() {
        String family = unique("order");
        String first = unique("bench-a");
        String second = unique("bench-b");
        for (String b : List.of(first, second)) {
            given().contentType(ContentType.JSON).body("{\"name\":\"" + b + "\",\"metric\":\"accuracy\",\"higherIsBetter\":true,"
                    + "\"chanceLevel\":0.25}").post("/api/v1/benchmarks").then().statusCode(201);
        }
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < 14; k++) {
            ks.add(k);
        }
        Collections.shuffle(ks, new Random(3));
        for (int k : ks) { // models created out of order; two models share each of the last inputs (averaged)
            double x = Math.pow(10, 19 + 0.6 * Math.min(k, 10));
            given().contentType(ContentType.JSON).body("{\"name\":\"" + family + "-" + k + "\",\"family\":\"" + family
                    + "\",\"trainingCompute\":" + num(x) + "}").post("/api/v1/models").then().statusCode(201);
        }
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 14; k++) {
            double x = Math.pow(10, 19 + 0.6 * Math.min(k, 10));
            double y = sigmoid(x) + (k % 2 == 0 ? 0.004 : -0.0035) + 0.001 * (k / 10);
            rows.add("{\"model\":\"" + family + "-" + k + "\",\"benchmark\":\"%s\",\"value\":" + num(y) + "}");
        }
        given().contentType(ContentType.JSON).body(join(rows, first)).post("/api/v1/evaluations").then().statusCode(200);
        Collections.shuffle(rows, new Random(11));
        for (String row : rows) { // one at a time, in another order
            given().contentType(ContentType.JSON).body(join(List.of(row), second)).post("/api/v1/evaluations").then().statusCode(200);
        }
        JsonPath a = fit(first, family);
        JsonPath b = fit(second, family);
        for (String path : List.of("fit.parameters.estimate", "fit.parameters.interval.lower", "fit.parameters.interval.upper")) {
            assertEquals(a.getList(path, Double.class), b.getList(path, Double.class), path);
        }
        assertEquals(a.getDouble("fit.objective"), b.getDouble("fit.objective"));
    }

    private static String join(List<String> rows, String benchmark) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        rows.forEach(r -> j.add(r.formatted(benchmark)));
        return j.toString();
    }

    private static JsonPath fit(String benchmark, String family) {
        return post("fit", "{\"form\": \"sigmoid\", \"selection\": {\"benchmark\": \"" + benchmark + "\", \"family\": \""
                + family + "\"}, \"bootstrap\": {\"rounds\": 200, \"seed\": 5}}").statusCode(200).extract().jsonPath();
    }
}
