package io.augur.retrieval.engine;

import java.util.List;

/**
 * The outcome of one trec_eval evaluation: the run id, each evaluated query (in strcmp order of the
 * ids, as trec_eval prints them), the summary over queries ("all") and the qrels queries the run has no
 * results for (strcmp order): without -c trec_eval leaves them out of the averages, which inflates the
 * means of a run that skipped hard queries; with -c they are averaged in as retrieving nothing.
 * {@link TrecEvalText} renders it in trec_eval's text format.
 */
public record EvaluationResult(String runId, TrecEvalOptions options, List<QueryEvaluation> queries,
        List<MeasureValue> summary, List<String> missingQueries) {

    public EvaluationResult {
        queries = List.copyOf(queries);
        summary = List.copyOf(summary);
        missingQueries = List.copyOf(missingQueries);
    }

    /** The summary value with this printed name (e.g. "map", "P_10"), or NaN. */
    public double summaryValue(String name) {
        for (MeasureValue v : summary) {
            if (v.name().equals(name)) {
                return v.value();
            }
        }
        return Double.NaN;
    }

    /** Per-query values of one printed name, in query order. */
    public double[] perQuery(String name) {
        double[] out = new double[queries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = queries.get(i).value(name);
        }
        return out;
    }

    public List<String> queryIds() {
        return queries.stream().map(QueryEvaluation::queryId).toList();
    }
}
