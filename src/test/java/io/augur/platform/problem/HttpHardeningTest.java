package io.augur.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5, over raw sockets: a request with both Transfer-Encoding and Content-Length is refused and
 * its connection closed, so bytes after it are never served as a second request (RFC 9112 section 6.1); a
 * half-sent request is closed by the server once the connection has been idle for
 * {@code quarkus.http.idle-timeout} (2 s here); a chunked body is held to the body limit (64K here) and
 * refused with a 413 problem. "Closed" means the server ended the stream: each read waits at most 10 s,
 * far longer than the idle timeout, and a read that times out is reported as a failure, not waited on.
 */
@QuarkusTest
@TestProfile(HttpHardeningTest.ShortTimeouts.class)
class HttpHardeningTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S", "augur.http.max-body-size", "64K");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void transferEncodingWithContentLengthIsRefusedAndTheConnectionClosed() throws IOException {
        String smuggled = "GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\n\r\n";
        String answer = RawHttp.exchange(base, "POST /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                + "0\r\n\r\n" + smuggled);
        assertFalse(answer.endsWith(RawHttp.STILL_OPEN), answer);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(1, answer.split("HTTP/1\\.1 ", -1).length - 1, "only one answer: " + answer);
    }

    @Test
    void aRequestWithHalfItsHeadersIsClosedWhenIdle() throws IOException {
        try (Socket s = RawHttp.open(base)) {
            s.getOutputStream().write(("GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = RawHttp.readAll(s.getInputStream());
            assertFalse(answer.endsWith(RawHttp.STILL_OPEN), "the server kept a half-sent request open: " + answer);
        }
    }

    @Test
    void aRequestWithHalfItsBodyIsClosedWhenIdle() throws IOException {
        try (Socket s = RawHttp.open(base)) {
            s.getOutputStream().write(("POST /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = RawHttp.readAll(s.getInputStream());
            assertFalse(answer.endsWith(RawHttp.STILL_OPEN), "the server kept a half-sent body open: " + answer);
        }
    }

    @Test
    void aChunkedBodyIsHeldToTheBodyLimit() throws IOException {
        try (Socket s = RawHttp.open(base)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + io.augur.testing.TestKeys.ADMIN + "\r\nContent-Type: text/csv\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String chunk = "model,benchmark,value\n" + "m,b,1\n".repeat(2000);
            try {
                for (int i = 0; i < 20; i++) { // 20 chunks of 12K: 240K, over the 64K limit
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server may close the connection before the client has sent everything
            }
            String answer = RawHttp.readAll(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer.substring(0, Math.min(400, answer.length())));
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertFalse(answer.endsWith(RawHttp.STILL_OPEN), answer);
        }
    }

}
