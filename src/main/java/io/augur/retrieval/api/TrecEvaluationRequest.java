package io.augur.retrieval.api;

import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import io.augur.retrieval.engine.Qrels;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run and its qrels sent as JSON: each either as TREC text ({@code qrels}, {@code run}) or as an
 * array of objects ({@code judgments}, {@code results}), plus trec_eval's options.
 */
@Schema(name = "TrecEvaluationRequest", description = "A run to evaluate against qrels, with trec_eval's options."
        + " Give qrels or judgments, and run or results.")
public record TrecEvaluationRequest(
        @Schema(description = "Qrels in TREC format, one 'query iter docno relevance' line each; relevance is an"
                + " integer between -1000000 and 1000000 (negative: in the pool but unjudged). A docno judged twice"
                + " for a query is a 400 naming the line when that query is evaluated, as trec_eval v10 stops with"
                + " 'duplicate docs'",
                example = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 1\n") String qrels,
        @Schema(description = "Qrels as objects (instead of qrels)") List<@NotNull @Valid Judgment> judgments,
        @Schema(description = "Run in TREC format, one 'query Q0 docno rank score runid' line each; the rank column"
                + " is ignored (documents are ordered by score, ties by docno descending)",
                example = "q1 Q0 d3 1 2.5 myrun\nq1 Q0 d1 2 1.5 myrun\nq1 Q0 d2 3 0.5 myrun\nq2 Q0 d2 1 0.9 myrun\nq2 Q0 d1 2 0.8 myrun\n")
        String run,
        @Schema(description = "Run as objects (instead of run)") List<@NotNull @Valid Result> results,
        @Schema(description = "trec_eval -m arguments: measures, measure sets (official, set, all_trec) and"
                + " parameters such as P.5,10 or ndcg_cut.10; default: official",
                example = "[\"map\", \"P.1,2\", \"ndcg_cut.10\", \"recip_rank\"]") List<@NotBlank String> measures,
        @Schema(description = "-q: also report each query", example = "true") Boolean perQuery,
        @Schema(description = "-c: average over every qrels query, counting a query the run lacks as retrieving"
                + " nothing", example = "false") Boolean complete,
        @Min(-Qrels.MAX_RELEVANCE) @Max(Qrels.MAX_RELEVANCE)
        @Schema(description = "-l: lowest relevance value that counts as relevant (default 1), between -1000000 and"
                + " 1000000", example = "1") Integer relevanceLevel,
        @Positive @Schema(description = "-M: evaluate only the top maxDocs documents of each query (default all)",
                example = "1000") Long maxDocs,
        @Schema(description = "-J: drop unjudged documents from each ranking first", example = "false") Boolean judgedOnly,
        @PositiveOrZero @Schema(description = "-N: number of documents in the collection (used by utility)",
                example = "0") Long numDocsInCollection,
        @Schema(description = "false for -n: no summary over queries", example = "true") Boolean summary) {

    public TrecEvaluationRequest {
        // an empty list beside its alternative counts as absent: generated clients send [] for an unset list
        if (qrels != null && judgments != null && judgments.isEmpty()) {
            judgments = null;
        }
        if (run != null && results != null && results.isEmpty()) {
            results = null;
        }
    }

    /** One relevance judgment. */
    @Schema(name = "TrecJudgment")
    public record Judgment(
            @NotBlank @Pattern(regexp = "\\S+", message = "must not contain whitespace") @Schema(required = true, example = "q1") String query,
            @NotBlank @Pattern(regexp = "\\S+", message = "must not contain whitespace") @Schema(required = true, example = "d1") String doc,
            @NotNull @Min(-Qrels.MAX_RELEVANCE) @Max(Qrels.MAX_RELEVANCE)
            @Schema(required = true, description = "Relevance grade (integer between -1000000 and 1000000; >="
                    + " relevanceLevel is relevant, negative is in the pool but unjudged)", example = "1")
            Integer relevance) {
    }

    /** One retrieved document. */
    @Schema(name = "TrecResult")
    public record Result(
            @NotBlank @Pattern(regexp = "\\S+", message = "must not contain whitespace") @Schema(required = true, example = "q1") String query,
            @NotBlank @Pattern(regexp = "\\S+", message = "must not contain whitespace") @Schema(required = true, example = "d3") String doc,
            @NotNull @Finite @Schema(required = true, description = "Retrieval score (higher is better)", example = "2.5")
            Double score,
            @Schema(description = "Rank as the system gave it (ignored, as by trec_eval)", example = "1") Integer rank,
            @Size(max = 200) @Pattern(regexp = "\\S+", message = "must not contain whitespace")
            @Schema(description = "Run tag (default 'run')", example = "myrun") String tag) {
    }
}
