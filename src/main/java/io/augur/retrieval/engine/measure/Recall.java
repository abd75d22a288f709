package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** recall_k: relevant in the top k / R (trec_eval m_recall.c). */
public final class Recall extends RelevantAtCutoff {

    public Recall(String params) {
        super("recall", Params.longCutoffs("recall", params, Params.DEFAULT_CUTOFFS));
    }

    @Override
    double value(RankedQuery q, long k, long relevantInTopK) {
        return q.numRel() > 0 ? (double) relevantInTopK / (double) q.numRel() : 0.0;
    }
}
