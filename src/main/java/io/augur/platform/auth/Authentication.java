package io.augur.platform.auth;

import io.augur.platform.auth.Authenticator.Need;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request under /api is authenticated ({@link Authenticator}) and its role checked before the resource
 * method runs. GET needs reader; a POST to a {@link Computation} needs reader (or nothing, with
 * {@code augur.auth.anonymous-compute=true}); other writes need writer; {@link Access} says otherwise (key and
 * workspace management: admin).
 */
public class Authentication {

    private final Authenticator authenticator;

    public Authentication(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<jakarta.ws.rs.core.Response> authenticate(ContainerRequestContext ctx, ResourceInfo resource) {
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        return authenticator.admit(ctx.getHeaderString(Authenticator.API_KEY_HEADER), ctx.getHeaderString("Authorization"),
                need(ctx.getMethod(), resource)).replaceWith((jakarta.ws.rs.core.Response) null);
    }

    static Need need(String method, ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        Class<?> c = resource == null ? null : resource.getResourceClass();
        Access access = m != null && m.isAnnotationPresent(Access.class) ? m.getAnnotation(Access.class)
                : c != null ? c.getAnnotation(Access.class) : null;
        if (access != null) {
            return switch (access.value()) {
                case READER -> Need.READ;
                case WRITER -> Need.WRITE;
                case ADMIN -> Need.ADMIN;
            };
        }
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Need.READ;
        }
        boolean computation = (m != null && m.isAnnotationPresent(Computation.class))
                || (c != null && c.isAnnotationPresent(Computation.class));
        return computation && "POST".equals(method) ? Need.COMPUTE : Need.WRITE;
    }
}
