package io.augur.retrieval.engine;

import io.augur.stats.InvalidInputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Relevance judgments in the TREC qrels format {@code query iter docno relevance}, one per line,
 * whitespace separated (trec_eval's get_qrels.c). Lines starting with {@code #} are comments (a
 * {@code #} inside a docno is part of it); blank lines are skipped (trec_eval rejects them; we are
 * lenient). The relevance must be an integer (trec_eval's atol would silently read "1.5" as 1; we
 * reject it) within +-{@link #MAX_RELEVANCE}. Queries are kept in strcmp order, the order trec_eval
 * evaluates and prints them in. A docno judged twice for a query is accepted here and rejected when that
 * query is evaluated, as trec_eval v10 does ({@link QueryJudgments}). Parsing is linear in the input.
 * Immutable and thread-safe.
 */
public final class Qrels {

    /**
     * Largest relevance magnitude accepted. trec_eval reserves an array entry per level up to the largest
     * value (a value of 10^9 costs it 8 GB); Augur's memory does not depend on the values, but a grade
     * beyond a million is a data error, not a judgment scale.
     */
    public static final int MAX_RELEVANCE = 1_000_000;

    private final List<QueryJudgments> queries;
    private final Map<String, QueryJudgments> byId;

    private Qrels(List<QueryJudgments> queries) {
        this.queries = Collections.unmodifiableList(queries);
        Map<String, QueryJudgments> m = new HashMap<>(queries.size() * 2);
        for (QueryJudgments q : queries) {
            m.put(q.queryId(), q);
        }
        this.byId = m;
    }

    /** Parses a qrels stream (ISO-8859-1 bytes; UTF-8 passes through unchanged). */
    public static Qrels parse(InputStream in) {
        LineScanner s = new LineScanner(in);
        TreeMap<String, QueryJudgments.Builder> builders = new TreeMap<>();
        QueryJudgments.Builder current = null;
        long contentLines = 0;
        while (s.next()) {
            if (s.end > s.start && s.line[s.start] == '#') {
                continue;
            }
            if (s.blank()) {
                continue;
            }
            int n = s.split(4);
            if (n != 4) {
                throw new InvalidInputException("qrels line " + s.lineNumber,
                        "expected 4 fields 'query iter docno relevance', found " + n);
            }
            long rel = ByteText.parseLong(s.line, s.fieldStart[3], s.fieldLength(3));
            if (rel == Long.MIN_VALUE && !isInteger(s.line, s.fieldStart[3], s.fieldLength(3))) {
                throw new InvalidInputException("qrels line " + s.lineNumber,
                        "relevance '" + s.field(3) + "' is not an integer");
            }
            if (rel == Long.MIN_VALUE || rel > MAX_RELEVANCE || rel < -MAX_RELEVANCE) {
                throw new InvalidInputException("qrels line " + s.lineNumber, "relevance " + s.field(3)
                        + " is out of range: must be between " + -MAX_RELEVANCE + " and " + MAX_RELEVANCE);
            }
            if (current == null || !current.queryId.equals(s.field(0))) {
                String qid = s.field(0);
                current = builders.computeIfAbsent(qid, QueryJudgments.Builder::new);
            }
            current.add(s.line, s.fieldStart[2], s.fieldLength(2), (int) rel, s.lineNumber);
            contentLines++;
        }
        if (contentLines == 0) {
            throw new InvalidInputException("qrels", s.lineNumber == 0 ? "the qrels file is empty"
                    : "the qrels file has no judgment lines (only comments or blank lines)");
        }
        List<QueryJudgments> list = new ArrayList<>(builders.size());
        for (QueryJudgments.Builder b : builders.values()) {
            list.add(b.build());
        }
        return new Qrels(list);
    }

    /** An optionally signed run of decimal digits (too long for a long, but still an integer). */
    private static boolean isInteger(byte[] b, int off, int len) {
        int i = off;
        if (i < off + len && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i >= off + len) {
            return false;
        }
        for (; i < off + len; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Judgment lines with relevance > 0 over all queries: trec_eval's summary num_rel under -c. */
    public long positiveJudgments() {
        long n = 0;
        for (QueryJudgments q : queries) {
            n += q.positiveJudgments();
        }
        return n;
    }

    /** Queries in strcmp order of their ids. */
    public List<QueryJudgments> queries() {
        return queries;
    }

    /** The judgments of a query, or null. */
    public QueryJudgments query(String queryId) {
        return byId.get(queryId);
    }

    public int size() {
        return queries.size();
    }
}
