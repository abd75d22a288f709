package io.augur.aggregate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kendall tau-b and Spearman rho between two rankings (exact statistics of the given rankings). */
@Schema(name = "RankAgreementResponse")
public record RankAgreementResponse(
        @Schema(example = "3") int systems,
        @Schema(description = "Kendall tau-b in [-1, 1]", example = "0.333") double kendallTauB,
        @Schema(description = "Spearman rho on average ranks, in [-1, 1]", example = "0.5") double spearmanRho,
        @Schema(example = "2") long concordantPairs,
        @Schema(description = "Pairs the two rankings order differently", example = "1") long discordantPairs,
        @Schema(example = "0") long tiedInFirst,
        @Schema(example = "0") long tiedInSecond,
        @Schema(example = "0") long tiedInBoth) {
}
