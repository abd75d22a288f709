package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * The measures that are a function of the number of relevant documents in the top k, for each cutoff k
 * (P, recall, relative_P, success): one pass down the ranking counts them, and a ranking shorter than k
 * counts its missing ranks as nonrelevant, as trec_eval does. Subclasses give the formula.
 */
abstract class RelevantAtCutoff extends TrecMeasure {

    private final long[] cutoffs;

    RelevantAtCutoff(String name, long[] cutoffs) {
        super(name, Params.longNames(name, cutoffs));
        this.cutoffs = cutoffs;
    }

    /** The measure at cutoff k, given the relevant documents among the top k. */
    abstract double value(RankedQuery q, long k, long relevantInTopK);

    @Override
    public final void compute(RankedQuery q, double[] out, int offset) {
        int idx = 0;
        long relSoFar = 0;
        for (int i = 0; i < q.numRet(); i++) {
            if (i == cutoffs[idx]) {
                out[offset + idx] = value(q, i, relSoFar);
                if (++idx == cutoffs.length) {
                    return;
                }
            }
            if (q.isRelevant(i)) {
                relSoFar++;
            }
        }
        while (idx < cutoffs.length) {
            out[offset + idx] = value(q, cutoffs[idx], relSoFar);
            idx++;
        }
    }
}
