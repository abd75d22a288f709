package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** success_k: 1 if a relevant document is in the top k, else 0 (trec_eval m_success.c). */
public final class Success extends RelevantAtCutoff {

    public Success(String params) {
        super("success", Params.longCutoffs("success", params, new long[] {1, 5, 10}));
    }

    @Override
    double value(RankedQuery q, long k, long relevantInTopK) {
        return relevantInTopK > 0 ? 1.0 : 0.0;
    }
}
