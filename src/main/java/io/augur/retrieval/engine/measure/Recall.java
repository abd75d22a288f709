package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** recall_k: relevant in the top k / R (trec_eval m_recall.c). */
public final class Recall extends TrecMeasure {
    private final long[] cutoffs;

    public Recall(String params) {
        this(Params.longCutoffs("recall", params, Params.DEFAULT_CUTOFFS));
    }

    private Recall(long[] cutoffs) {
        super("recall", Params.longNames("recall", cutoffs));
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
        return q.numRel() > 0 ? (double) relSoFar / (double) q.numRel() : 0.0;
    }
}
