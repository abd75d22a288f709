package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** P_k: precision at cutoff k, relevant in the top k / k (a ranking shorter than k counts the missing ranks as nonrelevant) (trec_eval m_P.c). */
public final class Precision extends TrecMeasure {
    private final long[] cutoffs;

    public Precision(String params) {
        this(Params.longCutoffs("P", params, Params.DEFAULT_CUTOFFS));
    }

    private Precision(long[] cutoffs) {
        super("P", Params.longNames("P", cutoffs));
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
        return (double) relSoFar / (double) k;
    }
}
