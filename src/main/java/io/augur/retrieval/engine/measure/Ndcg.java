package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * ndcg = DCG / ideal DCG with DCG = sum over ranks i (1-based) of gain(d_i) / log2(i + 1), over the
 * whole ranking; linear gain equal to the relevance level unless "level=gain" parameters override it
 * (Jarvelin and Kekalainen, ACM TOIS 20(4) 2002; trec_eval m_ndcg.c). The same class serves trec_eval's
 * dcg and ideal_dcg, which print the numerator and the denominator.
 */
public final class Ndcg extends TrecMeasure {
    /** Which quantity is reported. */
    public enum Kind {
        NDCG, DCG, IDEAL_DCG
    }

    private final Gains.Pair[] pairs;
    private final Kind which;

    public Ndcg(String name, Kind which, String params) {
        super(name, Params.printable(name, params));
        this.pairs = Params.pairs(name, params);
        this.which = which;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        Gains gains = new Gains(pairs, q);
        Gains.Ideal ideal = gains.new Ideal();
        double dcg = 0;
        double idcg = 0;
        int i = 0;
        for (; i < q.numRet() && ideal.current() > 0.0; i++) {
            double g = gains.gainOf(q.rel(i));
            if (g != 0) {
                dcg += g / Gains.log2(i + 2);
            }
            double ig = ideal.next();
            if (ig > 0.0) {
                idcg += ig / Gains.log2(i + 2);
            }
        }
        for (; i < q.numRet(); i++) {
            double g = gains.gainOf(q.rel(i));
            if (g != 0) {
                dcg += g / Gains.log2(i + 2);
            }
        }
        while (ideal.current() > 0.0) {
            double ig = ideal.next();
            if (ig > 0.0) {
                idcg += ig / Gains.log2(i + 2);
            }
            i++;
        }
        out[offset] = switch (which) {
            case NDCG -> idcg > 0.0 ? dcg / idcg : 0.0;
            case DCG -> dcg;
            case IDEAL_DCG -> idcg;
        };
    }
}
