package io.augur.platform.compute;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A request that runs several computations (a streamed import runs two a chunk) must not keep the finished ones'
 * results reachable until it ends: the pool's per-request hang-up watch once held every one of them, and a
 * 1,000,000-row import ran out of a 256 MB heap. {@link RetentionProbe} drops the first computation's 16 MB result
 * and asks, in later computations of the same open request, whether it was collected.
 */
@QuarkusTest
class ComputeRetentionTest {

    @Test
    void aFinishedComputationsResultIsNotHeldByItsRequest() {
        given().get("/api/v1/test-only/compute-retention").then().statusCode(200).body(equalTo("released"));
    }
}
