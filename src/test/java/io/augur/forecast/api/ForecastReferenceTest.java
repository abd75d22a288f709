package io.augur.forecast.api;

import static io.augur.forecast.api.ForecastJson.num;
import static io.augur.forecast.api.ForecastJson.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * End to end through the API: Epoch AI's Chinchilla points (D = C / 6N, the 5 highest losses dropped)
 * reproduce Epoch's Huber fit (Besiroglu et al. 2024) and its bootstrap intervals for alpha and beta.
 */
@QuarkusTest
class ForecastReferenceTest {

    private static String epochPoints() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("scaling/chinchilla_epoch_points.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        int cn = header.indexOf("Model Size");
        int cc = header.indexOf("Training FLOP");
        int cl = header.indexOf("loss");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] r = line.split(",", -1);
            double n = Double.parseDouble(r[cn]);
            rows.add(new double[] {n, Double.parseDouble(r[cc]) / (6 * n), Double.parseDouble(r[cl])});
        }
        rows.sort(Comparator.comparingDouble(a -> a[2]));
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (double[] a : rows.subList(0, rows.size() - 5)) {
            j.add("{\"n\":" + num(a[0]) + ",\"d\":" + num(a[1]) + ",\"loss\":" + num(a[2]) + "}");
        }
        return j.toString();
    }

    private static double param(JsonPath json, String name, String what) {
        return json.getDouble("fit.parameters.find { it.name == '" + name + "' }." + what);
    }

    @Test
    void chinchillaThroughTheFitEndpointReproducesEpoch() throws IOException {
        JsonPath json = post("fit", "{\"form\": \"chinchilla\", \"points\": " + epochPoints()
                + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}")
                .statusCode(200).body("fit.converged", equalTo(true)).body("data.points", equalTo(240))
                .extract().jsonPath();
        double objective = json.getDouble("fit.objective");
        assertTrue(objective <= 0.0010182740 + 1e-9, "objective " + objective);
        assertEquals(477.8, param(json, "A", "estimate"), 4.778);
        assertEquals(2143, param(json, "B", "estimate"), 21.43);
        assertEquals(1.8172, param(json, "E", "estimate"), 0.018172);
        assertEquals(0.3473, param(json, "alpha", "estimate"), 0.003473);
        assertEquals(0.3672, param(json, "beta", "estimate"), 0.003672);
        assertTrue(param(json, "alpha", "interval.lower") <= 0.373 && param(json, "alpha", "interval.upper") >= 0.317,
                "alpha interval overlaps Epoch's 0.317-0.373");
        assertTrue(param(json, "beta", "interval.lower") <= 0.415 && param(json, "beta", "interval.upper") >= 0.331,
                "beta interval overlaps Epoch's 0.331-0.415");
        assertEquals(7, json.getInt("fit.bootstrap.seed"));
    }
}
