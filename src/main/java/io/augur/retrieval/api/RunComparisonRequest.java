package io.augur.retrieval.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import io.augur.retrieval.engine.Qrels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Runs to compare: either TREC runs with their qrels (evaluated with trec_eval's measures first) or
 * per-query scores of one measure already computed.
 */
@Schema(name = "RunComparisonRequest", description = "Two or more runs over the same queries, as TREC runs with qrels"
        + " or as per-query scores, and the settings of the paired tests")
public record RunComparisonRequest(
        @Schema(description = "Qrels in TREC format (needed when runs are TREC text)", example = "q1 0 d1 1\nq1 0 d2 1\nq2 0 d1 1\nq2 0 d3 1\nq3 0 d2 1\n")
        String qrels,
        @NotNull @Size(min = 2, max = 100) @Schema(required = true, description = "The runs, in the order pairs are formed")
        List<@NotNull @Valid RunInput> runs,
        @Schema(description = "trec_eval -m arguments for TREC runs (default: map)", example = "[\"map\", \"P.10\"]")
        List<@NotBlank String> measures,
        @Schema(description = "Printed value names to compare (default: every per-query number of the measures; for"
                + " scores, one label, default 'score')", example = "[\"map\", \"P_10\"]") List<@NotBlank String> values,
        @Schema(description = "Compare every run with this one only (default: all pairs)", example = "baseline")
        String baseline,
        @Schema(description = "-c: score every qrels query, counting a query a run lacks as retrieving nothing,"
                + " so that all runs share the queries (default true)", example = "true") Boolean complete,
        @Min(-Qrels.MAX_RELEVANCE) @Max(Qrels.MAX_RELEVANCE)
        @Schema(description = "-l: lowest relevance value that counts as relevant (default 1), between -1000000 and"
                + " 1000000", example = "1") Integer relevanceLevel,
        @Positive @Schema(description = "-M: evaluate only the top maxDocs documents of each query", example = "1000")
        Long maxDocs,
        @Valid BootstrapSettings bootstrap,
        @Min(1) @Max(1_000_000) @Schema(description = "Random sign flips of the randomization test (default 10000)",
                example = "10000") Integer permutations,
        @Min(0) @Max(24) @Schema(description = "Enumerate all 2^n sign patterns (exact randomization test) when the"
                + " number of queries n is at most this (default 16)", example = "16") Integer exactMaxQueries,
        @Pattern(regexp = "wilcox|pratt|zsplit", message = "must be wilcox, pratt or zsplit")
        @Schema(description = "Zero differences in the Wilcoxon signed-rank test, as scipy.stats.wilcoxon's zero_method:"
                + " wilcox drops them (default, as scipy and R), pratt ranks them and leaves them out of the sums,"
                + " zsplit splits their ranks between the sums", enumeration = {"wilcox", "pratt", "zsplit"},
                example = "wilcox") String wilcoxonZeroMethod,
        @Schema(description = "Continuity correction of the Wilcoxon normal approximation (default false, as"
                + " scipy.stats.wilcoxon; R's wilcox.test uses true)", example = "false") Boolean wilcoxonCorrection) {

    /** One run: TREC text, or per-query scores. */
    @Schema(name = "RunInput")
    public record RunInput(
            @NotBlank @Size(max = 200) @Schema(required = true, description = "Name of the run in the results", example = "bm25")
            String name,
            @Schema(description = "The run in TREC format", example = "q1 Q0 d1 1 2.0 bm25\nq1 Q0 d2 2 1.0 bm25\nq2 Q0 d3 1 3.0 bm25\n")
            String run,
            @Schema(description = "Per-query values of one measure (instead of run)", example = "{\"q1\": 0.5, \"q2\": 0.25, \"q3\": 1.0}")
            Map<@NotBlank String, @NotNull @Finite Double> scores) {

        public RunInput {
            // an empty map beside a run counts as absent: generated clients send {} for an unset map
            if (run != null && scores != null && scores.isEmpty()) {
                scores = null;
            }
        }
    }
}
