package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * set_map: num_rel_ret^2 / (num_ret num_rel), i.e. set_P x set_recall, the unranked analogue of AP
 * (trec_eval m_set_map.c). Computed as trec_eval does, in one expression, so that values on a rounding
 * boundary print alike (49/800 = 0.06125 prints 0.0612; set_P x set_recall would give 0.0613).
 */
public final class SetMap extends TrecMeasure {
    public SetMap() {
        super("set_map", List.of("set_map"));
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0.0;
        if (q.numRet() != 0 && q.numRel() != 0) {
            out[offset] = ((double) q.numRelRet() * (double) q.numRelRet())
                    / ((double) q.numRet() * (double) q.numRel());
        }
    }
}
