package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/** map_cut_k: average precision of the ranking cut at k, (1/R) sum over relevant d in the top k of P@rank(d) (trec_eval m_map_cut.c). */
public final class MapCut extends TrecMeasure {
    private final long[] cutoffs;

    public MapCut(String params) {
        this(Params.longCutoffs("map_cut", params, Params.DEFAULT_CUTOFFS));
    }

    private MapCut(long[] cutoffs) {
        super("map_cut", Params.longNames("map_cut", cutoffs));
        this.cutoffs = cutoffs;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        int idx = 0;
        long relSoFar = 0;
        double sum = 0;
        boolean done = false;
        for (int i = 0; i < q.numRet(); i++) {
            if (i == cutoffs[idx]) {
                out[offset + idx] = sum;
                if (++idx == cutoffs.length) {
                    done = true;
                    break;
                }
            }
            if (q.isRelevant(i)) {
                relSoFar++;
                sum += (double) relSoFar / (double) (i + 1);
            }
        }
        while (!done && idx < cutoffs.length) {
            out[offset + idx] = sum;
            idx++;
        }
        if (q.numRel() > 0) {
            for (int k = 0; k < cutoffs.length; k++) {
                out[offset + k] /= (double) q.numRel();
            }
        }
    }
}
