package io.augur.reliability.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import io.restassured.response.Response;
import java.util.Collections;

/** Every documented example answers 200 as pasted; bad input answers 400 naming the field. */
@QuarkusTest
class ReliabilityResourceTest {

    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static ValidatableResponse post(String path, String body) {
        return given().config(DOUBLES).contentType(ContentType.JSON).body(body).post("/api/v1/reliability/" + path).then();
    }

    @Test
    void examples() {
        // clustered SE 0.1346600658448277 (numpy, see ReliabilityReferenceTest)
        post("error-bars", ReliabilityResource.ERROR_BARS_EXAMPLE).statusCode(200).body("score", closeTo(0.6, 1e-12))
                .body("clusteredStandardError", closeTo(0.1346600658448277, 1e-12)).body("bootstrapInterval.level", closeTo(0.95, 1e-12))
                .body("bootstrap.seed", equalTo(7));
        post("paired-comparisons", ReliabilityResource.PAIRED_EXAMPLE).statusCode(200).body("comparisons", hasSize(3))
                .body("permutation.seed", equalTo(7)).body("permutation.rounds", equalTo(2000))
                .body("comparisons[0].first", equalTo("A")).body("comparisons[0].second", equalTo("B"))
                .body("comparisons[0].difference", closeTo(0.375, 1e-12))
                .body("comparisons[0].mcnemar.method", equalTo("McNemar exact (binomial, two-sided)"))
                .body("comparisons[0].adjustedPValue", notNullValue()).body("comparisons[0].permutationPValue", notNullValue());
        // python3 -c "from scipy.stats import norm; import numpy as np; z=norm.ppf(.975)+norm.ppf(.8); sd=np.sqrt(2*.7*.3*.5);
        //   print(z*sd/np.sqrt(1000), np.ceil((z*sd/0.03)**2), np.ceil(2*(z*0.01/0.03)**2))" -> 0.040598826882230335 1832 2
        post("power", ReliabilityResource.POWER_EXAMPLE).statusCode(200)
                .body("minimumDetectableEffect", closeTo(0.040598826882230335, 1e-12))
                .body("itemsNeeded", equalTo(1832)).body("seedsNeeded", equalTo(2));
        post("seed-variance", ReliabilityResource.SEEDS_EXAMPLE).statusCode(200).body("seeds", equalTo(3))
                .body("checkpoints", hasSize(4)).body("monotonicity", closeTo(1.0, 1e-12));
        post("signal-to-noise", ReliabilityResource.SNR_EXAMPLE).statusCode(200)
                .body("signalToNoise.ratio", closeTo(15.410084029246907, 1e-9)).body("decisionAccuracy.pairs", equalTo(6));
        // python3 -c "from math import comb; v=[1-comb(200-c,10)/comb(200,10) for c in (13,0,150)]; print(sum(v)/3)"
        // -> 0.4991835523961908
        post("pass-at-k", ReliabilityResource.PASS_EXAMPLE).statusCode(200).body("problems", equalTo(3))
                .body("passAtK", closeTo(0.4991835523961908, 1e-13));
    }

    @Test
    void badInputNamesTheField() {
        post("seed-variance", "{\"steps\": [1, 2], \"scores\": [[0.1, 0.2]]}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("scores"));
        post("error-bars", "{\"scores\": [[1], [\"NaN\"]]}").statusCode(400);
        post("error-bars", "{\"scores\": [[1], [0]], \"clusters\": [\"a\"]}").statusCode(400).body("field", equalTo("clusters"));
        post("paired-comparisons", "{\"models\": {\"A\": [1, 0], \"B\": [1, 0, 1]}}").statusCode(400).body("field", equalTo("models.B"));
        post("power", "{\"items\": 100}").statusCode(400).body("field", equalTo("sdDifference"));
        post("pass-at-k", "{\"k\": 5, \"problems\": [{\"n\": 3, \"c\": 1}]}").statusCode(400).body("field", equalTo("k"));
        post("pass-at-k", "{\"k\": 1, \"problems\": [{\"n\": 3, \"c\": 4}]}").statusCode(400).body("field", equalTo("problems[0].c"));
        post("error-bars", "{\"scores\": [[1], [0]], \"bootstrap\": {\"rounds\": 1000000}}").statusCode(400)
                .body("field", equalTo("bootstrap.rounds"));
    }

    /** Parsed and validated on the compute pool; the problem lists the first 20 violations, not 20,000. */
    @Test
    void twentyThousandNullItemsAnswerTwentyErrors() {
        String nulls = String.join(",", Collections.nCopies(20_000, "null"));
        for (String[] c : new String[][] { {"error-bars", "{\"scores\": [" + nulls + "]}", "scores"},
                {"pass-at-k", "{\"k\": 1, \"problems\": [" + nulls + "]}", "problems"},
                {"signal-to-noise", "{\"finalScores\": [" + nulls + "], \"lastCheckpoints\": [[0.5, 0.6]]}", "finalScores"} }) {
            Response r = given().contentType(ContentType.JSON).body(c[1]).post("/api/v1/reliability/" + c[0]);
            r.then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(c[2] + "[0]")).body("errors", hasSize(20)).body("errors[19].field", equalTo(c[2] + "[19]"))
                    .body("detail", containsString("the first 20 of 21+ invalid fields"));
            assertTrue(r.asByteArray().length < 4_096, c[0] + ": problem of " + r.asByteArray().length + " bytes");
        }
    }
}
