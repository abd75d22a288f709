package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Plackett-Luce over full or partial rankings (each lists only the models it saw, best first), or over
 * top-1 choices; exactly one of the two.
 */
@Schema(name = "PlackettLuceRequest", description = "Rankings (best first, each listing only the models it saw) "
        + "or top-1 choices; exactly one of the two")
public record PlackettLuceRequest(
        @Schema(description = "Rankings, best first; a ranking may list a subset of the models (partial ranking)",
                example = "[[\"gpt-4\", \"claude-2\", \"llama-2-70b\"], [\"claude-2\", \"gpt-4\"]]")
        List<@NotNull List<String>> rankings,
        @Schema(description = "Top-1 choices") List<@NotNull @Valid ChoiceInput> choices,
        @Finite @PositiveOrZero @Schema(description = "Prior pseudo-count (choix's regularisation); default 0 "
                + "(maximum likelihood). Set it (e.g. 0.01) when the data make the likelihood unbounded", example = "0")
        Double alpha,
        @Valid @Schema(description = "Bootstrap over rankings (choices); rounds 2 to 10000") BootstrapSettings bootstrap) {

    public PlackettLuceRequest {
        // an empty list beside its alternative counts as absent: generated clients send [] for an unset list
        if (rankings != null && rankings.isEmpty() && choices != null && !choices.isEmpty()) {
            rankings = null;
        } else if (choices != null && choices.isEmpty() && rankings != null && !rankings.isEmpty()) {
            choices = null;
        }
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "give exactly one of rankings and choices")
    public boolean isRankingsOrChoices() {
        return (rankings == null) != (choices == null);
    }
}
