package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * iprec_at_recall_x: interpolated precision at recall x, IntP(x) = max precision at any rank whose
 * recall is at least x; the recall point is converted to a count of relevant documents with lround
 * (x R), as trec_eval v10 does (v9 and earlier added 0.9 and truncated) (m_iprec_at_recall.c).
 */
public final class IprecAtRecall extends TrecMeasure {
    private final double[] points;

    public IprecAtRecall(String params) {
        this(Params.doubleCutoffs("iprec_at_recall", params, Params.RECALL_POINTS));
    }

    private IprecAtRecall(double[] points) {
        super("iprec_at_recall", Params.doubleNames("iprec_at_recall", points));
        this.points = points;
    }

    /** Fills out[offset + k] with the interpolated precision at each point (shared with 11pt_avg). */
    static void interpolated(RankedQuery q, double[] points, double[] out, int offset) {
        int n = points.length;
        long[] cut = new long[n];
        for (int i = 0; i < n; i++) {
            cut[i] = Math.round(points[i] * q.numRel()); // C lround: half away from zero
            if (points[i] * q.numRel() < 0) {
                cut[i] = -Math.round(-points[i] * q.numRel());
            }
        }
        int current = n - 1;
        while (current >= 0 && cut[current] > q.numRelRet()) {
            out[offset + current] = 0.0;
            current--;
        }
        double precis = (double) q.numRelRet() / (double) q.numRet();
        double intPrecis = precis;
        long relSoFar = q.numRelRet();
        for (int i = q.numRet(); i > 0 && relSoFar > 0; i--) {
            precis = (double) relSoFar / (double) i;
            if (intPrecis < precis) {
                intPrecis = precis;
            }
            if (q.isRelevant(i - 1)) {
                while (current >= 0 && relSoFar == cut[current]) {
                    out[offset + current] = intPrecis;
                    current--;
                }
                relSoFar--;
            }
        }
        while (current >= 0) {
            out[offset + current] = intPrecis;
            current--;
        }
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        for (int i = 0; i < points.length; i++) {
            out[offset + i] = 0.0;
        }
        interpolated(q, points, out, offset);
    }
}
