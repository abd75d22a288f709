package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * G: normalized gain; the document at rank i contributes gain(d) / log2(2 + cost_i - gain_i), with
 * gain_i the results' cumulated gain and cost_i the ideal cumulated gain (at least 1 per rank), summed
 * and divided by the ideal total gain (trec_eval m_G.c, experimental measure of Buckley 2008). Gains
 * default to the relevance level and take "level=gain" parameters.
 */
public final class G extends TrecMeasure {
    private final Gains.Pair[] pairs;

    public G(String params) {
        super("G", Params.printable("G", params));
        this.pairs = Params.pairs("G", params);
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        Gains gains = new Gains(pairs, q);
        Gains.Ideal ideal = gains.new Ideal();
        double resultsG = 0;
        double sumResults = 0;
        double sumIdeal = 0;
        double sumCost = 0;
        double minCost = 1.0;
        int i = 0;
        for (; i < q.numRet() && ideal.current() > 0.0; i++) {
            double g = gains.gainOf(q.rel(i));
            sumResults += g;
            double ig = ideal.next();
            if (ig > 0.0) {
                sumIdeal += ig;
            }
            sumCost += ig >= minCost ? ig : minCost;
            if (g != 0) {
                resultsG += g / Gains.log2(2 + sumCost - sumResults);
            }
        }
        for (; i < q.numRet(); i++) {
            double g = gains.gainOf(q.rel(i));
            sumResults += g;
            sumCost += minCost;
            if (g != 0) {
                resultsG += g / Gains.log2(2 + sumCost - sumResults);
            }
        }
        while (ideal.current() > 0.0) {
            double ig = ideal.next();
            if (ig > 0.0) {
                sumIdeal += ig;
            }
        }
        out[offset] = sumIdeal > 0.0 ? resultsG / sumIdeal : 0.0;
    }
}
