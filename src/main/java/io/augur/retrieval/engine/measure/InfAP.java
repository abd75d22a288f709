package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * infAP: inferred average precision for sampled judgments (Yilmaz and Aslam, "Estimating average
 * precision with incomplete and imperfect judgments", CIKM 2006): at the relevant document at rank
 * k+1, 1/(k+1) + (k/(k+1)) ((r+n+u)/k) ((r+eps)/(r+n+2 eps)) with r, n, u the relevant, nonrelevant and
 * pooled-unjudged documents above it, eps = 1e-5; summed and divided by R (trec_eval m_infap.c).
 */
public final class InfAP extends TrecMeasure {
    private static final double EPSILON = 0.00001;

    public InfAP() {
        super("infAP", List.of("infAP"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        long nonrel = 0;
        long rel = 0;
        long unjudged = 0;
        double infAp = 0;
        for (int j = 0; j < q.numRet(); j++) {
            int r = q.rel(j);
            if (r == RankedQuery.NOT_IN_POOL) {
                continue;
            }
            if (r == RankedQuery.UNJUDGED_IN_POOL) {
                unjudged++;
                continue;
            }
            if (r >= 0 && r < q.relevanceLevel()) {
                nonrel++;
            } else {
                rel++;
                if (j == 0) {
                    infAp += 1.0;
                } else {
                    double fj = j;
                    infAp += 1.0 / (fj + 1.0) + (fj / (fj + 1.0)) * ((rel - 1 + nonrel + unjudged) / fj)
                            * ((rel - 1 + EPSILON) / (rel - 1 + nonrel + 2 * EPSILON));
                }
            }
        }
        out[offset] = q.numRel() > 0 ? infAp / q.numRel() : infAp;
    }
}
