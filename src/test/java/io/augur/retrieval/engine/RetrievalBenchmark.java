package io.augur.retrieval.engine;

import io.augur.testing.OnComputeWorkers;
import org.junit.jupiter.api.extension.ExtendWith;
import io.augur.retrieval.engine.significance.PairedTests;
import io.augur.retrieval.engine.significance.RunComparisons;
import io.augur.retrieval.engine.significance.RunScores;
import io.augur.retrieval.engine.significance.SignificanceOptions;
import io.augur.stats.RandomStreams;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks (not run by the normal build): {@code ./mvnw -B test -Pbench -Dtest=RetrievalBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints wall times and memory; no timed assertions.
 */
@Tag("benchmark")
@ExtendWith(OnComputeWorkers.class)
class RetrievalBenchmark {

    static final int QUERIES = 7000;
    static final int DOCS = 1000;
    static final int JUDGED = 60;

    @Test
    void allTrecOnSevenMillionLines(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run.txt");
        Path qrelsFile = tmp.resolve("qrels.txt");
        long g0 = System.nanoTime();
        generate(run, qrelsFile);
        System.out.printf("generated %,d bytes of run (%d x %d lines) and %,d bytes of qrels in %.1f s%n",
                Files.size(run), QUERIES, DOCS, Files.size(qrelsFile), (System.nanoTime() - g0) / 1e9);
        for (int rep = 0; rep < 3; rep++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Qrels qrels = TrecEval.readQrels(qrelsFile);
            EvaluationResult r = TrecEval.evaluate(qrels, run, TrecEvalOptions.fromArgs("-m", "all_trec"));
            long t1 = System.nanoTime();
            String text = TrecEvalText.format(r);
            System.out.printf("all_trec run %d: %.2f s wall (qrels + streamed run + measures), peak heap used %d MiB,"
                    + " process peak RSS %s; num_q %d, map %.4f, %d output bytes%n", rep + 1, (t1 - t0) / 1e9,
                    peakHeap() >> 20, peakRss(), (long) r.summaryValue("num_q"), r.summaryValue("map"), text.length());
        }
        long t0 = System.nanoTime();
        EvaluationResult rq = TrecEval.evaluate(TrecEval.readQrels(qrelsFile), run,
                TrecEvalOptions.fromArgs("-q", "-m", "all_trec"));
        long chars = TrecEvalText.format(rq).length();
        System.out.printf("all_trec -q with text output: %.2f s, %,d chars%n", (System.nanoTime() - t0) / 1e9, chars);
    }

    @Test
    void randomizationTenRunsPairwise() {
        int n = 250;
        int runs = 10;
        UniformRandomProvider rng = RandomStreams.of(3);
        List<RunScores> scores = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            ids.add("q" + q);
        }
        double[] base = new double[n];
        for (int q = 0; q < n; q++) {
            base[q] = rng.nextDouble() * 0.6;
        }
        for (int r = 0; r < runs; r++) {
            double[] v = new double[n];
            for (int q = 0; q < n; q++) {
                v[q] = Math.min(1, Math.max(0, base[q] + 0.01 * r + 0.1 * (rng.nextDouble() - 0.5)));
            }
            scores.add(new RunScores("run" + r, ids, v));
        }
        SignificanceOptions o = SignificanceOptions.defaults();
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            int pairs = 0;
            double checksum = 0;
            for (int i = 0; i < runs; i++) {
                for (int j = i + 1; j < runs; j++) {
                    double[] a = scores.get(i).values();
                    double[] b = scores.get(j).values();
                    double[] d = new double[n];
                    for (int q = 0; q < n; q++) {
                        d[q] = a[q] - b[q];
                    }
                    checksum += PairedTests.randomization(d, o).pValue();
                    pairs++;
                }
            }
            long t1 = System.nanoTime();
            var all = RunComparisons.allPairs("map", scores, o);
            long t2 = System.nanoTime();
            System.out.printf("randomization 10,000 flips x %d pairs x %d queries: %.3f s (checksum %.4f);"
                    + " all four tests + Holm/Bonferroni for the %d pairs (10,000 bootstrap rounds too): %.3f s%n",
                    pairs, n, (t1 - t0) / 1e9, checksum, all.comparisons().size(), (t2 - t1) / 1e9);
        }
    }

    static void generate(Path run, Path qrels) throws IOException {
        UniformRandomProvider rng = RandomStreams.of(11);
        try (OutputStream r = new BufferedOutputStream(Files.newOutputStream(run), 1 << 20);
                OutputStream q = new BufferedOutputStream(Files.newOutputStream(qrels), 1 << 20)) {
            StringBuilder sb = new StringBuilder(64 * DOCS);
            StringBuilder qb = new StringBuilder(64 * JUDGED);
            for (int query = 0; query < QUERIES; query++) {
                sb.setLength(0);
                qb.setLength(0);
                String qid = Integer.toString(100000 + query);
                double score = 30.0;
                for (int d = 0; d < DOCS; d++) {
                    if (rng.nextInt(4) != 0) {
                        score -= rng.nextInt(50) / 1000.0; // a quarter of the steps are ties
                    }
                    int doc = rng.nextInt(5_000_000);
                    sb.append(qid).append(" Q0 DOC").append(doc).append('-').append(d).append(' ').append(d + 1)
                            .append(' ').append(String.format("%.4f", score)).append(" benchrun\n");
                    if (d % 17 == 3 && qb.length() < 40 * JUDGED) {
                        qb.append(qid).append(" 0 DOC").append(doc).append('-').append(d).append(' ')
                                .append(rng.nextInt(3)).append('\n');
                    }
                }
                for (int extra = 0; extra < 1; extra++) {
                    qb.append(qid).append(" 0 UNRETRIEVED").append(query).append(" 1\n");
                }
                r.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                q.write(qb.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "n/a";
        }
        return "n/a";
    }
}
