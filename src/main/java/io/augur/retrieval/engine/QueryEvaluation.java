package io.augur.retrieval.engine;

import java.util.List;

/**
 * The values of one query, in trec_eval's print order (only the values trec_eval reports per query:
 * no runid, num_q, gm_map or gm_bpref). {@code missing} is true for a qrels query absent from the run
 * evaluated under -c.
 */
public record QueryEvaluation(String queryId, boolean missing, List<MeasureValue> values) {

    public QueryEvaluation {
        values = List.copyOf(values);
    }

    /** The value with this printed name, or NaN. */
    public double value(String name) {
        for (MeasureValue v : values) {
            if (v.name().equals(name)) {
                return v.value();
            }
        }
        return Double.NaN;
    }
}
