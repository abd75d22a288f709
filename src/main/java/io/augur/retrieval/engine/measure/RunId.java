package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** runid: the run tag of the last result line of the run file (trec_eval m_runid.c). Summary only. */
public final class RunId extends TrecMeasure {
    public RunId() {
        super("runid", List.of("runid"));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.RUNID;
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.NONE;
    }

    @Override
    public boolean perQuery() {
        return false;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0;
    }
}
