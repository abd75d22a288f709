package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * yaap: "yet another AP", log((1 + S) / (1 + R - S)) with S the AP sum before dividing by R
 * (Robertson, "On smoothing average precision", ECIR 2012; trec_eval m_yaap.c). Not in all_trec.
 */
public final class Yaap extends TrecMeasure {
    public Yaap() {
        super("yaap", List.of("yaap"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long relSoFar = 0;
        double sum = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (q.isRelevant(i)) {
                relSoFar++;
                sum += (double) relSoFar / (double) (i + 1);
            }
        }
        out[offset] = Math.log((1.0 + sum) / (1.0 + (double) q.numRel() - sum));
    }
}
