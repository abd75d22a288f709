package io.augur.retrieval.engine.significance;

import io.augur.stats.InvalidInputException;
import io.augur.stats.MultipleTesting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares several runs on one measure: all pairs (or each run against a baseline), each with the four
 * paired tests, then Holm and Bonferroni corrections within each test over the family of comparisons.
 * Runs must score the same queries (e.g. evaluations with -c, or of the same topic set).
 */
public final class RunComparisons {

    private RunComparisons() {
    }

    /** All pairs i < j in the given order, difference = run i - run j. */
    public static MultiRunComparison allPairs(String measure, List<RunScores> runs, SignificanceOptions o) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return compare(measure, runs, pairs, o);
    }

    /** Each other run against the baseline, difference = run - baseline. */
    public static MultiRunComparison againstBaseline(String measure, List<RunScores> runs, String baseline,
            SignificanceOptions o) {
        int b = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).run().equals(baseline)) {
                b = i;
            }
        }
        if (b < 0) {
            throw new InvalidInputException("baseline", "no run named '" + baseline + "'");
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (i != b) {
                pairs.add(new int[] {i, b});
            }
        }
        return compare(measure, runs, pairs, o);
    }

    private static MultiRunComparison compare(String measure, List<RunScores> runs, List<int[]> pairs,
            SignificanceOptions o) {
        if (runs.size() < 2) {
            throw new InvalidInputException("runs", "at least two runs are needed, got " + runs.size());
        }
        List<String> ids = runs.get(0).queryIds();
        double[][] aligned = new double[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            aligned[r] = align(runs.get(r), ids, r);
        }
        List<PairedComparison> cmp = new ArrayList<>();
        for (int[] p : pairs) {
            cmp.add(PairedTests.compare(runs.get(p[0]).run(), aligned[p[0]], runs.get(p[1]).run(), aligned[p[1]],
                    measure, o));
        }
        int m = cmp.size();
        double[][] raw = new double[4][m];
        for (int k = 0; k < m; k++) {
            PairedComparison c = cmp.get(k);
            raw[0][k] = c.tTest().pValue();
            raw[1][k] = c.wilcoxon().pValue();
            raw[2][k] = c.randomization().pValue();
            raw[3][k] = c.bootstrap().pValue();
        }
        double[][] holm = new double[4][];
        double[][] bonf = new double[4][];
        for (int t = 0; t < 4; t++) {
            holm[t] = MultipleTesting.holm(raw[t]);
            bonf[t] = MultipleTesting.bonferroni(raw[t]);
        }
        List<MultiRunComparison.Row> rows = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            rows.add(new MultiRunComparison.Row(cmp.get(k),
                    new MultiRunComparison.Corrected(holm[0][k], holm[1][k], holm[2][k], holm[3][k]),
                    new MultiRunComparison.Corrected(bonf[0][k], bonf[1][k], bonf[2][k], bonf[3][k])));
        }
        return new MultiRunComparison(measure, ids, rows);
    }

    private static double[] align(RunScores s, List<String> ids, int index) {
        Map<String, Double> byId = new HashMap<>();
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            if (byId.put(s.queryIds().get(i), v[i]) != null) {
                throw new InvalidInputException("runs[" + index + "].queryIds",
                        "query '" + s.queryIds().get(i) + "' appears twice in run '" + s.run() + "'");
            }
        }
        if (byId.size() != ids.size()) {
            throw new InvalidInputException("runs[" + index + "].queryIds", "run '" + s.run() + "' scores "
                    + byId.size() + " queries but the first run scores " + ids.size());
        }
        double[] out = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Double x = byId.get(ids.get(i));
            if (x == null) {
                throw new InvalidInputException("runs[" + index + "].queryIds",
                        "run '" + s.run() + "' has no value for query '" + ids.get(i) + "'");
            }
            out[i] = x;
        }
        return out;
    }
}
