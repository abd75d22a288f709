package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** num_nonrel_judged_ret: retrieved documents judged with relevance in [0, -l); summed. */
public final class NumNonrelJudgedRet extends SummedCount {
    public NumNonrelJudgedRet() {
        super("num_nonrel_judged_ret");
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long n = 0;
        for (int i = 0; i < q.numRet(); i++) {
            int r = q.rel(i);
            if (r >= 0 && r < q.relevanceLevel()) {
                n++;
            }
        }
        out[offset] = n;
    }
}
