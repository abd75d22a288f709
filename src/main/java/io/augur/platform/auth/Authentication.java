package io.augur.platform.auth;

import io.augur.platform.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every request under /api and checks its role, before the resource method runs:
 * <ul>
 * <li>an API key in {@code X-API-Key} (or as {@code Authorization: Bearer augur_...}): found by its handle,
 * checked against its salted hash, refused when revoked. Keys are read from the database at most
 * {@code augur.auth.key-cache} (default 5 s) ago, so a revocation reaches every replica within that time
 * (at once on the replica that revoked it);</li>
 * <li>an OIDC bearer token (a JWT), verified by SmallRye JWT against the configured key set
 * ({@code mp.jwt.verify.publickey.location}, a JWKS URL) and issuer; the workspace (by name) and the role come
 * from the claims {@code augur.auth.oidc.workspace-claim} and {@code augur.auth.oidc.role-claim} (dotted paths
 * reach nested claims, e.g. Keycloak's {@code realm_access.roles}; of several roles the highest counts).</li>
 * </ul>
 * Roles: GET needs reader; a POST to a {@link Computation} needs reader (or nothing, with
 * {@code augur.auth.anonymous-compute=true}); other writes need writer; {@link Access} says otherwise (key and
 * workspace management: admin). No or a wrong credential: 401 with WWW-Authenticate; too small a role: 403;
 * more than the caller's requests per second: 429 with Retry-After.
 */
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class);
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String CHALLENGE_KEY = "ApiKey realm=\"augur\", header=\"" + API_KEY_HEADER + "\"";

    /** What a request needs: a role, or (COMPUTE) a reader unless anonymous computations are allowed. */
    enum Need {
        COMPUTE(Role.READER), READ(Role.READER), WRITE(Role.WRITER), ADMIN(Role.ADMIN);

        final Role role;

        Need(Role role) {
            this.role = role;
        }
    }

    private final AccessStore store;
    private final CallerContext context;
    private final CurrentVertxRequest request;
    private final Instance<CurrentIdentityAssociation> identities;
    private final boolean enabled;
    private final boolean anonymousCompute;
    private final boolean bearerConfigured;
    private final double defaultRate;
    private final int defaultComputations;
    private final String workspaceClaim;
    private final String roleClaim;
    private final RateLimiter limiter;

    public Authentication(AccessStore store, CallerContext context, CurrentVertxRequest request,
            Instance<CurrentIdentityAssociation> identities,
            @ConfigProperty(name = "augur.auth.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "augur.auth.anonymous-compute", defaultValue = "false") boolean anonymousCompute,
            @ConfigProperty(name = "augur.auth.rate-limit.requests-per-second", defaultValue = "50") double rate,
            @ConfigProperty(name = "augur.auth.rate-limit.burst-seconds", defaultValue = "2") double burstSeconds,
            @ConfigProperty(name = "augur.auth.max-computations", defaultValue = "4") int computations,
            @ConfigProperty(name = "augur.auth.oidc.workspace-claim", defaultValue = "augur_workspace") String workspaceClaim,
            @ConfigProperty(name = "augur.auth.oidc.role-claim", defaultValue = "augur_role") String roleClaim,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwks,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey) {
        if (!enabled && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("augur.auth.enabled=false is allowed in dev mode and tests only");
        }
        this.store = store;
        this.context = context;
        this.request = request;
        this.identities = identities;
        this.enabled = enabled;
        this.anonymousCompute = anonymousCompute;
        this.bearerConfigured = jwks.isPresent() || publicKey.isPresent();
        this.defaultRate = rate;
        this.defaultComputations = Math.max(1, computations);
        this.workspaceClaim = workspaceClaim;
        this.roleClaim = roleClaim;
        this.limiter = new RateLimiter(burstSeconds, System::nanoTime);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<jakarta.ws.rs.core.Response> authenticate(ContainerRequestContext ctx, ResourceInfo resource) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        Need need = need(ctx.getMethod(), resource);
        Uni<Caller> caller;
        if (!enabled) {
            caller = workspace(AccessStore.DEFAULT_WORKSPACE).map(w -> new Caller(w, Role.ADMIN, "dev", null,
                    defaultRate, defaultComputations));
        } else {
            caller = identify(ctx, need);
        }
        return caller.map(c -> {
            if (c != null && !c.role().includes(need.role)) {
                throw new ProblemException(403, "/problems/forbidden", "Forbidden", "this operation needs the role "
                        + need.role.wire() + "; the caller's role is " + c.role().wire(), null, null);
            }
            double rate = c == null ? defaultRate : c.requestsPerSecond();
            long wait = limiter.acquire(c == null ? "anonymous" : c.quotaKey(), rate);
            if (wait > 0) {
                throw new ProblemException(429, "/problems/rate-limited", "Too many requests", "more than " + rate
                        + " requests per second; retry after the Retry-After seconds", null, null).retryAfter(wait);
            }
            Caller effective = c != null ? c
                    : new Caller(null, Role.READER, "anonymous", null, defaultRate, defaultComputations);
            context.set(effective);
            if (request.getCurrent() != null) {
                request.getCurrent().put(Caller.ATTRIBUTE, effective);
            }
            return null;
        });
    }

    /** The caller of the request, null for an anonymous computation that is allowed; fails with a 401. */
    private Uni<Caller> identify(ContainerRequestContext ctx, Need need) {
        String key = ctx.getHeaderString(API_KEY_HEADER);
        String authorization = ctx.getHeaderString("Authorization");
        String bearer = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bearer = authorization.substring(7).strip();
        }
        if (key == null && bearer != null && bearer.startsWith(KeySecrets.PREFIX)) {
            key = bearer;
            bearer = null;
        }
        if (key != null) {
            return byKey(key.strip());
        }
        if (bearer != null) {
            return byToken();
        }
        if (need == Need.COMPUTE && anonymousCompute) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().failure(unauthenticated("this operation needs an API key (header " + API_KEY_HEADER
                + ") or a bearer token"));
    }

    private Uni<Caller> byKey(String key) {
        String handle = KeySecrets.handle(key);
        if (handle == null) {
            return Uni.createFrom().failure(unauthenticated("the API key is not one this service issued"));
        }
        return store.lookup(handle).map(k -> {
            if (k == null || !KeySecrets.matches(k.salt(), k.hash(), key)) {
                throw unauthenticated("the API key is not valid");
            }
            if (k.revoked()) {
                throw unauthenticated("the API key was revoked");
            }
            return new Caller(k.workspace(), k.role(), "key:" + k.id(), k.id(),
                    k.requestsPerSecond() != null ? k.requestsPerSecond() : defaultRate,
                    k.maxComputations() != null ? k.maxComputations() : defaultComputations);
        });
    }

    private Uni<Caller> byToken() {
        if (!bearerConfigured || !identities.isResolvable()) {
            return Uni.createFrom().failure(invalidToken("bearer tokens are not accepted: no OIDC key set is "
                    + "configured (mp.jwt.verify.publickey.location); use an API key"));
        }
        return identities.get().getDeferredIdentity()
                .onFailure().transform(f -> {
                    LOG.debugf(f, "bearer token refused");
                    return invalidToken("the bearer token is not valid (signature, issuer, audience or expiry)");
                })
                .flatMap(this::fromToken);
    }

    private Uni<Caller> fromToken(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().failure(invalidToken("the bearer token is not valid"));
        }
        List<String> workspaceNames = strings(claim(jwt, workspaceClaim));
        Role role = null;
        for (String r : strings(claim(jwt, roleClaim))) {
            Role candidate = Role.of(r);
            if (candidate != null && (role == null || candidate.includes(role))) {
                role = candidate;
            }
        }
        if (workspaceNames.size() != 1 || role == null) {
            return Uni.createFrom().failure(new ProblemException(403, "/problems/forbidden", "Forbidden",
                    "the token must name one workspace in claim '" + workspaceClaim + "' and a role (reader, writer "
                            + "or admin) in claim '" + roleClaim + "'", null, null));
        }
        Role granted = role;
        String subject = jwt.getIssuer() + " " + jwt.getSubject();
        return workspace(workspaceNames.getFirst()).map(w -> {
            if (w == null) {
                throw new ProblemException(403, "/problems/forbidden", "Forbidden", "the token's workspace '"
                        + workspaceNames.getFirst() + "' does not exist", null, null);
            }
            return new Caller(w, granted, "token:" + subject, null, defaultRate, defaultComputations);
        });
    }

    private Uni<Workspace> workspace(String name) {
        return store.workspaceCached(name);
    }

    /** A claim by dotted path (realm_access.roles); null when absent. */
    private static Object claim(JsonWebToken jwt, String path) {
        String[] parts = path.split("\\.");
        Object v = jwt.getClaim(parts[0]);
        for (int i = 1; i < parts.length && v != null; i++) {
            v = v instanceof JsonObject o ? o.get(parts[i]) : null;
        }
        return v;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonString s) {
            out.add(s.getString());
        } else if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof JsonArray a) {
            for (JsonValue e : a) {
                if (e instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (v instanceof Collection<?> c) {
            for (Object e : c) {
                out.addAll(strings(e));
            }
        }
        return out;
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

    static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "/problems/unauthenticated", "Unauthorized", detail, null, null)
                .header("WWW-Authenticate", CHALLENGE_KEY).header("WWW-Authenticate", "Bearer realm=\"augur\"");
    }

    private static ProblemException invalidToken(String detail) {
        return new ProblemException(401, "/problems/unauthenticated", "Unauthorized", detail, null, null)
                .header("WWW-Authenticate", "Bearer realm=\"augur\", error=\"invalid_token\"")
                .header("WWW-Authenticate", CHALLENGE_KEY);
    }
}
