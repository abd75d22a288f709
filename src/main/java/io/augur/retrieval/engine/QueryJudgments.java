package io.augur.retrieval.engine;

import io.augur.stats.InvalidInputException;
import java.util.Arrays;

/**
 * The judgments of one query: docno to relevance value, held in an open-addressing table over one
 * byte arena so that a run line can be looked up without building a String. Immutable once built.
 * Relevance values are integers; negative values mean "in the pool but unjudged" (trec_eval's
 * RELVALUE_UNJUDGED, used by infAP), documents absent from the table are "not in the pool".
 *
 * <p>Judgment counts are kept per distinct relevance level (sorted), not in an array indexed by the
 * level as trec_eval's rel_levels is, so memory does not grow with the relevance values.
 *
 * <p>A docno judged twice for the query is remembered (its first two lines), not rejected here: trec_eval
 * v10 accepts such a qrels file and stops with "duplicate docs" only when it evaluates that query, and
 * {@link TrecEval} does the same through {@link #checkNoDuplicate()}.
 */
public final class QueryJudgments {

    private final String queryId;
    private final byte[] arena;
    private final int[] docStart;
    private final int[] docLength;
    private final int[] relevance;
    private final int[] table; // slot -> doc index + 1, 0 = empty
    private final int mask;
    private final int size;
    private final int[] levels;
    private final long[] levelCounts;
    private final long positiveJudgments;
    /** First duplicate judgment: docno index, its first line and the repeating line; -1 when none. */
    private final int duplicateDoc;
    private final long duplicateFirstLine;
    private final long duplicateLine;

    private QueryJudgments(String queryId, byte[] arena, int[] docStart, int[] docLength, int[] relevance, int size,
            long[] lines) {
        this.queryId = queryId;
        this.arena = arena;
        this.docStart = docStart;
        this.docLength = docLength;
        this.relevance = relevance;
        this.size = size;
        int cap = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.table = new int[cap];
        this.mask = cap - 1;
        int dupDoc = -1;
        long dupFirst = -1;
        long dupLine = -1;
        long positive = 0;
        for (int d = 0; d < size; d++) {
            if (relevance[d] > 0) {
                positive++;
            }
            // a repeated docno stops at its first copy and is not inserted, so repeats cost O(1) each
            int slot = ByteText.hash(arena, docStart[d], docLength[d]) & mask;
            boolean repeated = false;
            while (table[slot] != 0) {
                int o = table[slot] - 1;
                if (ByteText.equal(arena, docStart[o], docLength[o], arena, docStart[d], docLength[d])) {
                    if (dupDoc < 0) {
                        dupDoc = o;
                        dupFirst = lines[o];
                        dupLine = lines[d];
                    }
                    repeated = true;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (!repeated) {
                table[slot] = d + 1;
            }
        }
        this.duplicateDoc = dupDoc;
        this.duplicateFirstLine = dupFirst;
        this.duplicateLine = dupLine;
        this.positiveJudgments = positive;
        int[] sorted = new int[size];
        int m = 0;
        for (int d = 0; d < size; d++) {
            if (relevance[d] >= 0) {
                sorted[m++] = relevance[d];
            }
        }
        Arrays.sort(sorted, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        this.levels = new int[distinct];
        this.levelCounts = new long[distinct];
        int k = -1;
        for (int i = 0; i < m; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                levels[++k] = sorted[i];
            }
            levelCounts[k]++;
        }
    }

    public String queryId() {
        return queryId;
    }

    /** Number of judged documents (including negative, "unjudged in pool" entries). */
    public int size() {
        return size;
    }

    public String docno(int i) {
        return ByteText.string(arena, docStart[i], docLength[i]);
    }

    public int relevance(int i) {
        return relevance[i];
    }

    /** Relevance of the docno, or {@link Integer#MIN_VALUE} if it is not judged for this query. */
    public int relevanceOf(String docno) {
        byte[] b = docno.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return lookup(b, 0, b.length);
    }

    /** Index of the docno slice in this table, or -1. */
    int indexOf(byte[] b, int off, int len) {
        int slot = ByteText.hash(b, off, len) & mask;
        while (true) {
            int d = table[slot];
            if (d == 0) {
                return -1;
            }
            d--;
            if (ByteText.equal(arena, docStart[d], docLength[d], b, off, len)) {
                return d;
            }
            slot = (slot + 1) & mask;
        }
    }

    int lookup(byte[] b, int off, int len) {
        int d = indexOf(b, off, len);
        return d < 0 ? Integer.MIN_VALUE : relevance[d];
    }

    /** The distinct relevance levels >= 0 that have judgments, ascending (shared: do not modify). */
    int[] levels() {
        return levels;
    }

    /** Judgments at each of {@link #levels()} (shared: do not modify). */
    long[] levelCounts() {
        return levelCounts;
    }

    /** Judgment lines with relevance > 0 (what trec_eval's summary num_rel counts under -c). */
    public long positiveJudgments() {
        return positiveJudgments;
    }

    /** Throws trec_eval v10's "duplicate docs" error if a docno is judged twice for this query. */
    void checkNoDuplicate() {
        if (duplicateDoc >= 0) {
            throw new InvalidInputException("qrels line " + duplicateLine, "duplicate judgment of document '"
                    + docno(duplicateDoc) + "' for query '" + queryId + "' (first at line " + duplicateFirstLine
                    + "); trec_eval v10 stops with 'duplicate docs' when it evaluates this query");
        }
    }

    /** Builder used by the qrels parser. */
    static final class Builder {
        final String queryId;
        byte[] arena = new byte[256];
        int used;
        int[] start = new int[16];
        int[] length = new int[16];
        int[] rel = new int[16];
        long[] line = new long[16];
        int n;

        Builder(String queryId) {
            this.queryId = queryId;
        }

        void add(byte[] b, int off, int len, int relevance, long lineNumber) {
            if (used + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
            }
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                length = Arrays.copyOf(length, n * 2);
                rel = Arrays.copyOf(rel, n * 2);
                line = Arrays.copyOf(line, n * 2);
            }
            System.arraycopy(b, off, arena, used, len);
            start[n] = used;
            length[n] = len;
            rel[n] = relevance;
            line[n] = lineNumber;
            used += len;
            n++;
        }

        QueryJudgments build() {
            return new QueryJudgments(queryId, Arrays.copyOf(arena, used), Arrays.copyOf(start, n),
                    Arrays.copyOf(length, n), Arrays.copyOf(rel, n), n, line);
        }
    }
}
