package io.augur.pairwise.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an append stored. */
@Schema(name = "AppendResult", description = "How many battles of the batch were new and how many were already stored")
public record AppendResult(
        @Schema(description = "Battles in the batch", example = "3") int received,
        @Schema(description = "Battles stored now", example = "2") int added,
        @Schema(description = "Battles whose battleId was already stored (a retried request); not counted again", example = "1") int alreadyKnown) {
}
