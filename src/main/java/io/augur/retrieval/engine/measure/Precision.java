package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** P_k: precision at cutoff k, relevant in the top k / k (a ranking shorter than k counts the missing ranks as nonrelevant) (trec_eval m_P.c). */
public final class Precision extends RelevantAtCutoff {

    public Precision(String params) {
        super("P", Params.longCutoffs("P", params, Params.DEFAULT_CUTOFFS));
    }

    @Override
    double value(RankedQuery q, long k, long relevantInTopK) {
        return (double) relevantInTopK / (double) k;
    }
}
