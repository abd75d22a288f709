package io.augur.retrieval.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.augur.retrieval.engine.EvaluationResult;
import io.augur.retrieval.engine.MeasureValue;
import io.augur.retrieval.engine.TrecEvalOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** trec_eval's results as JSON: the summary over queries and, with perQuery, each query. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrecEvaluation", description = "trec_eval v10 results: values keyed by trec_eval's printed names"
        + " (map, P_10, ndcg_cut_10, ...)")
public record TrecEvaluation(
        @Schema(description = "The run tag (runid) of the last result line", example = "myrun") String runId,
        @Schema(description = "Queries averaged over (trec_eval's num_q)", example = "2") int queries,
        @Schema(description = "The options the run was evaluated with") Settings options,
        @Schema(description = "Summary over queries ('all' in trec_eval's output): means, or sums for counts, or"
                + " geometric means for gm_map and gm_bpref. These are trec_eval's exact descriptive values over the"
                + " evaluated queries; for uncertainty and significance compare runs with compareRetrievalRuns.",
                type = SchemaType.OBJECT, additionalProperties = Number.class,
                example = "{\"num_q\": 2, \"map\": 0.8333, \"P_1\": 1.0}") Map<String, Number> summary,
        @Schema(description = "Per-query values, in trec_eval's query order (only with perQuery)")
        List<QueryValues> perQuery,
        @Schema(description = "Qrels queries the run has no results for, in trec_eval's query order. Without"
                + " complete they are left out of the averages (trec_eval's default); with complete they are averaged"
                + " in as retrieving nothing", example = "[\"q7\"]") List<String> missingQueries,
        @Schema(description = "Things to know before reporting these numbers (e.g. queries left out of the means)",
                example = "[\"1 of 2 qrels queries (q2) have no results in the run and are left out of the averages\"]")
        List<String> warnings) {

    /** The values of one query: numbers in values; relstring, when asked for, in texts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrecQueryValues")
    public record QueryValues(
            @Schema(example = "q1") String query,
            @Schema(description = "True for a qrels query absent from the run (complete / -c)", example = "false")
            boolean missing,
            @Schema(type = SchemaType.OBJECT, additionalProperties = Number.class,
                    example = "{\"map\": 0.8333, \"P_1\": 1.0}") Map<String, Number> values,
            @Schema(description = "Text-valued measures (relstring), only when asked for", type = SchemaType.OBJECT,
                    additionalProperties = String.class, example = "{\"relstring_10\": \"1010000000\"}")
            Map<String, String> texts) {
    }

    /** trec_eval's options as applied. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrecEvalSettings")
    public record Settings(
            @Schema(description = "-m arguments as given (empty: official)") List<String> measures,
            boolean perQuery, boolean complete, int relevanceLevel,
            @Schema(description = "-M; absent when unlimited") Long maxDocs, boolean judgedOnly,
            long numDocsInCollection, boolean summary) {

        static Settings of(TrecEvalOptions o) {
            return new Settings(o.measures(), o.perQuery(), o.complete(), o.relevanceLevel(),
                    o.maxDocsPerQuery() == Long.MAX_VALUE ? null : o.maxDocsPerQuery(), o.judgedDocsOnly(),
                    o.numDocsInCollection(), o.summary());
        }
    }

    static TrecEvaluation of(EvaluationResult r) {
        TrecEvalOptions o = r.options();
        Map<String, Number> summary = o.summary() ? numbers(r.summary()) : null;
        List<QueryValues> per = o.perQuery()
                ? r.queries().stream().map(q -> new QueryValues(q.queryId(), q.missing(), numbers(q.values()),
                        texts(q.values()))).toList()
                : null;
        int nq = r.queries().size();
        return new TrecEvaluation(r.runId(), nq, Settings.of(o), summary, per, r.missingQueries(), warnings(r));
    }

    /** A warning when qrels queries are missing from the run, saying what that did to the means. */
    static List<String> warnings(EvaluationResult r) {
        List<String> missing = r.missingQueries();
        if (missing.isEmpty()) {
            return List.of();
        }
        int total = r.options().complete() ? r.queries().size() : r.queries().size() + missing.size();
        String which = missing.size() <= 10 ? " (" + String.join(", ", missing) + ")"
                : " (" + String.join(", ", missing.subList(0, 10)) + ", ...; all in missingQueries)";
        if (r.options().complete()) {
            return List.of(missing.size() + " of " + total + " qrels queries" + which + " have no results in the run;"
                    + " complete is set, so they are averaged in as retrieving nothing");
        }
        return List.of(missing.size() + " of " + total + " qrels queries" + which + " have no results in the run and"
                + " are left out of the averages (trec_eval's default), which inflates the means if the run skipped"
                + " hard queries; set complete (-c) to average over every qrels query");
    }

    /** The numeric values (the run id is reported once as runId, text values apart). */
    private static Map<String, Number> numbers(List<MeasureValue> values) {
        Map<String, Number> out = new LinkedHashMap<>();
        for (MeasureValue v : values) {
            switch (v.kind()) {
                case RUNID, TEXT -> {
                }
                case COUNT -> out.put(v.name(), (long) v.value());
                case FLOAT -> out.put(v.name(), TrecInputs.finite(v.value()));
            }
        }
        return out;
    }

    /** The text values (relstring), or null when there are none. */
    private static Map<String, String> texts(List<MeasureValue> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MeasureValue v : values) {
            if (v.kind() == io.augur.retrieval.engine.measure.ValueKind.TEXT) {
                out.put(v.name(), v.text());
            }
        }
        return out.isEmpty() ? null : out;
    }
}
