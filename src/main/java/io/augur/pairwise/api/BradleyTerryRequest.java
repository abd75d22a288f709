package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bradley-Terry over inline battles, merged by (model A, model B, outcome). */
@Schema(name = "BradleyTerryRequest", description = "Battles and Bradley-Terry options")
public record BradleyTerryRequest(
        @NotEmpty @Schema(required = true) List<@NotNull @Valid BattleInput> battles,
        @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson")
        @Schema(description = "Tie model: half-win (a tie is half a win to each side, default) or davidson (Davidson 1970)",
                enumeration = { "half-win", "davidson" }, example = "half-win") String ties,
        @Valid @Schema(description = "Pin one model's rating; default: ratings centred at 1000") AnchorInput anchor,
        @Finite @PositiveOrZero @Schema(description = "Gaussian prior precision on natural-log strengths (ridge); "
                + "default 0 (plain maximum likelihood). Set it (e.g. 0.01) when the battles make the likelihood unbounded",
                example = "0") Double regularization,
        @Valid @Schema(description = "Multinomial bootstrap of the merged rows; rounds 2 to 10000") BootstrapSettings bootstrap,
        @Size(max = 1000) @Schema(description = "Pairs whose predicted win probability to report, with a bootstrap interval")
        List<@NotNull @Valid PairInput> pairs) {
}
