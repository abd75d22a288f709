package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * Rprec_mult_x: precision after (long) (x R + 0.9) documents, i.e. at multiples of R; beyond the end
 * of the ranking, relevant retrieved / cutoff (trec_eval m_Rprec_mult.c).
 */
public final class RprecMult extends TrecMeasure {
    private final double[] multiples;

    public RprecMult(String params) {
        this(Params.doubleCutoffs("Rprec_mult", params, new double[] {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0}));
    }

    private RprecMult(double[] multiples) {
        super("Rprec_mult", Params.doubleNames("Rprec_mult", multiples));
        this.multiples = multiples;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        int n = multiples.length;
        long[] cut = new long[n];
        for (int i = 0; i < n; i++) {
            cut[i] = (long) (multiples[i] * q.numRel() + 0.9);
            out[offset + i] = 0.0;
        }
        int current = n - 1;
        while (current >= 0 && cut[current] > q.numRet()) {
            out[offset + current] = (double) q.numRelRet() / (double) cut[current];
            current--;
        }
        long relSoFar = q.numRelRet();
        for (int i = q.numRet(); i > 0 && relSoFar > 0; i--) {
            double precis = (double) relSoFar / (double) i;
            while (current >= 0 && i == cut[current]) {
                out[offset + current] = precis;
                current--;
            }
            if (q.isRelevant(i - 1)) {
                relSoFar--;
            }
        }
    }
}
