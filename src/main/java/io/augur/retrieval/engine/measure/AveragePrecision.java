package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * map: (mean) average precision, AP = (1/R) sum over relevant retrieved d of P@rank(d), with R the
 * number of relevant documents (trec_eval m_map.c; Buckley and Voorhees 2000).
 */
public final class AveragePrecision extends TrecMeasure {
    public AveragePrecision() {
        super("map", List.of("map"));
    }

    static double averagePrecision(RankedQuery q) {
        long relSoFar = 0;
        double sum = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (q.isRelevant(i)) {
                relSoFar++;
                sum += (double) relSoFar / (double) (i + 1);
            }
        }
        return relSoFar > 0 ? sum / (double) q.numRel() : 0.0;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = averagePrecision(q);
    }
}
