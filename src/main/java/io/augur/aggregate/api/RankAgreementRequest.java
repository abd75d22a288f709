package io.augur.aggregate.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Two rankings of the same systems, each a map from system to a value that orders it. */
@Schema(name = "RankAgreementRequest", description = "Two rankings of the same systems: system -> score or position, oriented the same way in both")
public record RankAgreementRequest(
        @NotNull @Size(max = 100_000) @Schema(required = true, description = "First ranking: system -> value (equal values are ties)", example = "{\"SPR\": 1, \"DrQ(eps)\": 2, \"CURL\": 3}") Map<String, @NotNull @Finite Double> first,
        @NotNull @Size(max = 100_000) @Schema(required = true, description = "Second ranking over the same systems, oriented like the first", example = "{\"SPR\": 1, \"DrQ(eps)\": 3, \"CURL\": 2}") Map<String, @NotNull @Finite Double> second) {
}
