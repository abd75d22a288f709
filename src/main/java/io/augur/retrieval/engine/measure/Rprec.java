package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** Rprec: precision after R documents, R = number of relevant documents (trec_eval m_Rprec.c). */
public final class Rprec extends TrecMeasure {
    public Rprec() {
        super("Rprec", List.of("Rprec"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long relSoFar = 0;
        for (int i = 0; i < q.numRet() && i < q.numRel(); i++) {
            if (q.isRelevant(i)) {
                relSoFar++;
            }
        }
        out[offset] = q.numRel() > 0 ? (double) relSoFar / (double) q.numRel() : 0.0;
    }
}
