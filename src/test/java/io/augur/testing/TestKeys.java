package io.augur.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Authentication stays on in the tests: every REST Assured request of a {@code @QuarkusTest} carries the test
 * profile's admin key ({@code %test.augur.auth.bootstrap-key}, created at start by KeyBootstrap), unless it
 * sets its own {@code X-API-Key} or {@code Authorization}, or asks for none with {@link #ANONYMOUS}.
 * Registered as a Quarkus test callback (META-INF/services), so no test has to remember it.
 */
public class TestKeys implements QuarkusTestBeforeEachCallback {

    /** The test profile's bootstrap admin key of the default workspace. */
    public static final String ADMIN = "augur_testkey_the-test-profile-admin-key-0123456789";
    /** The header that carries an API key. */
    public static final String HEADER = "X-API-Key";
    /** A request header (removed before sending) that asks for no key at all. */
    public static final String ANONYMOUS = "X-Test-Anonymous";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof AddKey)) {
            RestAssured.filters(new AddKey());
        }
    }

    /** Adds the admin key to a request that names no credential. */
    static final class AddKey implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext ctx) {
            if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
                request.removeHeader(ANONYMOUS);
            } else if (!request.getHeaders().hasHeaderWithName(HEADER)
                    && !request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header(HEADER, ADMIN);
            }
            return ctx.next(request, response);
        }
    }
}
