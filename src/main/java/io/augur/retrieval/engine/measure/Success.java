package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** success_k: 1 if a relevant document is in the top k, else 0 (trec_eval m_success.c). */
public final class Success extends TrecMeasure {
    private final long[] cutoffs;

    public Success(String params) {
        this(Params.longCutoffs("success", params, new long[] {1, 5, 10}));
    }

    private Success(long[] cutoffs) {
        super("success", Params.longNames("success", cutoffs));
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
        return relSoFar > 0 ? 1.0 : 0.0;
    }
}
