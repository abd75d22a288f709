package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * 11pt_avg: mean interpolated precision over the recall points (default 0, 0.1, ..., 1), with v10's
 * lround conversion of recall points to counts (trec_eval m_11pt_avg.c).
 */
public final class ElevenPointAverage extends TrecMeasure {
    private final double[] points;

    public ElevenPointAverage(String params) {
        super("11pt_avg", Params.printable("11pt_avg", params));
        this.points = Params.doubleParams("11pt_avg", params, Params.RECALL_POINTS);
        if (points.length == 0) {
            throw new io.augur.stats.InvalidInputException("measure 11pt_avg", "no recall points");
        }
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        // trec_eval walks the points in the given (unsorted) order, expecting them ascending; with the
        // same walk the sum is the same, so reuse the interpolation over the points as given.
        double[] values = new double[points.length];
        IprecAtRecall.interpolated(q, points, values, 0);
        double sum = 0;
        for (int i = points.length - 1; i >= 0; i--) {
            sum += values[i];
        }
        out[offset] = sum / points.length;
    }
}
