package io.augur.platform.auth;

import java.util.UUID;

/**
 * Who is calling: an API key (its public id) or a bearer token's subject, the workspace and role it
 * grants, and its limits. {@code workspace} is null only for an anonymous caller of a stateless
 * computation (augur.auth.anonymous-compute=true) or when authentication is disabled in dev mode.
 *
 * @param quotaKey the name the rate limit and the computation quota are counted under (key id, token
 *        subject, or "anonymous")
 * @param keyId the API key's public id, or null for a bearer token or an anonymous caller
 * @param requestsPerSecond sustained requests per second this caller may make
 * @param maxComputations computations this caller may have admitted to the compute pool at once
 */
public record Caller(Workspace workspace, Role role, String quotaKey, UUID keyId, double requestsPerSecond,
        int maxComputations) {

    /** The name the routing context carries the caller under (read by the compute pool for its quota). */
    public static final String ATTRIBUTE = "augur.caller";
}
