package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/** num_q: number of queries evaluated (with -c, all qrels queries). Summary only (m_num_q.c). */
public final class NumQ extends TrecMeasure {
    public NumQ() {
        super("num_q", List.of("num_q"));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.COUNT;
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.QUERY_COUNT;
    }

    @Override
    public boolean perQuery() {
        return false;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 1;
    }
}
