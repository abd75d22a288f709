package io.augur.platform.auth;

import io.augur.platform.audit.AuditLog;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The current caller: bound by {@link Authenticator} to the request's duplicated Vert.x context (and its routing
 * context), or by the job runner to a job's context with the workspace the job was submitted in. Resources and the
 * services they call ask it for the {@link Workspace} to pass to the stores.
 */
@ApplicationScoped
public class CallerContext {

    private static final String KEY = Caller.class.getName();

    /** Binds the caller to the current duplicated context (a request's or a job's). */
    static void bind(Caller caller) {
        if (Authenticator.onDuplicatedContext()) {
            ContextLocals.put(KEY, caller);
        }
        RoutingContext rc = currentRequest();
        if (rc != null) {
            rc.put(Caller.ATTRIBUTE, caller);
            // the audit line's principal: the key's id or the token's subject, with the workspace; never a secret
            rc.put(AuditLog.PRINCIPAL_ATTRIBUTE, caller.quotaKey()
                    + (caller.workspace() == null ? "" : " in workspace " + caller.workspace().name()));
        }
    }

    /** Binds a job's caller, its workspace the one the job was submitted in, to the job's duplicated context. */
    public static void bindJob(Workspace workspace, String job) {
        if (!Authenticator.onDuplicatedContext()) {
            throw new IllegalStateException("a job's caller is bound on its duplicated context");
        }
        ContextLocals.put(KEY, new Caller(workspace, Role.READER, "job:" + job, null, Double.MAX_VALUE,
                Integer.MAX_VALUE));
    }

    /** The caller, or null when the request was not authenticated (an anonymous stateless computation). */
    public Caller caller() {
        if (Authenticator.onDuplicatedContext()) {
            Optional<Caller> bound = ContextLocals.get(KEY);
            if (bound.isPresent()) {
                return bound.get();
            }
        }
        RoutingContext rc = currentRequest();
        return rc == null ? null : rc.get(Caller.ATTRIBUTE);
    }

    /** The caller's workspace; 401 when there is none (a stored resource needs an authenticated caller). */
    public Workspace workspace() {
        Caller caller = caller();
        if (caller == null || caller.workspace() == null) {
            throw Authenticator.unauthenticated("stored resources need an API key or a bearer token");
        }
        return caller.workspace();
    }

    private static RoutingContext currentRequest() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<CurrentVertxRequest> h = Arc.container().instance(CurrentVertxRequest.class)) {
            return h.isAvailable() ? h.get().getCurrent() : null;
        }
    }
}
