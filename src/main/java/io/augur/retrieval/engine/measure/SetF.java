package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * set_F: F measure of the retrieved set, (x + 1) P R / (x P + R) with x the relative importance of recall
 * (default 1; trec_eval's parameter is x itself, not a beta to be squared) (van Rijsbergen, Information
 * Retrieval 1979; trec_eval m_set_F.c). 0 when nothing relevant is retrieved.
 */
public final class SetF extends TrecMeasure {
    private final double x;

    public SetF(String params) {
        super("set_F", Params.printable("set_F", params));
        this.x = Params.doubleParams("set_F", params, new double[] {1.0})[0];
    }

    @Override
    public String note() {
        return "The parameter is trec_eval's x in (x + 1) P R / (x P + R), the weight of recall itself, not a beta"
                + " that is squared: set_F.0.25 is what other tools call F with beta = 0.5.";
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0.0;
        if (q.numRelRet() != 0) {
            double p = (double) q.numRelRet() / (double) q.numRet();
            double r = (double) q.numRelRet() / (double) q.numRel();
            out[offset] = (x + 1.0) * p * r / (x * p + r);
        }
    }
}
