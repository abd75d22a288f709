package io.augur.pairwise.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model pinned to a given rating; the others shift with it. */
@Schema(name = "AnchorInput", description = "Pin one model's rating; without an anchor, ratings are centred at 1000")
public record AnchorInput(
        @NotBlank @Schema(required = true, example = "gpt-4") String model,
        @NotNull @Finite @Schema(required = true, example = "1200") Double rating) {
}
