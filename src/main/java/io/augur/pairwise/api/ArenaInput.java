package io.augur.pairwise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new arena: a unique name and an optional description. */
@Schema(name = "ArenaInput", description = "A new arena")
public record ArenaInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Unique name", example = "chat-arena-2024") String name,
        @Size(max = 2000) @Schema(description = "What the arena compares", example = "Pairwise human preferences between chat models") String description) {
}
