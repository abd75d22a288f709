package io.augur.access.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new workspace. */
@Schema(name = "WorkspaceInput", description = "A new workspace")
public record WorkspaceInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Unique name; OIDC tokens name it in their workspace claim", example = "vision-team") String name) {
}
