package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** num_rel: number of relevant documents judged (relevance >= -l); summed over queries (trec_eval m_num_rel.c). */
public final class NumRel extends SummedCount {
    public NumRel() {
        super("num_rel");
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRel();
    }
}
