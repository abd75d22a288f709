package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** set_recall: recall of the retrieved set, relevant retrieved / R (trec_eval m_set_recall.c). */
public final class SetRecall extends TrecMeasure {
    public SetRecall() {
        super("set_recall", List.of("set_recall"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRel() != 0 ? (double) q.numRelRet() / (double) q.numRel() : 0.0;
    }
}
