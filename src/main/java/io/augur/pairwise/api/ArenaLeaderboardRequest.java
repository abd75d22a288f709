package io.augur.pairwise.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of the job operations getArenaLeaderboard and plotArenaLeaderboard ({@code POST /api/v1/jobs}):
 * the endpoints are GETs, so the job body carries the arena's id and the query parameters, by the same names
 * and with the same bounds and defaults.
 */
@Schema(name = "ArenaLeaderboardRequest", description = "A stored arena and the query parameters of getArenaLeaderboard, as a job body")
public record ArenaLeaderboardRequest(
        @NotNull @Positive @Schema(required = true, description = "The arena's id", example = "1") Long arena,
        @Min(2) @Max(LeaderboardResource.MAX_ROUNDS) @Schema(description = "Bootstrap rounds, 2 to 10000 (default 1000)", example = "10000") Integer rounds,
        @Schema(description = "Seed that reproduces the intervals (default 42)", example = "42") Long seed,
        @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "Confidence level (default 0.95)", example = "0.95") Double level,
        @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson")
        @Schema(description = "half-win (default) or davidson", enumeration = { "half-win", "davidson" }) String ties,
        @Finite @PositiveOrZero @Schema(description = "Gaussian prior precision on log strengths (default 0)") Double regularization,
        @Size(max = 1000) @Schema(description = "Model pinned to anchorRating") String anchorModel,
        @Finite @Schema(description = "Rating of the anchor model (default 1000)") Double anchorRating) {
}
