package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** num_rel_ret: number of relevant documents retrieved; summed over queries (trec_eval m_num_rel_ret.c). */
public final class NumRelRet extends SummedCount {
    public NumRelRet() {
        super("num_rel_ret");
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRelRet();
    }
}
