package io.augur.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's OTLP/HTTP traces receiver, served by the tests themselves on a free port: it keeps
 * the body of every {@code POST /v1/traces} (an ExportTraceServiceRequest in protobuf, un-gzipped) and answers 200
 * with an empty ExportTraceServiceResponse. Sets the service's OTLP traces exporter (protocol http/protobuf) to it.
 * Restricted to the test profile that names it.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** The export requests received so far, in order of arrival. */
    public static List<byte[]> exports() {
        return List.copyOf(EXPORTS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                InputStream in = gzip ? new GZIPInputStream(raw) : raw;
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                in.transferTo(body);
                EXPORTS.add(body.toByteArray());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: zero bytes
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        });
        server.start();
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        EXPORTS.clear();
    }
}
