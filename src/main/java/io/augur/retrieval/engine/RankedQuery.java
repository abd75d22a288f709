package io.augur.retrieval.engine;

/**
 * One query's ranking as the measures see it (trec_eval's RES_RELS, built by form_res_rels.c): the
 * relevance value of each retrieved document in rank order (after sorting by score descending, ties
 * by docno descending in strcmp order, and truncation to -M), plus judgment counts per distinct
 * relevance level (trec_eval keeps them in an array indexed by the level; here memory does not grow
 * with the relevance values). A relevance value
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
    private final int[] levels;
    private final long[] levelCounts;
    private final int numRelLevels;
    private final int relevanceLevel;
    private final long numDocsInCollection;
    private final boolean missing;

    RankedQuery(String queryId, int[] rels, int numRet, int[] levels, long[] levelCounts, int relevanceLevel,
            long numDocsInCollection, boolean missing) {
        this.queryId = queryId;
        this.rels = rels;
        this.numRet = numRet;
        this.levels = levels;
        this.levelCounts = levelCounts;
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
        for (int k = 0; k < levels.length; k++) {
            if (levels[k] >= relevanceLevel) {
                nr += levelCounts[k];
            }
        }
        this.numRel = nr;
        this.numRelLevels = levels.length == 0 ? 0 : levels[levels.length - 1] + 1;
    }

    /** Convenience constructor for tests and callers outside the evaluator: judgedPerLevel[i] at level i. */
    public static RankedQuery of(String queryId, int[] relsInRankOrder, long[] judgedPerLevel, int relevanceLevel) {
        int distinct = 0;
        for (long c : judgedPerLevel) {
            distinct += c != 0 ? 1 : 0;
        }
        int[] lv = new int[distinct];
        long[] counts = new long[distinct];
        int k = 0;
        for (int i = 0; i < judgedPerLevel.length; i++) {
            if (judgedPerLevel[i] != 0) {
                lv[k] = i;
                counts[k++] = judgedPerLevel[i];
            }
        }
        return new RankedQuery(queryId, relsInRankOrder.clone(), relsInRankOrder.length, lv, counts,
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

    /** Number of judged documents at relevance level i (0 for a level without judgments). */
    public long relLevel(int i) {
        int k = java.util.Arrays.binarySearch(levels, i);
        return k >= 0 ? levelCounts[k] : 0;
    }

    /** Number of distinct relevance levels >= 0 that have judgments. */
    public int distinctLevels() {
        return levels.length;
    }

    /** The k-th distinct judged relevance level, ascending (k < distinctLevels()). */
    public int level(int k) {
        return levels[k];
    }

    /** Judged documents at the k-th distinct level. */
    public long levelCount(int k) {
        return levelCounts[k];
    }

    /** Judged documents with relevance in [0, level): trec_eval's sum of rel_levels[0 .. level-1]. */
    public long judgedBelow(int level) {
        long n = 0;
        for (int k = 0; k < levels.length && levels[k] < level; k++) {
            n += levelCounts[k];
        }
        return n;
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
