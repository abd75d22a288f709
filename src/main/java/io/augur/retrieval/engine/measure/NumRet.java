package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** num_ret: number of documents retrieved (after -M); summed over queries (trec_eval m_num_ret.c). */
public final class NumRet extends TrecMeasure {
    public NumRet() {
        super("num_ret", List.of("num_ret"));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.COUNT;
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.SUM;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRet();
    }
}
