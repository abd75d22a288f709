package io.augur.testing;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * REST Assured settings for requests that may legitimately take minutes on a loaded machine (bulk uploads,
 * floods of concurrent requests): connect and socket timeouts of 10 minutes instead of the test default
 * ({@code quarkus.http.test-timeout}, 30 s). The tests assert what comes back, never how fast.
 */
public final class Patient {

    public static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 600_000).setParam("http.socket.timeout", 600_000));

    private Patient() {
    }
}
