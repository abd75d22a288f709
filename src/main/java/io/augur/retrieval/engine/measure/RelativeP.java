package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * relative_P_k: relevant in the top k / min(k, R), precision relative to the best possible at k
 * (trec_eval m_rel_P.c); 0 at every cutoff for a query without relevant documents, as trec_eval leaves it.
 */
public final class RelativeP extends RelevantAtCutoff {

    public RelativeP(String params) {
        super("relative_P", Params.longCutoffs("relative_P", params, Params.DEFAULT_CUTOFFS));
    }

    @Override
    double value(RankedQuery q, long k, long relevantInTopK) {
        if (q.numRel() == 0) {
            return 0.0;
        }
        return (double) relevantInTopK / (double) (k > q.numRel() ? q.numRel() : k);
    }
}
