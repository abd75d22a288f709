package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** relative_P_k: relevant in the top k / min(k, R), precision relative to the best possible at k (trec_eval m_rel_P.c). */
public final class RelativeP extends TrecMeasure {
    private final long[] cutoffs;

    public RelativeP(String params) {
        this(Params.longCutoffs("relative_P", params, Params.DEFAULT_CUTOFFS));
    }

    private RelativeP(long[] cutoffs) {
        super("relative_P", Params.longNames("relative_P", cutoffs));
        this.cutoffs = cutoffs;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        int idx = 0;
        long relSoFar = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (i == cutoffs[idx]) {
                out[offset + idx] = value(q, i, relSoFar);
                if (++idx == cutoffs.length) {
                    return;
                }
            }
            if (q.isRelevant(i)) {
                relSoFar++;
            }
        }
        while (idx < cutoffs.length) {
            out[offset + idx] = value(q, cutoffs[idx], relSoFar);
            idx++;
        }
    }

    private static double value(RankedQuery q, long k, long relSoFar) {
        return (double) relSoFar / (double) Math.min(k, q.numRel());
    }
}
