package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** gm_bpref: geometric mean over queries of bpref, floor 1e-5 (trec_eval m_gm_bpref.c). Summary only. */
public final class GmBpref extends TrecMeasure {
    public GmBpref() {
        super("gm_bpref", List.of("gm_bpref"));
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
        out[offset] = Math.log(Math.max(Bpref.bpref(q), GmMap.MIN_GEO_MEAN));
    }
}
