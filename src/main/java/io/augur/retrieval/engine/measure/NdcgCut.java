package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * ndcg_cut_k: nDCG of the top k with gain = relevance value (no gain parameters) and discount
 * log2(rank + 1), normalized by the ideal DCG of the top k (trec_eval m_ndcg_cut.c).
 */
public final class NdcgCut extends TrecMeasure {
    private final long[] cutoffs;

    public NdcgCut(String params) {
        this(Params.longCutoffs("ndcg_cut", params, Params.DEFAULT_CUTOFFS));
    }

    private NdcgCut(long[] cutoffs) {
        super("ndcg_cut", Params.longNames("ndcg_cut", cutoffs));
        this.cutoffs = cutoffs;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        int n = cutoffs.length;
        int idx = 0;
        double sum = 0;
        boolean done = false;
        for (int i = 0; i < q.numRet(); i++) {
            if (i == cutoffs[idx]) {
                out[offset + idx] = sum;
                if (++idx == n) {
                    done = true;
                    break;
                }
            }
            double gain = q.rel(i);
            if (gain > 0) {
                sum += gain / Gains.log2(i + 2);
            }
        }
        while (!done && idx < n) {
            out[offset + idx] = sum;
            idx++;
        }
        // the ideal ranking: each positive level, highest first, as many times as it is judged (trec_eval
        // walks cur_lvl down one level at a time; walking the distinct judged levels visits the same ranks)
        idx = 0;
        int k = q.distinctLevels() - 1;
        long lvlCount = 0;
        double idcg = 0;
        for (long i = 0; ; i++) {
            lvlCount++;
            while (k >= 0 && q.level(k) > 0 && lvlCount > q.levelCount(k)) {
                k--;
                lvlCount = 1;
            }
            if (k < 0 || q.level(k) <= 0) {
                break;
            }
            int curLvl = q.level(k);
            if (i == cutoffs[idx]) {
                if (idcg > 0.0) {
                    out[offset + idx] /= idcg;
                }
                if (++idx == n) {
                    break;
                }
            }
            idcg += curLvl / Gains.log2(i + 2);
        }
        while (idx < n) {
            if (idcg > 0.0) {
                out[offset + idx] /= idcg;
            }
            idx++;
        }
    }
}
