package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * unj_k: fraction of the top k that is unjudged (not in the pool or in the pool without a judgment);
 * a ranking shorter than k is padded with judged documents (trec_eval v10 m_unjudged.c, Soboroff 2023).
 */
public final class Unjudged extends TrecMeasure {
    private final long[] cutoffs;

    public Unjudged(String params) {
        this(Params.longCutoffs("unj", params, new long[] {5, 10, 20}));
    }

    private Unjudged(long[] cutoffs) {
        super("unj", Params.longNames("unj", cutoffs));
        this.cutoffs = cutoffs;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        int idx = 0;
        long unj = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (i == cutoffs[idx]) {
                out[offset + idx] = (double) unj / (double) i;
                if (++idx == cutoffs.length) {
                    return;
                }
            }
            if (q.rel(i) == RankedQuery.NOT_IN_POOL || q.rel(i) == RankedQuery.UNJUDGED_IN_POOL) {
                unj++;
            }
        }
        while (idx < cutoffs.length) {
            out[offset + idx] = (double) unj / (double) cutoffs[idx];
            idx++;
        }
    }
}
