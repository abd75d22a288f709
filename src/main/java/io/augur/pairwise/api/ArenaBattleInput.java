package io.augur.pairwise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One battle to append to an arena, identified by the client so that a retry does not count twice. */
@Schema(name = "ArenaBattleInput", description = "One battle with its client-supplied id")
public record ArenaBattleInput(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Client-supplied id, unique within the arena; "
                + "a battle whose id is already stored is skipped", example = "b-000001") String battleId,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "gpt-4") String modelA,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "claude-2") String modelB,
        @NotBlank @Schema(required = true, description = "a (model A won), b (model B won) or tie; also accepted: "
                + "model_a, model_b, left, right, draw, tie (bothbad)", example = "a") String outcome) {
}
