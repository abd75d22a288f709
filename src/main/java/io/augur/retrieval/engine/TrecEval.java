package io.augur.retrieval.engine;

import io.augur.retrieval.engine.measure.MeasureRegistry;
import io.augur.retrieval.engine.measure.NumRel;
import io.augur.retrieval.engine.measure.TrecMeasure;
import io.augur.retrieval.engine.measure.ValueKind;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Progress;
import io.augur.stats.Workers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Evaluates a TREC run against qrels with trec_eval v10 semantics (usnistgov/trec_eval 10.0):
 * the rank column is ignored; each query's documents are ordered by score descending, ties broken by
 * docno in descending strcmp order; the top -M are kept; each document gets its qrels relevance (or
 * -1 not in the pool, -2 pooled but unjudged); the measures of {@link MeasureRegistry} are computed
 * per query and averaged over the queries that have both results and judgments (with -c: over all
 * qrels queries); either way the qrels queries absent from the run are listed in the result. Queries of
 * the run without judgments are skipped, as trec_eval skips them.
 * A run with the same docno twice for a query (within the top -M) is rejected, as trec_eval v10 stops
 * with "duplicate docs".
 *
 * <p>The run is streamed: each query is ranked and measured as soon as the run moves on to another
 * query, so memory is bounded by one query, not the file, when the run is grouped by query (the usual
 * layout). Ungrouped runs are handled too: a query that reappears is re-opened from its retained raw
 * documents (kept up to a memory budget); from a {@link Path}, a run that exceeds the budget is read a
 * second time in full.
 *
 * <p>Stateless and thread-safe. Long evaluations check the computation's cancellation ({@link io.augur.stats.Workers#cancelled()}) and throw
 * {@link java.util.concurrent.CancellationException}.
 */
public final class TrecEval {

    /** Default raw-document memory kept for re-opening queries of ungrouped runs (bytes). */
    public static final long DEFAULT_RETAIN_BYTES = 64L << 20;

    private TrecEval() {
    }

    /** Evaluates a run stream (bytes of the TREC run format). */
    public static EvaluationResult evaluate(Qrels qrels, InputStream run, TrecEvalOptions options) {
        return evaluate(qrels, run, options, DEFAULT_RETAIN_BYTES);
    }

    /** As {@link #evaluate(Qrels, InputStream, TrecEvalOptions)} with an explicit retention budget. */
    public static EvaluationResult evaluate(Qrels qrels, InputStream run, TrecEvalOptions options, long retainBytes) {
        List<TrecMeasure> measures = MeasureRegistry.resolve(options.measures());
        return new Pass(qrels, options, measures, retainBytes).run(run);
    }

