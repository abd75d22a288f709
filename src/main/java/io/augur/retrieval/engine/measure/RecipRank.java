package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** recip_rank: 1 / rank of the first relevant document, 0 if none (trec_eval m_recip_rank.c). */
public final class RecipRank extends TrecMeasure {
    public RecipRank() {
        super("recip_rank", List.of("recip_rank"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (q.isRelevant(i)) {
                out[offset] = 1.0 / (double) (i + 1);
                return;
            }
        }
    }
}
