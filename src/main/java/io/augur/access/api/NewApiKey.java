package io.augur.access.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just created: the only time its secret is shown. */
@Schema(name = "NewApiKey", description = "A key just created; the key itself is shown this once only")
public record NewApiKey(
        @Schema(required = true, description = "Send it as the X-API-Key header; it is stored only as a salted hash and cannot be shown again",
                example = "augur_3f9a0c1d2e4b_q1Zr3hJd8sVbS0kqL2mE7nW4yT6uI9oP5aD1fG3hJ8k") String key,
        @Schema(required = true) ApiKey apiKey) {
}
