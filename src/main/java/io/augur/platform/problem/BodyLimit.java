package io.augur.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits request bodies and answers an oversized one with a 413 problem+json instead of the HTTP
 * layer's empty 413. A request whose Content-Length exceeds its limit is refused before its body is
 * read: {@code augur.http.upload-max-body-size} for multipart/form-data uploads (retrieval runs),
 * {@code augur.http.max-body-size} for everything else. A body sent chunked (no Content-Length) is counted
 * as it arrives ({@link ChunkedLimit}) and refused with the same problem, and the connection closed, as
 * soon as it passes that limit.
 */
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "augur.http.max-body-size") MemorySize body,
            @ConfigProperty(name = "augur.http.upload-max-body-size") MemorySize upload,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize transport) {
        long max = transport.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            String type = ctx.request().getHeader("Content-Type");
            boolean multipart = type != null && type.toLowerCase().startsWith("multipart/form-data");
            long limit = Math.min(max, (multipart ? upload : body).asLongValue());
            if (length == null && ctx.request().getHeader("Transfer-Encoding") != null) {
                ChunkedLimit.watch(ctx, limit, () -> tooLarge(ctx, limit, true));
            }
            if (length != null) {
                try {
                    if (Long.parseLong(length.strip()) > limit) {
                        tooLarge(ctx, limit, false);
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // the HTTP layer answers a malformed Content-Length itself
                }
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, max, false);
            } else {
                ctx.next();
            }
        });
    }

    /**
     * Answers 413. {@code close}: end the connection once the answer is sent, because the rest of the body
     * is being dropped unread (a chunked body past the limit); a Content-Length body is refused before it
     * is read and the client may finish sending it and read the answer.
     */
    private static void tooLarge(RoutingContext ctx, long max, boolean close) {
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        Problem p = new Problem("/problems/payload-too-large", "Payload Too Large", 413,
                "the request body is larger than the limit of " + max + " bytes; split the import into smaller batches",
                ctx.request().path(), null, null);
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(p))
                .onComplete(done -> {
                    if (close) {
                        ctx.request().connection().close();
                    }
                });
    }
}
