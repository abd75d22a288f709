package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** num_rel_ret: number of relevant documents retrieved; summed over queries (trec_eval m_num_rel_ret.c). */
public final class NumRelRet extends TrecMeasure {
    public NumRelRet() {
        super("num_rel_ret", List.of("num_rel_ret"));
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
        out[offset] = q.numRelRet();
    }
}
