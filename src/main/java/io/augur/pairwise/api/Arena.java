package io.augur.pairwise.api;

import io.augur.pairwise.store.ArenaStore;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored arena with its totals. */
@Schema(name = "Arena", description = "A stored arena of pairwise battles")
public record Arena(
        @Schema(required = true, description = "Random id (not guessable)", example = "0b7c6f1e-3d5a-4c2b-9e8f-1a2b3c4d5e6f") UUID id,
        @Schema(example = "chat-arena-2024") String name,
        @Schema(example = "Pairwise human preferences between chat models") String description,
        OffsetDateTime createdAt,
        @Schema(description = "Battles stored (each battle id counted once)", example = "8930") long battles,
        @Schema(description = "Distinct models that battled", example = "59") int models) {

    static Arena of(ArenaStore.Arena a) {
        return new Arena(a.id(), a.name(), a.description(), a.createdAt(), a.battles(), a.models());
    }
}
