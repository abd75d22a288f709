package io.augur.platform.jobs.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A computation to run as a job: the operationId of a computation endpoint and the JSON body it takes. */
@Schema(name = "JobRequest", description = "A computation endpoint's operationId and its request body")
public record JobRequest(
        @Schema(description = "operationId of the computation, as in this document", example = "computeBradleyTerryLeaderboard",
                required = true) @NotBlank @Size(max = 200) String operation,
        @Schema(description = "The request body that operation takes (a JSON object), exactly as it would be posted to it",
                type = SchemaType.OBJECT, required = true) @NotNull Map<String, Object> body) {
}
