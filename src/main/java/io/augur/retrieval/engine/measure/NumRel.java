package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** num_rel: number of relevant documents judged (relevance >= -l); summed over queries (trec_eval m_num_rel.c). */
public final class NumRel extends TrecMeasure {
    public NumRel() {
        super("num_rel", List.of("num_rel"));
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
        out[offset] = q.numRel();
    }
}
