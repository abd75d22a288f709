package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * Gain values per relevance level for the gain-based measures (trec_eval gain_init.c): by default the
 * gain of level i is i; "level=gain" parameters override it (names that are not integers, such as
 * rbp's "p", are ignored). Levels are sorted by increasing gain with trec_eval's comparator, which
 * truncates the gain difference to an int; we reproduce glibc's merge sort so that ties order alike.
 *
 * <p>trec_eval lists every level 0 .. max judged level, judged or not. We list the judged levels plus
 * the lowest and highest level of that range that no parameter names (the extremes rbp rescales by),
 * so that memory and time do not grow with the relevance values. This is exact: levels without
 * judgments never enter the ideal ranking, and when every gain is a (moderate) integer the comparator is
 * a total order and the merge sort stable, so leaving entries out does not reorder the others. Only with
 * non-integer parameter gains, whose truncated comparisons are not transitive, are all levels listed as
 * trec_eval does, up to {@link #DENSE_LEVELS}; beyond that the order of such near-ties may differ.
 */
final class Gains {

    record Pair(String name, double value) {
    }

    /** With non-integer gains, up to this many levels are all listed, as trec_eval does. */
    static final int DENSE_LEVELS = 64;

    final long[] level;
    final double[] gain;
    final long[] numAtLevel;
    final int size;
    /** Levels ascending with the gain get_gain returns for them (the first in sorted order). */
    private final long[] lookupLevel;
    private final double[] lookupGain;

    Gains(Pair[] pairs, RankedQuery q) {
        int numPairs = 0;
        long[] pairLevel = new long[pairs.length];
        double[] pairGain = new double[pairs.length];
        for (Pair p : pairs) {
            if (!validInt(p.name())) {
                continue;
            }
            pairLevel[numPairs] = parseLevel(p.name());
            pairGain[numPairs] = p.value();
            numPairs++;
        }
        int[] listed = listedLevels(q, pairLevel, pairGain, numPairs);
        int cap = numPairs + listed.length;
        long[] lv = new long[cap];
        double[] g = new double[cap];
        long[] n = new long[cap];
        int k = 0;
        for (int p = 0; p < numPairs; p++) {
            lv[k] = pairLevel[p];
            g[k] = pairGain[p];
            n[k] = 0;
            k++;
        }
        for (int i : listed) {
            int j = 0;
            while (j < numPairs && lv[j] != i) {
                j++;
            }
            if (j < numPairs) {
                n[j] = q.relLevel(i);
            } else {
                lv[k] = i;
                g[k] = i;
                n[k] = q.relLevel(i);
                k++;
            }
        }
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        int[] tmp = new int[k];
        mergeSort(order, tmp, 0, k, g);
        this.level = new long[k];
        this.gain = new double[k];
        this.numAtLevel = new long[k];
        for (int i = 0; i < k; i++) {
            level[i] = lv[order[i]];
            gain[i] = g[order[i]];
            numAtLevel[i] = n[order[i]];
        }
        this.size = k;
        java.util.TreeMap<Long, Double> first = new java.util.TreeMap<>();
        for (int i = 0; i < k; i++) {
            first.putIfAbsent(level[i], gain[i]);
        }
        this.lookupLevel = new long[first.size()];
        this.lookupGain = new double[first.size()];
        int m = 0;
        for (var e : first.entrySet()) {
            lookupLevel[m] = e.getKey();
            lookupGain[m++] = e.getValue();
        }
    }

    /**
     * The levels listed besides the parameters, ascending: 0 .. numRelLevels - 1 as trec_eval does when a
     * parameter gain is not a moderate integer and there are at most {@link #DENSE_LEVELS}; else the judged
     * levels plus the lowest and the highest level in that range that no parameter names.
     */
    private static int[] listedLevels(RankedQuery q, long[] pairLevel, double[] pairGain, int numPairs) {
        int levels = q.numRelLevels();
        boolean integral = true;
        for (int p = 0; p < numPairs; p++) {
            integral &= pairGain[p] == Math.rint(pairGain[p]) && Math.abs(pairGain[p]) < (1 << 30);
        }
        if (!integral && levels <= DENSE_LEVELS) {
            int[] all = new int[levels];
            for (int i = 0; i < levels; i++) {
                all[i] = i;
            }
            return all;
        }
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        for (int k = 0; k < q.distinctLevels(); k++) {
            set.add(q.level(k));
        }
        for (int i = 0; i < levels; i++) {
            if (!named(pairLevel, numPairs, i)) {
                set.add(i);
                break;
            }
        }
        for (int i = levels - 1; i >= 0; i--) {
            if (!named(pairLevel, numPairs, i)) {
                set.add(i);
                break;
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean named(long[] pairLevel, int numPairs, long level) {
        for (int p = 0; p < numPairs; p++) {
            if (pairLevel[p] == level) {
                return true;
            }
        }
        return false;
    }

    /** C atol on a valid integer name: saturates instead of failing on huge values. */
    private static long parseLevel(String name) {
        String s = name.startsWith("+") ? name.substring(1) : name;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static boolean validInt(String s) {
        int i = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') { // C isdigit: ASCII only
                return false;
            }
        }
        return true;
    }

    /** trec_eval's comp_rel_gain: (int) (g1 - g2). */
    private static int cmp(double a, double b) {
        return (int) (a - b);
    }

    /** glibc msort: split n1 = n/2, sort halves, merge taking the left element while cmp <= 0. */
    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, double[] g) {
        int n = hi - lo;
        if (n <= 1) {
            return;
        }
        int mid = lo + n / 2;
        mergeSort(a, tmp, lo, mid, g);
        mergeSort(a, tmp, mid, hi, g);
        int i = lo;
        int j = mid;
        int t = lo;
        while (i < mid && j < hi) {
            if (cmp(g[a[i]], g[a[j]]) <= 0) {
                tmp[t++] = a[i++];
            } else {
                tmp[t++] = a[j++];
            }
        }
        while (i < mid) {
            tmp[t++] = a[i++];
        }
        while (j < hi) {
            tmp[t++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, n);
    }

    /** trec_eval get_gain: the gain of the first listed entry with this level in sorted order, else 0. */
    double gainOf(long relLevel) {
        int k = java.util.Arrays.binarySearch(lookupLevel, relLevel);
        return k >= 0 ? lookupGain[k] : 0.0;
    }

    /** Whether the level is listed (has a gain entry). */
    boolean listed(long relLevel) {
        return java.util.Arrays.binarySearch(lookupLevel, relLevel) >= 0;
    }

    /**
     * Walks the ideal ranking: documents in decreasing gain order, numAtLevel of each. Call
     * {@link #next()} once per rank; {@link #current()} is the ideal gain at that rank (0 after the
     * last positive level).
     */
    final class Ideal {
        int curLevel = size - 1;
        long numAtCurrent = 0;
        double current = curLevel >= 0 ? gain[curLevel] : 0.0;

        double next() {
            numAtCurrent++;
            while (curLevel >= 0 && numAtCurrent > numAtLevel[curLevel]) {
                numAtCurrent = 1;
                curLevel--;
                current = curLevel >= 0 ? gain[curLevel] : 0.0;
            }
            return current;
        }

        double current() {
            return current;
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
