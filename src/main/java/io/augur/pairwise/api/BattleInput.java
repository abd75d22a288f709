package io.augur.pairwise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One battle of model A against model B and who won. */
@Schema(name = "BattleInput", description = "One battle: model A against model B and its outcome")
public record BattleInput(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "gpt-4") String modelA,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "claude-2") String modelB,
        @NotBlank @Schema(required = true, description = "a (model A won), b (model B won) or tie; also accepted: "
                + "model_a, model_b, left, right, draw, tie (bothbad)", example = "a") String outcome) {
}
