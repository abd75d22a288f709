package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * set_relative_P: relevant retrieved / min(retrieved, R) (trec_eval m_set_rel_P.c); 0 when nothing is
 * retrieved or the query has no relevant document, as trec_eval leaves it.
 */
public final class SetRelativeP extends TrecMeasure {
    public SetRelativeP() {
        super("set_relative_P", List.of("set_relative_P"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0.0;
        if (q.numRet() != 0 && q.numRel() != 0) {
            out[offset] = (double) q.numRelRet() / (double) Math.min(q.numRet(), q.numRel());
        }
    }
}
