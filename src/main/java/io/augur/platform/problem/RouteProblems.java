package io.augur.platform.problem;

import io.augur.platform.http.HttpOperations;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problems for what the HTTP router answers before any resource runs, which would otherwise go out
 * with an empty body: a request target longer than {@code augur.http.max-uri-length} (414; the HTTP
 * decoder's own line limit, {@code quarkus.http.limits.max-initial-line-length}, is set above it so that
 * this answer, not the decoder's bodiless one, is what clients see), and every routing failure (a
 * malformed path, a body the router could not read): problem+json with the failure's status.
 */
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    void install(@Observes Router router, @ConfigProperty(name = "augur.http.max-uri-length") int maxUriLength) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > maxUriLength) {
                send(ctx, 414, "URI Too Long", "the request target is " + uri.length()
                        + " characters long, more than the limit of " + maxUriLength
                        + "; send large inputs in the request body", false);
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(RouteProblems::failed);
        // failures before any route matched (a path that cannot be decoded) go to the router's error handlers
        for (int status : new int[] { 400, 404, 405, 413, 414, 500 }) {
            router.errorHandler(status, RouteProblems::failed);
        }
    }

    private static void failed(RoutingContext ctx) {
        {
            if (ctx.response().headWritten() || ctx.response().ended()) {
                if (!ctx.response().ended()) {
                    ctx.next();
                }
                return;
            }
            int status = ctx.statusCode();
            if (status < 400) {
                status = 500;
            }
            if (status >= 500) {
                LOG.errorf(ctx.failure(), "Routing failure %d on %s %s", status, ctx.request().method(),
                        ctx.request().path());
            }
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            String detail = switch (status) {
                case 400 -> "the request could not be read: malformed path, query or body";
                case 404 -> "no resource at " + ctx.request().path();
                case 500 -> "the request could not be completed; the failure was logged";
                default -> reason;
            };
            send(ctx, status, reason, detail, status == 400);
        }
    }

    private static void send(RoutingContext ctx, int status, String title, String detail, boolean close) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String instance;
        try {
            instance = ctx.request().path();
        } catch (RuntimeException e) {
            instance = null;
        }
        Problem p = new Problem("/problems/" + slug, title, status, detail, instance, null, null);
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        // a failure before any route ran (an undecodable path) has not been through HttpOperations
        HttpOperations.securityHeaders(ctx, null);
        if (close) {
            // a request that could not be parsed leaves the connection in an unknown state: end it
            response.putHeader("Connection", "close");
            response.end(Json.encode(p)).onComplete(done -> ctx.request().connection().close());
        } else {
            response.end(Json.encode(p));
        }
    }
}
