package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * relstring: the relevance values of the first N (default 10) retrieved documents as one string:
 * the digit for 0..9, '>' above 9, '-' not in the pool, '.' in the pool but unjudged, '<' otherwise.
 * Printed per query only, quoted (trec_eval m_relstring.c).
 */
public final class RelString extends TrecMeasure {
    private final long length;

    public RelString(String params) {
        super("relstring", Params.printable("relstring", params));
        this.length = (long) Params.doubleParams("relstring", params, new double[] {10})[0];
    }

    @Override
    public ValueKind kind() {
        return ValueKind.TEXT;
    }

    @Override
    public Aggregation aggregation() {
        return Aggregation.NONE;
    }

    @Override
    public boolean summary() {
        return false;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        out[offset] = 0;
    }

    @Override
    public String text(RankedQuery q) {
        long len = Math.max(0, Math.min(length, q.numRet()));
        StringBuilder sb = new StringBuilder((int) len);
        for (int i = 0; i < len; i++) {
            int rel = q.rel(i);
            char c;
            if (rel > 9) {
                c = '>';
            } else if (rel >= 0) {
                c = (char) ('0' + rel);
            } else if (rel == RankedQuery.NOT_IN_POOL) {
                c = '-';
            } else if (rel == RankedQuery.UNJUDGED_IN_POOL) {
                c = '.';
            } else {
                c = '<';
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
