package io.augur.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The page is served at / from the application's static resources, without disturbing the API's problems. */
@QuarkusTest
class PageRoutingTest {

    @Test
    void theRootServesThePage() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<title>Augur</title>")).body(containsString("augur.js"));
        given().get("/augur.js").then().statusCode(200).body(containsString("function requestHeaders()"));
        given().get("/augur.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void unknownPathsAndApiErrorsRemainProblems() {
        given().get("/no-such-page.html").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/no-such-resource").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().accept("application/problem+json").get("/api/v1/arenas/987654321").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("application/json").get("/api/v1/arenas?limit=1").then().statusCode(200).contentType("application/json");
    }
}
