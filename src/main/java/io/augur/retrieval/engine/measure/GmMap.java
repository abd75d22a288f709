package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * gm_map: geometric mean over queries of AP, exp(mean log max(AP, 1e-5)) (trec_eval m_gm_map.c;
 * Robertson, "On GMAP", CIKM 2006). Per-query values are the logs; printed in the summary only.
 */
public final class GmMap extends TrecMeasure {
    static final double MIN_GEO_MEAN = 0.00001;

    public GmMap() {
        super("gm_map", List.of("gm_map"));
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.GEOMETRIC_MEAN;
    }

    @Override
    public boolean perQuery() {
        return false;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = Math.log(Math.max(AveragePrecision.averagePrecision(q), MIN_GEO_MEAN));
    }
}
