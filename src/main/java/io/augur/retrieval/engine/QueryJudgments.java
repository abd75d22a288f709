package io.augur.retrieval.engine;

import java.util.Arrays;

/**
 * The judgments of one query: docno to relevance value, held in an open-addressing table over one
 * byte arena so that a run line can be looked up without building a String. Immutable once built.
 * Relevance values are integers; negative values mean "in the pool but unjudged" (trec_eval's
 * RELVALUE_UNJUDGED, used by infAP), documents absent from the table are "not in the pool".
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

    private QueryJudgments(String queryId, byte[] arena, int[] docStart, int[] docLength, int[] relevance, int size) {
        this.queryId = queryId;
        this.arena = arena;
        this.docStart = docStart;
        this.docLength = docLength;
        this.relevance = relevance;
        this.size = size;
        int cap = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.table = new int[cap];
        this.mask = cap - 1;
        for (int d = 0; d < size; d++) {
            int slot = ByteText.hash(arena, docStart[d], docLength[d]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = d + 1;
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

    /** Number of judged documents at each relevance level 0..max (negative values not counted). */
    long[] levelCounts() {
        int max = -1;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, relevance[i]);
        }
        long[] counts = new long[max + 1];
        for (int i = 0; i < size; i++) {
            if (relevance[i] >= 0) {
                counts[relevance[i]]++;
            }
        }
        return counts;
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
            QueryJudgments q = new QueryJudgments(queryId, Arrays.copyOf(arena, used), Arrays.copyOf(start, n),
                    Arrays.copyOf(length, n), Arrays.copyOf(rel, n), n);
            // trec_eval v10 (form_res_rels) stops with "duplicate docs" when a qrels has the same
            // (query, docno) twice; we report it at parse time with both line numbers.
            for (int d = 0; d < n; d++) {
                int first = q.indexOf(q.arena, q.docStart[d], q.docLength[d]);
                if (first != d) {
                    throw new io.augur.stats.InvalidInputException("qrels line " + line[d],
                            "duplicate judgment of document '" + q.docno(d) + "' for query '" + queryId
                                    + "' (first at line " + line[first] + "); trec_eval v10 stops with 'duplicate docs'");
                }
            }
            return q;
        }
    }
}
