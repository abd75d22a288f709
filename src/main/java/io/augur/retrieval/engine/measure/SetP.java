package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** set_P: precision of the retrieved set, relevant retrieved / retrieved (trec_eval m_set_P.c). */
public final class SetP extends TrecMeasure {
    public SetP() {
        super("set_P", List.of("set_P"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRet() != 0 ? (double) q.numRelRet() / (double) q.numRet() : 0.0;
    }
}