    /** Evaluates a run file; a name ending in ".gz" is decompressed. */
    public static EvaluationResult evaluate(Qrels qrels, Path run, TrecEvalOptions options) {
        List<TrecMeasure> measures = MeasureRegistry.resolve(options.measures());
        try (InputStream in = open(run)) {
            return new Pass(qrels, options, measures, DEFAULT_RETAIN_BYTES).run(in);
        } catch (UngroupedRunException e) {
            try (InputStream in = open(run)) {
                return new Pass(qrels, options, measures, Long.MAX_VALUE).run(in);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a file, decompressing gzip: a name ending in ".gz" or content starting with the gzip magic
     * bytes (uploaded files are stored under random names without their extension).
     */
    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return decompressIfGzip(new BufferedInputStream(in, 1 << 16));
    }

    /** The stream itself, or a decompressing view of it when it starts with the gzip magic bytes 1f 8b. */
    public static InputStream decompressIfGzip(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(b, 1 << 16);
        }
        return b;
    }

    /** Parses qrels from a file (".gz" decompressed). */
    public static Qrels readQrels(Path file) {
        try (InputStream in = open(file)) {
            return Qrels.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query reappeared after its raw documents were dropped. */
    static final class UngroupedRunException extends InvalidInputException {
        UngroupedRunException(long line, String qid) {
            super("run line " + line, "query '" + qid + "' reappears after other queries and the run is too large"
                    + " to keep ungrouped queries in memory; sort the run by query or provide it as a file");
        }
    }

    /** Raw documents of one query as read. */
    static final class RawQuery {
        QueryJudgments judgments;
        double[] score = new double[64];
        int[] docStart = new int[64];
        int[] docLength = new int[64];
        int[] rel = new int[64];
        long[] line = new long[64];
        byte[] arena = new byte[1024];
        int used;
        int n;

        RawQuery(QueryJudgments judgments) {
            this.judgments = judgments;
        }

        void clear() {
            n = 0;
            used = 0;
        }

        void add(byte[] b, int off, int len, double s, int r, long lineNo) {
            if (n == score.length) {
                int cap = n * 2;
                score = java.util.Arrays.copyOf(score, cap);
                docStart = java.util.Arrays.copyOf(docStart, cap);
                docLength = java.util.Arrays.copyOf(docLength, cap);
                rel = java.util.Arrays.copyOf(rel, cap);
                line = java.util.Arrays.copyOf(line, cap);
            }
            if (used + len > arena.length) {
                arena = java.util.Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
            }
            System.arraycopy(b, off, arena, used, len);
            score[n] = s;
            docStart[n] = used;
            docLength[n] = len;
            rel[n] = r;
            line[n] = lineNo;
            used += len;
            n++;
        }

        long bytes() {
            return used + 32L * n;
        }

        RawQuery copy() {
            RawQuery c = new RawQuery(judgments);
            c.score = java.util.Arrays.copyOf(score, Math.max(n, 1));
            c.docStart = java.util.Arrays.copyOf(docStart, Math.max(n, 1));
            c.docLength = java.util.Arrays.copyOf(docLength, Math.max(n, 1));
            c.rel = java.util.Arrays.copyOf(rel, Math.max(n, 1));
            c.line = java.util.Arrays.copyOf(line, Math.max(n, 1));
            c.arena = java.util.Arrays.copyOf(arena, Math.max(used, 1));
            c.used = used;
            c.n = n;
            return c;
        }

        /** trec_eval comp_sim_docno: score descending, then docno descending (strcmp). */
        int compare(int a, int b) {
            int c = Double.compare(score[b], score[a]);
            if (score[a] == score[b]) {
                c = 0;
            }
            if (c != 0) {
                return c;
            }
            return ByteText.compare(arena, docStart[b], docLength[b], arena, docStart[a], docLength[a]);
        }

        /** Document indexes in ranking order. */
        int[] rank() {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = compare(i - 1, i) <= 0;
            }
            if (!sorted) {
                mergeSort(idx, new int[n], 0, n);
            }
            return idx;
        }

        private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
            if (hi - lo < 12) {
                for (int i = lo + 1; i < hi; i++) {
                    int v = a[i];
                    int j = i - 1;
                    while (j >= lo && compare(a[j], v) > 0) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            mergeSort(a, tmp, lo, mid);
            mergeSort(a, tmp, mid, hi);
            if (compare(a[mid - 1], a[mid]) <= 0) {
                return;
            }
            System.arraycopy(a, lo, tmp, lo, hi - lo);
            int i = lo;
            int j = mid;
            for (int k = lo; k < hi; k++) {
                if (j >= hi || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
                    a[k] = tmp[i++];
                } else {
                    a[k] = tmp[j++];
                }
            }
        }
    }

    /** Per-query computed values. */
    record Computed(double[] values, String[] texts) {
    }

    /** One streaming pass over a run. */
    static final class Pass {
        private final Qrels qrels;
        private final TrecEvalOptions options;
        private final List<TrecMeasure> measures;
        private final int[] offsets;
        private final int width;
        private final long retainBudget;
        private long retained;
        private final HashMap<String, Computed> computed = new HashMap<>();
        private final HashMap<String, RawQuery> kept = new HashMap<>();
        private final java.util.HashSet<String> dropped = new java.util.HashSet<>();
        private final RawQuery work = new RawQuery(null);

        Pass(Qrels qrels, TrecEvalOptions options, List<TrecMeasure> measures, long retainBudget) {
            this.qrels = qrels;
            this.options = options;
            this.measures = measures;
            this.offsets = new int[measures.size()];
            int w = 0;
            for (int m = 0; m < measures.size(); m++) {
                offsets[m] = w;
                w += measures.get(m).valueNames().size();
            }
            this.width = w;
            this.retainBudget = retainBudget;
        }

        EvaluationResult run(InputStream in) {
            LineScanner s = new LineScanner(in);
            byte[] qid = new byte[64];
            int qidLen = -1;
            String qidString = null;
            RawQuery current = null;
            byte[] runId = new byte[64];
            int runIdLen = 0;
            long contentLines = 0;
            Progress progress = Workers.currentProgress();
            progress.begin("lines", 0); // lines read of a stream whose length is not known
            while (s.next()) {
                if ((s.lineNumber & 0xFFFF) == 0) {
                    progress.advance(0x10000);
                    if (Workers.cancelled()) {
                        throw new java.util.concurrent.CancellationException("run evaluation cancelled");
                    }
                }
                int first = s.firstByte();
                if (first == -1 || first == '#') {
                    continue;
                }
                int nf = s.split(6);
                if (nf < 6) {
                    throw new InvalidInputException("run line " + s.lineNumber,
                            "expected 6 fields 'query Q0 docno rank score runid', found " + nf);
                }
                contentLines++;
                int qs = s.fieldStart[0];
                int ql = s.fieldLength(0);
                if (ql != qidLen || !ByteText.equal(qid, 0, qidLen, s.line, qs, ql)) {
                    if (current != null) {
                        finish(qidString, current);
                    }
                    if (ql > qid.length) {
                        qid = new byte[ql * 2];
                    }
                    System.arraycopy(s.line, qs, qid, 0, ql);
                    qidLen = ql;
                    qidString = ByteText.string(qid, 0, qidLen);
                    current = open(qidString, s.lineNumber);
                }
                double score = ByteText.parseDouble(s.line, s.fieldStart[4], s.fieldLength(4));
                if (Double.isNaN(score)) {
                    throw new InvalidInputException("run line " + s.lineNumber,
                            "score '" + s.field(4) + "' is not a number");
                }
                int rl = s.fieldLength(5);
                if (rl > runId.length) {
                    runId = new byte[rl * 2];
                }
                System.arraycopy(s.line, s.fieldStart[5], runId, 0, rl);
                runIdLen = rl;
                if (current == null) {
                    continue; // query without judgments: trec_eval ignores it
                }
                int ds = s.fieldStart[2];
                int dl = s.fieldLength(2);
                int rel = current.judgments.lookup(s.line, ds, dl);
                if (rel == Integer.MIN_VALUE) {
                    rel = RankedQuery.NOT_IN_POOL;
                } else if (rel < 0) {
                    rel = RankedQuery.UNJUDGED_IN_POOL;
                }
                current.add(s.line, ds, dl, score, rel, s.lineNumber);
            }
            if (current != null) {
                finish(qidString, current);
            }
            if (contentLines == 0) {
                throw new InvalidInputException("run", s.lineNumber == 0 ? "the run file is empty"
                        : "the run file has no result lines (only comments or blank lines)");
            }
            return summarise(ByteText.string(runId, 0, runIdLen));
        }

        /** The accumulator for a query starting at this line, or null if it has no judgments. */
        private RawQuery open(String qidString, long line) {
            QueryJudgments j = qrels.query(qidString);
            if (j == null) {
                return null;
            }
            j.checkNoDuplicate();
            if (computed.containsKey(qidString)) {
                RawQuery k = kept.remove(qidString);
                if (k == null) {
                    throw new UngroupedRunException(line, qidString);
                }
                retained -= k.bytes();
                computed.remove(qidString);
                return k; // re-opened: keep appending
            }
            work.clear();
            work.judgments = j;
            return work;
        }

        private void finish(String qidString, RawQuery raw) {
            if (raw == null) {
                return;
            }
            computed.put(qidString, compute(qidString, raw));
            long b = raw.bytes();
            if (retained + b <= retainBudget) {
                kept.put(qidString, raw == work ? raw.copy() : raw);
                retained += b;
            } else {
                kept.remove(qidString);
                dropped.add(qidString);
            }
        }

        private Computed compute(String qidString, RawQuery raw) {
            int[] order = raw.rank();
            int n = (int) Math.min(raw.n, options.maxDocsPerQuery());
            checkDuplicates(raw, order, n, qidString);
            int[] rels = new int[Math.max(n, 1)];
            int numRet = 0;
            for (int i = 0; i < n; i++) {
                int r = raw.rel[order[i]];
                if (options.judgedDocsOnly() && r < 0) {
                    continue;
                }
                rels[numRet++] = r;
            }
            RankedQuery q = new RankedQuery(qidString, rels, numRet, raw.judgments.levels(),
                    raw.judgments.levelCounts(), options.relevanceLevel(), options.numDocsInCollection(), false);
            return measure(q);
        }

        private Computed measure(RankedQuery q) {
            double[] values = new double[width];
            String[] texts = null;
            for (int m = 0; m < measures.size(); m++) {
                TrecMeasure tm = measures.get(m);
                tm.compute(q, values, offsets[m]);
                if (tm.kind() == ValueKind.TEXT) {
                    if (texts == null) {
                        texts = new String[width];
                    }
                    texts[offsets[m]] = tm.text(q);
                }
            }
            return new Computed(values, texts);
        }

        private static void checkDuplicates(RawQuery raw, int[] order, int n, String qid) {
            int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
            int[] table = new int[cap];
            int mask = cap - 1;
            for (int i = 0; i < n; i++) {
                int d = order[i];
                int slot = ByteText.hash(raw.arena, raw.docStart[d], raw.docLength[d]) & mask;
                while (table[slot] != 0) {
                    int o = table[slot] - 1;
                    if (ByteText.equal(raw.arena, raw.docStart[o], raw.docLength[o], raw.arena, raw.docStart[d],
                            raw.docLength[d])) {
                        long a = Math.min(raw.line[o], raw.line[d]);
                        long b = Math.max(raw.line[o], raw.line[d]);
                        throw new InvalidInputException("run line " + b, "duplicate document '"
                                + ByteText.string(raw.arena, raw.docStart[d], raw.docLength[d]) + "' for query '" + qid
                                + "' (also at line " + a + "); trec_eval v10 stops with 'duplicate docs'");
                    }
                    slot = (slot + 1) & mask;
                }
                table[slot] = d + 1;
            }
        }

        private EvaluationResult summarise(String runId) {
            double[] sum = new double[width];
            long nq = 0;
            List<QueryEvaluation> perQuery = new ArrayList<>();
            List<String> missingQueries = new ArrayList<>();
            for (QueryJudgments j : qrels.queries()) {
                Computed c = computed.get(j.queryId());
                boolean missing = false;
                if (c == null) {
                    missingQueries.add(j.queryId());
                    if (!options.complete()) {
                        continue;
                    }
                    j.checkNoDuplicate();
                    c = missingQuery(j);
                    missing = true;
                }
                nq++;
                for (int k = 0; k < width; k++) {
                    sum[k] += c.values()[k];
                }
                perQuery.add(queryEvaluation(j.queryId(), missing, c));
            }
            if (nq == 0) {
                throw new InvalidInputException("run", "no query of the run has judgments in the qrels"
                        + " (trec_eval: 'No queries with both results and relevance info')");
            }
            List<MeasureValue> summary = new ArrayList<>();
            for (int m = 0; m < measures.size(); m++) {
                TrecMeasure tm = measures.get(m);
                if (!tm.summary()) {
                    continue;
                }
                List<String> names = tm.valueNames();
                for (int k = 0; k < names.size(); k++) {
                    double s = sum[offsets[m] + k];
                    if (tm instanceof NumRel && options.complete()) {
                        // trec_eval v10 (m_num_rel.c, te_calc_avg_num_rel): under -c the summary counts
                        // every qrels line with relevance > 0, whatever -l says
                        s = qrels.positiveJudgments();
                    }
                    double v = switch (tm.aggregation()) {
                        case MEAN -> s / nq;
                        case SUM -> s;
                        case GEOMETRIC_MEAN -> Math.exp(s / nq);
                        case QUERY_COUNT -> nq;
                        case NONE -> 0;
                    };
                    summary.add(new MeasureValue(tm.name(), names.get(k), tm.kind(), v,
                            tm.kind() == ValueKind.RUNID ? runId : null));
                }
            }
            return new EvaluationResult(runId, options, perQuery, summary, missingQueries);
        }

        /** trec_eval v10 -c: a stand-in ranking of one unjudged document, then fix-ups by value name. */
        private Computed missingQuery(QueryJudgments j) {
            RankedQuery q = new RankedQuery(j.queryId(), new int[] {RankedQuery.NOT_IN_POOL}, 1, j.levels(),
                    j.levelCounts(), options.relevanceLevel(), options.numDocsInCollection(), true);
            Computed c = measure(q);
            for (int m = 0; m < measures.size(); m++) {
                TrecMeasure tm = measures.get(m);
                List<String> names = tm.valueNames();
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get(k);
                    if (name.equals("num_ret") || name.equals("utility") || name.startsWith("unj")
                            || name.equals("rbp_resid")) {
                        c.values()[offsets[m] + k] = 0.0;
                    } else if (name.equals("relstring") && c.texts() != null) {
                        c.texts()[offsets[m] + k] = "";
                    }
                }
            }
            return c;
        }

        private QueryEvaluation queryEvaluation(String qid, boolean missing, Computed c) {
            List<MeasureValue> values = new ArrayList<>(width);
            for (int m = 0; m < measures.size(); m++) {
                TrecMeasure tm = measures.get(m);
                if (!tm.perQuery()) {
                    continue;
                }
                List<String> names = tm.valueNames();
                for (int k = 0; k < names.size(); k++) {
                    int at = offsets[m] + k;
                    values.add(new MeasureValue(tm.name(), names.get(k), tm.kind(), c.values()[at],
                            tm.kind() == ValueKind.TEXT ? c.texts()[at] : null));
                }
            }
            return new QueryEvaluation(qid, missing, values);
        }
    }
}
