package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * rbp_resid: the RBP residual, the most RBP could rise if every unjudged retrieved document had gain
 * 1 and the ranking continued with such documents: p^n + (1 - p) sum over unjudged d_i of p^(i-1);
 * 0 when no retrieved document is unjudged (Moffat and Zobel 2008; trec_eval m_rbp_resid.c).
 */
public final class RbpResidual extends TrecMeasure {
    private final double p;

    public RbpResidual(String params) {
        super("rbp_resid", Params.printable("rbp_resid", params));
        this.p = Rbp.persistence(Params.pairs("rbp_resid", params));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long unj = 0;
        double sum = 0;
        double curP = 1.0;
        for (int i = 0; i < q.numRet(); i++) {
            if (q.rel(i) < 0) {
                unj++;
                sum += curP;
            }
            curP *= p;
        }
        out[offset] = unj > 0 ? curP + (1 - p) * sum : 0.0;
    }
}
