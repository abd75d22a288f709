package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * Rndcg: nDCG averaged over the rank boundaries where the ideal gain changes (the ideal ranking moves
 * to a lower relevance level) and the end of the ranking, so that topics are compared at comparable
 * points (trec_eval m_Rndcg.c, experimental measure of Buckley 2008).
 */
public final class Rndcg extends TrecMeasure {
    private final Gains.Pair[] pairs;

    public Rndcg(String params) {
        super("Rndcg", Params.printable("Rndcg", params));
        this.pairs = Params.pairs("Rndcg", params);
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0.0;
        Gains gains = new Gains(pairs, q);
        if (q.numRel() == 0) {
            return;
        }
        Gains.Ideal ideal = gains.new Ideal();
        double dcg = 0;
        double idcg = 0;
        double sum = 0;
        double oldIdeal = ideal.current();
        long changes = 0;
        int i = 0;
        for (; i < q.numRet() && ideal.current() > 0.0; i++) {
            double g = gains.gainOf(q.rel(i));
            double ig = ideal.next();
            if (oldIdeal != ig) {
                if (idcg > 0.0) {
                    sum += dcg / idcg;
                    changes++;
                }
                oldIdeal = ig;
            }
            if (g != 0) {
                dcg += g / Gains.log2(i + 2);
            }
            if (ig > 0.0) {
                idcg += ig / Gains.log2(i + 2);
            }
        }
        if (i < q.numRet()) {
            for (; i < q.numRet(); i++) {
                double g = gains.gainOf(q.rel(i));
                if (g != 0) {
                    dcg += g / Gains.log2(i + 2);
                }
            }
            if (idcg > 0.0) {
                sum += dcg / idcg;
                changes++;
            }
        }
        while (ideal.current() > 0.0) {
            double ig = ideal.next();
            if (oldIdeal != ig) {
                if (idcg > 0.0) {
                    sum += dcg / idcg;
                    changes++;
                }
                oldIdeal = ig;
            }
            if (ig > 0.0) {
                idcg += ig / Gains.log2(i + 2);
            }
            i++;
        }
        out[offset] = sum / changes;
    }
}
