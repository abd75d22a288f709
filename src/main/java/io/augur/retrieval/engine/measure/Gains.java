package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * Gain values per relevance level for the gain-based measures (trec_eval gain_init.c): by default the
 * gain of level i is i; "level=gain" parameters override it (names that are not integers, such as
 * rbp's "p", are ignored). Levels are sorted by increasing gain with trec_eval's comparator, which
 * truncates the gain difference to an int; we reproduce glibc's merge sort so that ties order alike.
 */
final class Gains {

    record Pair(String name, double value) {
    }

    final long[] level;
    final double[] gain;
    final long[] numAtLevel;
    final int size;

    Gains(Pair[] pairs, RankedQuery q) {
        int cap = pairs.length + q.numRelLevels();
        long[] lv = new long[cap];
        double[] g = new double[cap];
        long[] n = new long[cap];
        int k = 0;
        for (Pair p : pairs) {
            if (!validInt(p.name())) {
                continue;
            }
            lv[k] = Long.parseLong(p.name().startsWith("+") ? p.name().substring(1) : p.name());
            g[k] = p.value();
            n[k] = 0;
            k++;
        }
        for (int i = 0; i < q.numRelLevels(); i++) {
            int j = 0;
            while (j < k && lv[j] != i) {
                j++;
            }
            if (j < k) {
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
    }

    private static boolean validInt(String s) {
        int i = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
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

    double gainOf(long relLevel) {
        for (int i = 0; i < size; i++) {
            if (level[i] == relLevel) {
                return gain[i];
            }
        }
        return 0.0;
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
