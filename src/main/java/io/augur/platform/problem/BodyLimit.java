package io.augur.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request body with a 413 problem+json instead of the HTTP layer's empty 413:
 * a request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} is refused before
 * its body is read, and a chunked body that outgrows the limit while it is read fails into the same
 * problem.
 */
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.strip()) > max) {
                        tooLarge(ctx, max);
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
                tooLarge(ctx, max);
            } else {
                ctx.next();
            }
        });
    }

    private static void tooLarge(RoutingContext ctx, long max) {
        Problem p = new Problem("/problems/payload-too-large", "Payload Too Large", 413,
                "the request body is larger than the limit of " + max + " bytes; split the import into smaller batches",
                ctx.request().path(), null, null);
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(p));
    }
}
