package io.augur.platform.audit;

import io.augur.platform.http.HttpOperations;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The audit trail: one JSON line on the logger {@value #CATEGORY} for every call of an {@link Audited} operation
 * (writes of stored data and key operations), written when the response has gone out, whatever its status:
 * <pre>{"audit":"augur","time":"2026-11-26T00:00:00.123Z","requestId":"...","principal":"anonymous",
 * "method":"DELETE","route":"/api/v1/models/{id}","status":204,"resourceId":"42"}</pre>
 * {@code principal} is the caller as authentication established it, never a secret: the request attribute
 * {@value #PRINCIPAL_ATTRIBUTE} when an authentication mechanism set it (an API key's id), otherwise the name of
 * Quarkus' SecurityIdentity, otherwise {@code anonymous}. {@code route} is the route template, never the raw
 * path; {@code resourceId} is the {@code id} path parameter, or the last segment of the Location of a create
 * (absent for imports). In prod the line is the message of a JSON log record (category {@value #CATEGORY}).
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "augur.audit";
    /** Request attribute (RoutingContext data) an authentication mechanism sets to the caller's id, e.g. the API key id. */
    public static final String PRINCIPAL_ATTRIBUTE = "augur.principal";
    static final String PENDING = "augur.audit.pending";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** An audited call under way: its route template and the id in its path. */
    record Pending(String method, String route, String pathId) {
    }

    /** Marks an audited call when RESTEasy has matched its resource method. */
    @ServerRequestFilter
    public void mark(ResourceInfo resource, UriInfo uri, RoutingContext ctx) {
        String method = ctx.request().method().name();
        Method m = resource.getResourceMethod();
        if (READS.contains(method) || m == null
                || !(m.isAnnotationPresent(Audited.class) || resource.getResourceClass().isAnnotationPresent(Audited.class))) {
            return;
        }
        String route = HttpOperations.route(ctx);
        ctx.put(PENDING, new Pending(method, route, uri.getPathParameters().getFirst("id")));
    }

    /** Writes the audit line of a marked call; called when its response has ended. */
    public void finish(RoutingContext ctx, String requestId, String route, int status) {
        Pending pending = ctx.get(PENDING);
        if (pending == null) {
            return;
        }
        String resourceId = pending.pathId();
        if (resourceId == null) {
            String location = ctx.response().headers().get("Location");
            if (location != null && !location.isEmpty()) {
                resourceId = location.substring(location.lastIndexOf('/') + 1);
            }
        }
        StringBuilder line = new StringBuilder(256).append("{\"audit\":\"augur\"");
        field(line, "time", Instant.now().toString());
        field(line, "requestId", requestId);
        field(line, "principal", principal(ctx));
        field(line, "method", pending.method());
        field(line, "route", HttpOperations.UNMATCHED.equals(route) ? pending.route() : route);
        line.append(",\"status\":").append(status);
        field(line, "resourceId", resourceId);
        LOG.info(line.append('}'));
    }

    /** The caller: the attribute an authentication mechanism set, the SecurityIdentity's name, or anonymous. */
    static String principal(RoutingContext ctx) {
        Object attribute = ctx.get(PRINCIPAL_ATTRIBUTE);
        if (attribute != null) {
            return attribute.toString();
        }
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
                return identity.getPrincipal().getName();
            }
        }
        return "anonymous";
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        sb.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
