package io.augur.platform.problem;

import io.augur.platform.http.HttpOperations;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problems for what the HTTP router answers before any resource runs, which would otherwise go out
 * with an empty body: a request target longer than {@code augur.http.max-uri-length} (414; the HTTP
 * decoder's own line limit, {@code quarkus.http.limits.max-initial-line-length}, is set above it so that
 * this answer, not the decoder's bodiless one, is what clients see), a request target that is not a
 * URI (RFC 3986: {@code %zz}, a bare {@code %}, {@code [}, {@code |} or a control character in the path or
 * query; 400 naming the part, path or query), and every routing failure (a body the router could not
 * read): problem+json with the failure's status.
 * <p>
 * Quarkus checks the target with {@link URI} itself and answers a bodiless 400 before any route runs,
 * unless the system property {@value #DISABLE_URI_VALIDATION} is true; {@link io.augur.platform.AugurMain}
 * and the test and native builds set it, so that the same check runs here, first, with a body. A request
 * line the HTTP decoder cannot split at all (a raw space inside the target) is answered by Vert.x's own
 * invalid-request handler, a bodiless 400 that closes the connection, before any hook Quarkus offers.
 */
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    /** The system property that moves the request-target check from Quarkus's bodiless 400 to here. */
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    void install(@Observes Router router, @ConfigProperty(name = "augur.http.max-uri-length") int maxUriLength) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > maxUriLength) {
                send(ctx, 414, "URI Too Long", "the request target is " + uri.length()
                        + " characters long, more than the limit of " + maxUriLength
                        + "; send large inputs in the request body", false);
            } else if (uri == null) {
                send(ctx, 400, "Bad Request", "the request has no target", true);
            } else if (malformedTarget(uri) instanceof URISyntaxException e) {
                int query = uri.indexOf('?');
                String part = query >= 0 && e.getIndex() > query ? "query" : "path";
                send(ctx, 400, "Bad Request", "the request target is not a valid URI (RFC 3986): " + e.getReason()
                        + " at index " + e.getIndex() + " of the " + part
                        + "; percent-encode reserved and non-ASCII characters (a literal % as %25)", true, part);
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

    /** The parse failure of the request target, or null when it is a URI reference. */
    static URISyntaxException malformedTarget(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e;
        }
    }

    private static void send(RoutingContext ctx, int status, String title, String detail, boolean close) {
        send(ctx, status, title, detail, close, null);
    }

    private static void send(RoutingContext ctx, int status, String title, String detail, boolean close, String field) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String instance;
        try {
            instance = ctx.request().path();
        } catch (RuntimeException e) {
            instance = null;
        }
        Problem p = new Problem("/problems/" + slug, title, status, detail, instance, field, null);
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
