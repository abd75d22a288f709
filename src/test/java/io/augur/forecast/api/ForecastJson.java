package io.augur.forecast.api;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;

/** Synthetic curves with known parameters, as JSON, and a POST helper for the forecast tests. */
final class ForecastJson {

    private ForecastJson() {
    }

    /** JSON numbers with a fraction read as doubles, so closeTo and equalTo compare doubles. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static final String PROBLEM = "application/problem+json";

    /** Known power law y = E + A x^-alpha. */
    static final double E = 1.69;
    static final double A = 400;
    static final double ALPHA = 0.34;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse post(String path, String body) {
        return given().config(DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/forecasts/" + path).then();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    static double powerLaw(double x) {
        return E + A * Math.pow(x, -ALPHA);
    }

    /** Nine points x = 1e6 ... 1e10 (half-decades) with +-0.3% alternating noise. */
    static String powerLawPoints() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int k = 0; k <= 8; k++) {
            double x = Math.pow(10, 6 + 0.5 * k);
            double y = powerLaw(x) * (k % 2 == 0 ? 1.003 : 0.997);
            j.add("{\"x\": " + num(x) + ", \"y\": " + num(y) + "}");
        }
        return j.toString();
    }

    /** Chinchilla law with E = 1.8, A = 400, B = 2000, alpha = 0.34, beta = 0.37 on a 4 x 4 grid of N and D. */
    static double chinchilla(double n, double d) {
        return 1.8 + 400 * Math.pow(n, -0.34) + 2000 * Math.pow(d, -0.37);
    }

    static String chinchillaPoints() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        int k = 0;
        for (double n : new double[] {1e7, 1e8, 1e9, 1e10}) {
            for (double d : new double[] {1e9, 1e10, 1e11, 1e12}) {
                double loss = chinchilla(n, d) * (k++ % 2 == 0 ? 1.002 : 0.998);
                j.add("{\"n\": " + num(n) + ", \"d\": " + num(d) + ", \"loss\": " + num(loss) + "}");
            }
        }
        return j.toString();
    }

    /** Score sigmoid against log10 x with floor 0.25: 0.25 + 0.75 / (1 + exp(-1.5 (log10 x - 22))). */
    static double sigmoid(double x) {
        return 0.25 + 0.75 / (1 + Math.exp(-1.5 * (Math.log10(x) - 22)));
    }

    static String sigmoidPoints() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int k = 0; k <= 10; k++) {
            double x = Math.pow(10, 19 + 0.6 * k);
            double y = sigmoid(x) + (k % 2 == 0 ? 0.004 : -0.004);
            j.add("{\"x\": " + num(x) + ", \"y\": " + num(y) + "}");
        }
        return j.toString();
    }
}
