package io.augur.access.api;

import io.augur.platform.auth.AccessStore;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: never its secret. */
@Schema(name = "ApiKey", description = "An API key (its secret is shown only when it is created)")
public record ApiKey(
        @Schema(required = true, example = "7e0c5a2b-1f3d-4e6a-9b8c-0d1e2f3a4b5c") UUID id,
        @Schema(required = true, example = "nightly evaluation import") String name,
        @Schema(required = true, enumeration = { "reader", "writer", "admin" }, example = "writer") String role,
        @Schema(required = true, description = "The key's public beginning, to recognise it", example = "augur_3f9a0c1d2e4b") String prefix,
        @Schema(example = "20") Double requestsPerSecond,
        @Schema(example = "2") Integer maxComputations,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(description = "When it was revoked; absent while it works") OffsetDateTime revokedAt) {

    static ApiKey of(AccessStore.KeyInfo k) {
        return new ApiKey(k.id(), k.name(), k.role().wire(), k.prefix(), k.requestsPerSecond(), k.maxComputations(),
                k.createdAt(), k.revokedAt());
    }
}
