package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** num_ret: number of documents retrieved (after -M); summed over queries (trec_eval m_num_ret.c). */
public final class NumRet extends SummedCount {
    public NumRet() {
        super("num_ret");
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRet();
    }
}
