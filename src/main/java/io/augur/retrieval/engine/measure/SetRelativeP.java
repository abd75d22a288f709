package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** set_relative_P: relevant retrieved / min(retrieved, R) (trec_eval m_set_rel_P.c). */
public final class SetRelativeP extends TrecMeasure {
    public SetRelativeP() {
        super("set_relative_P", List.of("set_relative_P"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        double ret = q.numRet();
        double rel = q.numRel();
        double relRet = q.numRelRet();
        out[offset] = rel > 0 ? relRet / Math.min(ret, rel) : 0.0;
    }
}
