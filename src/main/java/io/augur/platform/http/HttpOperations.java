package io.augur.platform.http;

import io.augur.platform.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * What every HTTP exchange gets before anything else runs (the first route of the public router, and of the
 * management router for the headers):
 * <ul>
 * <li>a request id ({@link RequestIds}): in the MDC, the {@code X-Request-Id} response header, every problem and,
 * when OpenTelemetry tracing is on, the request's server span (attribute {@value RequestIds#SPAN_ATTRIBUTE});</li>
 * <li>security headers on every response, written just before the head goes out whoever answers:
 * {@code X-Content-Type-Options: nosniff}, {@code Content-Security-Policy: frame-ancestors 'none'} (and
 * {@code X-Frame-Options: DENY} for older browsers), {@code Referrer-Policy: no-referrer},
 * {@code Cache-Control: no-store} unless the handler set its own, and {@code Strict-Transport-Security} when the
 * request came over TLS: directly, or through a TLS-terminating proxy that says {@code X-Forwarded-Proto: https}
 * (browsers ignore HSTS received over plain HTTP, RFC 6797 section 8.1, so a forged header cannot do harm);</li>
 * <li>the route tag of the request's metrics set to {@link #UNMATCHED} (exported as {@code uri="/UNMATCHED"}) until a REST resource matches (RESTEasy
 * Reactive then overwrites it with the route template), so requests answered before routing (413, 414, 404 on
 * unknown paths) never put raw paths into metric labels;</li>
 * <li>at the end: counters of 503 and 429 answers per route ({@code augur_http_rejected_total}), and the audit line
 * of a write ({@link AuditLog}).</li>
 * </ul>
 */
public class HttpOperations {

    /** The Vert.x context local RESTEasy Reactive writes the matched route template to (its ObservabilityUtil), read by the HTTP metrics. */
    static final String ROUTE_LOCAL = "UrlPathTemplate";
    /** The route of requests no REST resource matched. */
    public static final String UNMATCHED = "UNMATCHED";

    @Inject
    MeterRegistry registry;
    @Inject
    AuditLog audit;

    @ConfigProperty(name = "augur.http.hsts-max-age")
    Duration hstsMaxAge;

    /** Runs before the other observers of the router (lower priority first), so its route is the first one. */
    void install(@Observes @Priority(10) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::begin);
    }

    void installManagement(@Observes @Priority(10) ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> securityHeaders(ctx, hstsMaxAge));
            ctx.next();
        });
    }

    private void begin(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.put(RequestIds.MDC_KEY, id);
        Span.current().setAttribute(RequestIds.SPAN_ATTRIBUTE, id); // no-op unless tracing is on
        Context context = requestContext(ctx);
        if (context != null && context.getLocal(ROUTE_LOCAL) == null) {
            context.putLocal(ROUTE_LOCAL, UNMATCHED);
        }
        ctx.addHeadersEndHandler(v -> {
            ctx.response().headers().set(RequestIds.HEADER, id);
            securityHeaders(ctx, hstsMaxAge);
        });
        ctx.addEndHandler(done -> end(ctx, id));
        ctx.next();
    }

    private void end(RoutingContext ctx, String id) {
        int status = ctx.response().getStatusCode();
        String route = route(ctx);
        if (status == 503 || status == 429) {
            Counter.builder("augur.http.rejected").tag("status", Integer.toString(status)).tag("route", route)
                    .description("requests answered 503 (busy, time budget spent, database unavailable, shutting down)"
                            + " or 429 (rate limited)")
                    .register(registry).increment();
        }
        audit.finish(ctx, id, route, status);
    }

    /** The headers every response carries; see the class comment. Also called by handlers that answer before routing. */
    public static void securityHeaders(RoutingContext ctx, Duration hstsMaxAge) {
        MultiMap headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        if (hstsMaxAge != null && !hstsMaxAge.isZero() && overTls(ctx)) {
            headers.set("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains");
        }
    }

    /** TLS to this server, or to the proxy in front of it ({@code X-Forwarded-Proto: https}, its first value). */
    static boolean overTls(RoutingContext ctx) {
        if (ctx.request().isSSL()) {
            return true;
        }
        String proto = ctx.request().getHeader("X-Forwarded-Proto");
        return proto != null && proto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    /** The route template of the request (its metrics' uri tag), or {@link #UNMATCHED}. */
    public static String route(RoutingContext ctx) {
        Context context = requestContext(ctx);
        Object route = context == null ? null : context.getLocal(ROUTE_LOCAL);
        return route == null ? UNMATCHED : route.toString();
    }

    /** The route of the request handled on the current Vert.x context, or null outside a request. */
    public static String currentRoute() {
        Context context = io.vertx.core.Vertx.currentContext();
        Object route = context == null ? null : context.getLocal(ROUTE_LOCAL);
        return route == null ? null : route.toString();
    }

    private static Context requestContext(RoutingContext ctx) {
        return ctx.request() instanceof HttpServerRequestInternal internal ? internal.context() : null;
    }
}
