package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import io.augur.stats.InvalidInputException;

/**
 * utility = p1 a + p2 b + p3 c + p4 d over the contingency table (a relevant retrieved, b nonrelevant
 * retrieved, c relevant not retrieved, d = N + a - ret - R nonrelevant not retrieved, N from -N);
 * default coefficients 1, -1, 0, 0 (trec_eval m_utility.c).
 */
public final class Utility extends TrecMeasure {
    private final double[] p;

    public Utility(String params) {
        super("utility", Params.printable("utility", params));
        this.p = Params.doubleParams("utility", params, new double[] {1.0, -1.0, 0.0, 0.0});
        if (p.length != 4) {
            throw new InvalidInputException("measure utility", "needs exactly 4 coefficients, got " + p.length);
        }
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = p[0] * q.numRelRet() + p[1] * (q.numRet() - q.numRelRet())
                + p[2] * (q.numRel() - q.numRelRet())
                + p[3] * (q.numDocsInCollection() + q.numRelRet() - q.numRet() - q.numRel());
    }
}
