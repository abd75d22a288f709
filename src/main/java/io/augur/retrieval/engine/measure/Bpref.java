package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * bpref = (1/R) sum over judged relevant retrieved r of (1 - min(n_r, R) / min(N, R)), n_r the
 * judged nonrelevant documents ranked above r, N all judged nonrelevant; unjudged documents are
 * skipped (Buckley and Voorhees, "Retrieval evaluation with incomplete information", SIGIR 2004;
 * trec_eval m_bpref.c).
 */
public final class Bpref extends TrecMeasure {
    public Bpref() {
        super("bpref", List.of("bpref"));
    }

    static double bpref(RankedQuery q) {
        long numNonrel = q.judgedBelow(q.relevanceLevel());
        long nonrelSoFar = 0;
        double bpref = 0;
        for (int j = 0; j < q.numRet(); j++) {
            int r = q.rel(j);
            if (r < 0) {
                continue;
            }
            if (r < q.relevanceLevel()) {
                nonrelSoFar++;
            } else if (nonrelSoFar > 0) {
                bpref += 1.0 - ((double) Math.min(nonrelSoFar, q.numRel()) / (double) Math.min(numNonrel, q.numRel()));
            } else {
                bpref += 1.0;
            }
        }
        return q.numRel() > 0 ? bpref / q.numRel() : bpref;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = bpref(q);
    }
}
