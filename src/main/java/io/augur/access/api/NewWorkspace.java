package io.augur.access.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workspace just created, with its first admin key (shown this once). */
@Schema(name = "NewWorkspace", description = "A workspace just created with its first admin key, shown this once")
public record NewWorkspace(@Schema(required = true) WorkspaceView workspace, @Schema(required = true) NewApiKey adminKey) {
}
