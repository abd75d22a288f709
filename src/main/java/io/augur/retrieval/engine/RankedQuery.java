package io.augur.retrieval.engine;

/**
 * One query's ranking as the measures see it (trec_eval's RES_RELS, built by form_res_rels.c): the
 * relevance value of each retrieved document in rank order (after sorting by score descending, ties
 * by docno descending in strcmp order, and truncation to -M), plus judgment counts. A relevance value
 * is the qrels value, {@link #NOT_IN_POOL} (-1) when the docno is not in the qrels of the query, or
 * {@link #UNJUDGED_IN_POOL} (-2) when the qrels gives it a negative value.
 *
 * <p>Instances are created by the evaluator; measures only read them. The relevance array is shared,
 * not copied, so measures must not write to it.
 */
public final class RankedQuery {

    public static final int NOT_IN_POOL = -1;
    public static final int UNJUDGED_IN_POOL = -2;

    private final String queryId;
    private final int[] rels;
    private final int numRet;
    private final long numRel;
    private final long numRelRet;
    private final long[] relLevels;
    private final int numRelLevels;
    private final int relevanceLevel;
    private final long numDocsInCollection;
    private final boolean missing;

    RankedQuery(String queryId, int[] rels, int numRet, long[] relLevels, int relevanceLevel,
            long numDocsInCollection, boolean missing) {
        this.queryId = queryId;
        this.rels = rels;
        this.numRet = numRet;
        this.relLevels = relLevels;
        this.relevanceLevel = relevanceLevel;
        this.numDocsInCollection = numDocsInCollection;
        this.missing = missing;
        long relRet = 0;
        for (int i = 0; i < numRet; i++) {
            if (rels[i] >= relevanceLevel) {
                relRet++;
            }
        }
        this.numRelRet = relRet;
        long nr = 0;
        int levels = 0;
        for (int i = 0; i < relLevels.length; i++) {
            if (relLevels[i] != 0) {
                levels = i + 1;
                if (i >= relevanceLevel) {
                    nr += relLevels[i];
                }
            }
        }
        this.numRel = nr;
        this.numRelLevels = levels;
    }

    /** Convenience constructor for tests and callers outside the evaluator. */
    public static RankedQuery of(String queryId, int[] relsInRankOrder, long[] judgedPerLevel, int relevanceLevel) {
        return new RankedQuery(queryId, relsInRankOrder.clone(), relsInRankOrder.length, judgedPerLevel.clone(),
                relevanceLevel, 0, false);
    }

    public String queryId() {
        return queryId;
    }

    /** Relevance value of the document at 0-based rank i (i < numRet). */
    public int rel(int i) {
        return rels[i];
    }

    public int numRet() {
        return numRet;
    }

    /** Judged documents with relevance at least the relevance level. */
    public long numRel() {
        return numRel;
    }

    public long numRelRet() {
        return numRelRet;
    }

    /** Number of judged documents at level i (i < numRelLevels). */
    public long relLevel(int i) {
        return i < relLevels.length ? relLevels[i] : 0;
    }

    /** 1 + the highest relevance level that has a judged document (0 if none). */
    public int numRelLevels() {
        return numRelLevels;
    }

    /** Minimum relevance value counted as relevant (trec_eval -l, default 1). */
    public int relevanceLevel() {
        return relevanceLevel;
    }

    /** trec_eval -N: number of documents in the collection (0 when not given). */
    public long numDocsInCollection() {
        return numDocsInCollection;
    }

    /** True for a qrels query absent from the run, evaluated under -c on trec_eval's stand-in ranking. */
    public boolean missing() {
        return missing;
    }

    public boolean isRelevant(int i) {
        return rels[i] >= relevanceLevel;
    }
}
