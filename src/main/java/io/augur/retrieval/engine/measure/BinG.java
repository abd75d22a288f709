package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * binG: binary G, (1/R) sum over relevant retrieved at 0-based rank i (the r-th relevant) of
 * 1 / log2(2 + i - r + 1) (trec_eval m_binG.c, experimental measure of Buckley 2008).
 */
public final class BinG extends TrecMeasure {
    public BinG() {
        super("binG", List.of("binG"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long relSoFar = 0;
        double sum = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (q.isRelevant(i)) {
                relSoFar++;
                sum += 1.0 / Gains.log2(3 + i - relSoFar);
            }
        }
        out[offset] = relSoFar > 0 ? sum / (double) q.numRel() : 0.0;
    }
}
