package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * ndcg_rel: nDCG averaged over the relevant documents: at each retrieved document with positive gain,
 * the nDCG there; each relevant document not retrieved contributes the nDCG at the end of the
 * ranking; divided by the number of positive-gain documents (trec_eval m_ndcg_rel.c).
 */
public final class NdcgRel extends TrecMeasure {
    private final Gains.Pair[] pairs;

    public NdcgRel(String params) {
        super("ndcg_rel", Params.printable("ndcg_rel", params));
        this.pairs = Params.pairs("ndcg_rel", params);
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        Gains gains = new Gains(pairs, q);
        Gains.Ideal ideal = gains.new Ideal();
        double dcg = 0;
        double idcg = 0;
        double sum = 0;
        long numRelRet = 0;
        long numRel = 0;
        int i = 0;
        for (; i < q.numRet() && ideal.current() > 0.0; i++) {
            double g = gains.gainOf(q.rel(i));
            if (g != 0) {
                dcg += g / Gains.log2(i + 2);
            }
            double ig = ideal.next();
            if (ig > 0.0) {
                numRel++;
                idcg += ig / Gains.log2(i + 2);
            }
            if (g > 0) {
                sum += dcg / idcg;
                numRelRet++;
            }
        }
        for (; i < q.numRet(); i++) {
            double g = gains.gainOf(q.rel(i));
            if (g != 0) {
                dcg += g / Gains.log2(i + 2);
            }
            if (g > 0) {
                sum += dcg / idcg;
                numRelRet++;
            }
        }
        while (ideal.current() > 0.0) {
            double ig = ideal.next();
            if (ig > 0.0) {
                numRel++;
                idcg += ig / Gains.log2(i + 2);
            }
            i++;
        }
        sum += ((double) (numRel - numRelRet)) * dcg / idcg;
        out[offset] = sum > 0.0 ? sum / numRel : 0.0;
    }
}
