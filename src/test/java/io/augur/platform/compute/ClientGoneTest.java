package io.augur.platform.compute;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A client that sends a long computation and hangs up: the compute pool trips the computation's token and
 * the work stops (the "client" cancellation counter moves and the pool becomes idle). The budget (60 s) is
 * far away and the work needs minutes, so only the hang-up can have stopped it. No timing is asserted.
 */
@QuarkusTest
class ClientGoneTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ComputePool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void hangingUpStopsTheComputation() throws Exception {
        double before = registry.counter("augur.compute.cancelled", "reason", "client").count();
        double budgetBefore = registry.counter("augur.compute.cancelled", "reason", "budget").count();
        byte[] body = HeavyWork.body().getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/forecasts/fit HTTP/1.1\r\nHost: " + root.getHost() + "\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            while (pool.active() == 0) { // the fit has started (after its body was parsed)
                Thread.sleep(10);
            }
            Thread.sleep(200); // past the parse task, into the fit
        }
        while (registry.counter("augur.compute.cancelled", "reason", "client").count() <= before) {
            Thread.sleep(20);
        }
        while (pool.active() > 0 || pool.queued() > 0) {
            Thread.sleep(20);
        }
        assertTrue(registry.counter("augur.compute.cancelled", "reason", "client").count() > before);
        // stopped by the hang-up, not by the 60 s budget (the work needs minutes)
        assertTrue(registry.counter("augur.compute.cancelled", "reason", "budget").count() == budgetBefore);
    }
}
