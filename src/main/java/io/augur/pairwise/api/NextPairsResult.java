package io.augur.pairwise.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The pairs to battle next, best first, with the criterion that ranked them. */
@Schema(name = "NextPairsResult", description = "Pairs to battle next, best first")
public record NextPairsResult(
        @Schema(description = "The criterion that ranks the pairs") String criterion,
        @Schema(description = "Gaussian prior precision the fit used (the fallback 0.01 when the data alone are unbounded)", example = "0") double regularization,
        @Schema(description = "Total variance of the centred ratings now (trace of their covariance), Elo points squared", example = "5210.4") double totalRatingVariance,
        List<Pair> pairs) {

    @Schema(name = "SuggestedPair")
    public record Pair(
            @Schema(example = "claude-2") String modelA,
            @Schema(example = "llama-2-70b") String modelB,
            @Schema(description = "Expected reduction of the total rating variance after one more battle, Elo points squared", example = "48.2") double expectedVarianceReduction,
            @Schema(description = "Predicted P(A wins)", example = "0.52") double aWinsProbability,
            @Schema(description = "Battles of this pair so far", example = "3") long battlesSoFar) {
    }
}
