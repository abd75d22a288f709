package io.augur.platform.auth;

import io.augur.platform.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who is calling, from the request's credentials, shared by the REST layer ({@link Authentication}) and the
 * routes ahead of it (a job submitted with {@code Prefer: respond-async}):
 * <ul>
 * <li>an API key in {@code X-API-Key} (or as {@code Authorization: Bearer augur_...}): found by its handle,
 * checked against its salted hash, refused when revoked. Keys are read from the database at most
 * {@code augur.auth.key-cache} (default 5 s) ago, so a revocation reaches every replica within that time (at once
 * on the replica that revoked it);</li>
 * <li>an OIDC bearer token (a JWT), verified by SmallRye JWT's parser against the configured key set
 * ({@code mp.jwt.verify.publickey.location}, a JWKS URL, fetched and cached off the event loop) and issuer; the
 * workspace (by name) and the role come from the claims {@code augur.auth.oidc.workspace-claim} and
 * {@code augur.auth.oidc.role-claim} (dotted paths reach nested claims, e.g. Keycloak's
 * {@code realm_access.roles}; of several roles the highest counts).</li>
 * </ul>
 * No or a wrong credential: 401 with WWW-Authenticate; too small a role: 403; more than the caller's requests per
 * second: 429 with Retry-After. The caller is then bound to the request's (duplicated) Vert.x context, where
 * {@link CallerContext} finds it.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String CHALLENGE_KEY = "ApiKey realm=\"augur\", header=\"" + API_KEY_HEADER + "\"";

    private final AccessStore store;
    private final Instance<JWTParser> parser;
    private final boolean enabled;
    private final boolean anonymousCompute;
    private final boolean bearerConfigured;
    private final double defaultRate;
    private final int defaultComputations;
    private final String workspaceClaim;
    private final String roleClaim;
    private final RateLimiter limiter;

    public Authenticator(AccessStore store, Instance<JWTParser> parser,
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
        this.parser = parser;
        this.enabled = enabled;
        this.anonymousCompute = anonymousCompute;
        this.bearerConfigured = jwks.isPresent() || publicKey.isPresent();
        this.defaultRate = rate;
        this.defaultComputations = Math.max(1, computations);
        this.workspaceClaim = workspaceClaim;
        this.roleClaim = roleClaim;
        this.limiter = new RateLimiter(burstSeconds, System::nanoTime);
    }

    /** What a request needs: a role, or (COMPUTE) a reader unless anonymous computations are allowed. */
    public enum Need {
        COMPUTE(Role.READER), READ(Role.READER), WRITE(Role.WRITER), ADMIN(Role.ADMIN);

        final Role role;

        Need(Role role) {
            this.role = role;
        }
    }

    /**
     * Authenticates a request from its {@code X-API-Key} and {@code Authorization} headers, checks that the caller
     * may do what it needs and is within its rate, and binds the caller to the current context. Fails with a
     * 401, 403 or 429 problem.
     */
    public Uni<Caller> admit(String apiKey, String authorization, Need need) {
        Uni<Caller> caller = enabled ? identify(apiKey, authorization, need)
                : store.workspaceCached(AccessStore.DEFAULT_WORKSPACE).map(w -> new Caller(w, Role.ADMIN, "dev", null,
                        defaultRate, defaultComputations));
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
            CallerContext.bind(effective);
            return effective;
        });
    }

    /** The caller, or null for an anonymous computation that is allowed; fails with a 401. */
    private Uni<Caller> identify(String key, String authorization, Need need) {
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
            return byToken(bearer);
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

    /**
     * Verifies the token off the event loop (the parser may fetch the key set over HTTP), resuming on the
     * caller's context.
     */
    private Uni<Caller> byToken(String token) {
        if (!bearerConfigured || !parser.isResolvable()) {
            return Uni.createFrom().failure(invalidToken("bearer tokens are not accepted: no OIDC key set is "
                    + "configured (mp.jwt.verify.publickey.location); use an API key"));
        }
        Context context = Vertx.currentContext();
        Uni<JsonWebToken> parsed;
        if (context != null) {
            parsed = Uni.createFrom().completionStage(() -> context.<JsonWebToken>executeBlocking(
                    () -> parser.get().parse(token), false).toCompletionStage());
        } else {
            parsed = Uni.createFrom().item(() -> {
                try {
                    return parser.get().parse(token);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return parsed.onFailure().transform(f -> {
            LOG.debugf(f, "bearer token refused");
            return invalidToken("the bearer token is not valid (signature, issuer, audience or expiry)");
        }).flatMap(this::fromToken);
    }

    private Uni<Caller> fromToken(JsonWebToken jwt) {
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
        return store.workspaceCached(workspaceNames.getFirst()).map(w -> {
            if (w == null) {
                throw new ProblemException(403, "/problems/forbidden", "Forbidden", "the token's workspace '"
                        + workspaceNames.getFirst() + "' does not exist", null, null);
            }
            return new Caller(w, granted, "token:" + subject, null, defaultRate, defaultComputations);
        });
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

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "/problems/unauthenticated", "Unauthorized", detail, null, null)
                .header("WWW-Authenticate", CHALLENGE_KEY).header("WWW-Authenticate", "Bearer realm=\"augur\"");
    }

    private static ProblemException invalidToken(String detail) {
        return new ProblemException(401, "/problems/unauthenticated", "Unauthorized", detail, null, null)
                .header("WWW-Authenticate", "Bearer realm=\"augur\", error=\"invalid_token\"")
                .header("WWW-Authenticate", CHALLENGE_KEY);
    }

    /** Whether the current context is a duplicated one (a request's or a job's), where a caller can be bound. */
    static boolean onDuplicatedContext() {
        Context c = Vertx.currentContext();
        return c != null && VertxContext.isDuplicatedContext(c);
    }
}
