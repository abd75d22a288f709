package io.augur.access.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workspace. */
@Schema(name = "Workspace", description = "A workspace: every stored resource belongs to one")
public record WorkspaceView(@Schema(required = true) UUID id, @Schema(required = true, example = "vision-team") String name,
        @Schema(description = "Absent for the caller's own workspace") OffsetDateTime createdAt) {
}
