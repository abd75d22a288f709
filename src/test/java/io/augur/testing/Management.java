package io.augur.testing;

import io.restassured.specification.RequestSpecification;
import java.net.URL;

/**
 * Requests to the management interface (health, metrics, Swagger UI), which listens on its own port (port 0 in
 * tests). A test injects its URL with {@code @TestHTTPResource(value = "/", management = true) URL management;}
 * and sends {@code Management.given(management).get("/q/metrics")}.
 */
public final class Management {

    private Management() {
    }

    /** A request specification whose base is the management interface's scheme, host and port. */
    public static RequestSpecification given(URL management) {
        return io.restassured.RestAssured.given()
                .baseUri(management.getProtocol() + "://" + management.getHost()).port(management.getPort());
    }
}
