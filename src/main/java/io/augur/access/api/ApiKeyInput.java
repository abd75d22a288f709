package io.augur.access.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API key of the caller's workspace. */
@Schema(name = "ApiKeyInput", description = "A new API key of the caller's workspace")
public record ApiKeyInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "What the key is for", example = "nightly evaluation import") String name,
        @NotNull @Pattern(regexp = "reader|writer|admin", message = "must be reader, writer or admin")
        @Schema(required = true, enumeration = { "reader", "writer", "admin" }, example = "writer") String role,
        @Positive @Max(100_000) @Schema(description = "Requests per second this key may make (per replica); default augur.auth.rate-limit.requests-per-second", example = "20") Double requestsPerSecond,
        @Positive @Max(10_000) @Schema(description = "Computations this key may have running or queued at once; default augur.auth.max-computations", example = "2") Integer maxComputations) {
}
