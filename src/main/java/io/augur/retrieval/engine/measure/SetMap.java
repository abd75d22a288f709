package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** set_map: set_P x set_recall, the unranked analogue of AP (trec_eval m_set_map.c). */
public final class SetMap extends TrecMeasure {
    public SetMap() {
        super("set_map", List.of("set_map"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        double ret = q.numRet();
        double rel = q.numRel();
        double relRet = q.numRelRet();
        out[offset] = (ret > 0 ? relRet / ret : 0.0) * (rel > 0 ? relRet / rel : 0.0);
    }
}
