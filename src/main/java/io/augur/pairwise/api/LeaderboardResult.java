package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A leaderboard: ratings on the Elo scale with bootstrap intervals and ranks, best first. The same
 * shape answers the stateless computations and a stored arena's leaderboard.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LeaderboardResult", description = "Ratings on the Elo scale with bootstrap intervals and ranks, best first")
public record LeaderboardResult(
        @Schema(description = "What produced the ratings and intervals", example = "Bradley-Terry MLE, multinomial bootstrap") String method,
        @Schema(description = "Tie model (Bradley-Terry only)", example = "half-win") String ties,
        @Schema(description = "Battles (rankings, choices) fitted", example = "8930") long observations,
        @Schema(description = "One entry per model, best first; rank = 1 + number of models whose interval lower "
                + "bound exceeds this model's upper bound") List<Entry> entries,
        @Schema(description = "The bootstrap that produced the intervals") BootstrapReport bootstrap,
        @Schema(description = "Convergence of the point fit (absent for online Elo)") Convergence convergence,
        @Schema(description = "Davidson's tie parameter nu (davidson ties only)", example = "0.61") Double tieParameter,
        @Schema(description = "Regularisation used: Gaussian prior precision (Bradley-Terry) or pseudo-count (Plackett-Luce)", example = "0") Double regularization,
        @Schema(description = "The anchor model and rating, when one was pinned") AnchorInput anchor,
        @Schema(description = "Why the plain maximum-likelihood ratings would be unbounded (all wins, all losses, "
                + "disconnected models); empty when they are finite. Non-empty only with regularisation: without it "
                + "such data are a 400 problem") List<Unbounded> unbounded,
        @Schema(description = "Predicted outcome probabilities of the requested pairs") List<WinProbabilityResult> winProbabilities) {

    @Schema(name = "LeaderboardEntry")
    public record Entry(
            @Schema(example = "gpt-4") String model,
            @Schema(description = "Point rating, Elo scale (1000 + 400 log10 strength)", example = "1187.3") double rating,
            IntervalResult interval,
            @Schema(description = "1 + number of models whose lower bound exceeds this one's upper bound", example = "1") int rank,
            @Schema(description = "Battles (rankings, choices) the model took part in", example = "620") long battles) {
    }

    @Schema(name = "IntervalResult", description = "A two-sided interval estimate")
    public record IntervalResult(
            @Schema(example = "1160.2") double lower,
            @Schema(example = "1215.9") double upper,
            @Schema(example = "0.95") double level,
            @Schema(example = "percentile bootstrap, 1000 rounds") String method) {
        static IntervalResult of(io.augur.stats.Interval i) {
            return i == null ? null : new IntervalResult(i.lower(), i.upper(), i.level(), i.method());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Convergence")
    public record Convergence(
            @Schema(example = "true") boolean converged,
            @Schema(example = "6") int iterations,
            @Schema(description = "Largest absolute gradient of the log-likelihood at the solution", example = "1.2e-11") Double gradientNorm,
            @Schema(example = "-7512.3") double logLikelihood) {
    }

    @Schema(name = "UnboundedModels")
    public record Unbounded(
            @Schema(description = "NO_BATTLES, ALL_WINS, ALL_LOSSES, DISCONNECTED, GROUP_UNBEATEN or GROUP_WINLESS", example = "ALL_WINS") String kind,
            List<String> models,
            @Schema(example = "model 'gpt-4' never lost or tied") String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WinProbabilityResult")
    public record WinProbabilityResult(
            @Schema(example = "gpt-4") String modelA,
            @Schema(example = "claude-2") String modelB,
            @Schema(description = "P(A wins)", example = "0.64") double aWins,
            @Schema(description = "P(B wins)", example = "0.36") double bWins,
            @Schema(description = "P(tie); 0 unless the Davidson tie model was fitted", example = "0") double tie,
            @Schema(description = "Bootstrap percentile interval of P(A wins)") IntervalResult aWinsInterval) {
    }
}
