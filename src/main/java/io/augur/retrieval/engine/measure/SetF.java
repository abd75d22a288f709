package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * set_F: F measure of the retrieved set, (b^2 + 1) P R / (b^2 P + R) with b = 1 by default (van
 * Rijsbergen, Information Retrieval 1979; trec_eval m_set_F.c). 0 when nothing relevant is retrieved.
 */
public final class SetF extends TrecMeasure {
    private final double beta;

    public SetF(String params) {
        super("set_F", Params.printable("set_F", params));
        this.beta = Params.doubleParams("set_F", params, new double[] {1.0})[0];
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0.0;
        if (q.numRet() > 0 && q.numRel() > 0 && q.numRelRet() > 0) {
            double p = (double) q.numRelRet() / q.numRet();
            double r = (double) q.numRelRet() / q.numRel();
            double b2 = beta * beta;
            out[offset] = (b2 + 1.0) * p * r / (b2 * p + r);
        }
    }
}
