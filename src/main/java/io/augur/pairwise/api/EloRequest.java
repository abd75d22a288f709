package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Online Elo over inline battles, in the order given. */
@Schema(name = "EloRequest", description = "Battles in the order they were played, and Elo parameters (FastChat's defaults)")
public record EloRequest(
        @NotEmpty @Schema(required = true, description = "Battles in play order") List<@NotNull @Valid BattleInput> battles,
        @Finite @Schema(description = "K factor; default 4", example = "4") Double k,
        @Finite @Schema(description = "Logistic base; default 10", example = "10") Double base,
        @Finite @Schema(description = "Scale; default 400", example = "400") Double scale,
        @Finite @Schema(description = "Initial rating; default 1000", example = "1000") Double initial,
        @Valid @Schema(description = "Bootstrap over battles (FastChat: each round replays N battles drawn with replacement); rounds 2 to 10000") BootstrapSettings bootstrap) {
}
