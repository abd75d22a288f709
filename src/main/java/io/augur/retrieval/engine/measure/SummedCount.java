package io.augur.retrieval.engine.measure;

import java.util.List;

/**
 * A count per query that trec_eval sums over queries in its summary line rather than averages
 * (num_ret, num_rel, num_rel_ret, num_nonrel_judged_ret), printed as an integer.
 */
abstract class SummedCount extends TrecMeasure {

    SummedCount(String name) {
        super(name, List.of(name));
    }

    @Override
    public final ValueKind kind() {
        return ValueKind.COUNT;
    }

    @Override
    public final Aggregation aggregation() {
        return Aggregation.SUM;
    }
}
