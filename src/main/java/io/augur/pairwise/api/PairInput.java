package io.augur.pairwise.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pair of models whose win probability is asked for. */
@Schema(name = "PairInput", description = "A pair of models")
public record PairInput(
        @NotBlank @Schema(required = true, example = "gpt-4") String modelA,
        @NotBlank @Schema(required = true, example = "claude-2") String modelB) {
}
