package io.augur.forecast.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Epoch's Chinchilla CSV layout (Model Size, Training FLOP, loss; written here, not copied) into the Chinchilla fit. */
@QuarkusTest
class ScalingFileTest {

    @Test
    void aCsvInEpochsLayoutFitsLikeTheSamePointsInline() {
        // L = 1.8 + 480 / N^0.35 + 2100 / D^0.37 on a grid of runs, with C = 6 N D, plus a skipped column
        StringBuilder csv = new StringBuilder("Model Size,Training FLOP,loss,Source\n");
        StringJoiner inline = new StringJoiner(",", "[", "]");
        for (double n = 4e7; n <= 1.6e10; n *= 2.2) {
            for (double d = 2e9; d <= 5e11; d *= 3) {
                double loss = 1.8 + 480 / Math.pow(n, 0.35) + 2100 / Math.pow(d, 0.37);
                csv.append(n).append(',').append(6 * n * d).append(',').append(loss).append(",fig4\n");
                inline.add("{\"n\": " + n + ", \"d\": " + (6 * n * d) / (6 * n) + ", \"loss\": " + loss + "}");
            }
        }
        JsonPath file = given().multiPart("file", "svg_extracted_data.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .multiPart("rounds", "20").multiPart("seed", "3").post("/api/v1/forecasts/fit/file").then().statusCode(200)
                .body("form", equalTo("chinchilla")).body("fit.converged", equalTo(true)).extract().jsonPath();
        assertEquals(0.35, file.getDouble("fit.parameters.find { it.name == 'alpha' }.estimate"), 0.01);
        assertEquals(0.37, file.getDouble("fit.parameters.find { it.name == 'beta' }.estimate"), 0.01);
        assertEquals(1.8, file.getDouble("fit.parameters.find { it.name == 'E' }.estimate"), 0.02);
        JsonPath json = given().contentType(ContentType.JSON).body("{\"form\": \"chinchilla\", \"points\": " + inline
                + ", \"bootstrap\": {\"rounds\": 20, \"seed\": 3}}").post("/api/v1/forecasts/fit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(json.getDouble("fit.objective"), file.getDouble("fit.objective"), 1e-12);
    }

    @Test
    void aBadRowNamesItsLineAndColumn() {
        given().multiPart("file", "x.csv", "Model Size,Training FLOP,loss\n1e8,1e18,3.1\n2e8,,2.9\n"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/forecasts/fit/file").then().statusCode(400)
                .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("Training FLOP"));
        given().multiPart("file", "x.csv", "params,flops\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/forecasts/fit/file").then().statusCode(400).body("field", equalTo("file header"));
    }
}
