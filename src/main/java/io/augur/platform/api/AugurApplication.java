package io.augur.platform.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document's head: what the API is, how its operations are grouped, and how callers authenticate
 * (an API key in X-API-Key, or an OIDC bearer token; either one), so generated clients send credentials.
 */
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-API-Key", description = "An API key (POST /api/v1/keys; the first one is the bootstrap admin "
                + "key, see the README)")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An OIDC access token whose claims name the workspace and the role")
@OpenAPIDefinition(
        security = { @SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer") },
        info = @Info(title = "Augur API", version = "0.1.0-SNAPSHOT",
                description = "Forecasts and ranks the performance of machine-learning models. Every estimate carries "
                        + "its uncertainty and the seed that reproduces it; every error is an RFC 9457 problem.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
                @Tag(name = "models", description = "The models that were evaluated"),
                @Tag(name = "benchmarks", description = "The benchmarks (tasks) models are evaluated on"),
                @Tag(name = "evaluations", description = "Measured values of models on benchmarks"),
                @Tag(name = "keys", description = "API keys of the caller's workspace (admin)"),
                @Tag(name = "workspaces", description = "Workspaces: every stored resource belongs to one") })
public class AugurApplication extends Application {
}
