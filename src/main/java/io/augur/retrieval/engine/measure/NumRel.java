package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * num_rel: number of relevant documents judged (relevance >= -l); summed over queries (trec_eval
 * m_num_rel.c). Under -c the summary is, as in trec_eval v10, the number of qrels lines with relevance
 * > 0 over all queries, ignoring -l.
 */
public final class NumRel extends SummedCount {
    public NumRel() {
        super("num_rel");
    }

    @Override
    public String note() {
        return "With complete (-c) the summary counts every qrels line with relevance > 0, ignoring"
                + " relevanceLevel (-l): trec_eval v10's behaviour, kept so that the numbers match.";
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = q.numRel();
    }
}
