package io.augur.aggregate.engine;

import io.augur.stats.Quantiles;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One system's runs x tasks pooled and sorted once, so that a bootstrap resample is just a vector of
 * multiplicities over the sorted scores. Every aggregate then costs one linear pass per round and no
 * sort: the IQM of a resample is read off the cumulative multiplicities (hand-written because no
 * library offers a weighted trimmed mean over integer weights, and because sorting 2,600 values per
 * round would dominate a 50,000-round bootstrap).
 */
final class RunSample {

    /** Pooled scores, ascending. */
    final double[] sorted;
    /** Task index of each sorted score. */
    final int[] taskOf;
    /** Runs per task. */
    final int[] runCount;
    /** position[t][r]: sorted position of the r-th smallest run of task t. */
    final int[][] position;
    final int n;

    RunSample(double[][] cells) {
        int total = 0;
        for (double[] c : cells) {
            total += c.length;
        }
        n = total;
        double[] v = new double[n];
        int[] task = new int[n];
        int k = 0;
        for (int t = 0; t < cells.length; t++) {
            for (double x : cells[t]) {
                v[k] = x;
                task[k++] = t;
            }
        }
        // sort indices by (value, task); runs within a cell are already ascending so the order is total
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(v[a], v[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        sorted = new double[n];
        taskOf = new int[n];
        runCount = new int[cells.length];
        position = new int[cells.length][];
        for (int t = 0; t < cells.length; t++) {
            position[t] = new int[cells[t].length];
        }
        int[] fill = new int[cells.length];
        for (int p = 0; p < n; p++) {
            sorted[p] = v[idx[p]];
            int t = task[idx[p]];
            taskOf[p] = t;
            position[t][fill[t]++] = p;
        }
        for (int t = 0; t < cells.length; t++) {
            runCount[t] = cells[t].length;
        }
    }

    int tasks() {
        return runCount.length;
    }

    /** Multiplicities of the original sample: all ones. */
    int[] unitWeights() {
        int[] w = new int[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** Fills {@code w} with the multiplicities of one stratified resample (runs within each task). */
    void resample(UniformRandomProvider rng, int[] w) {
        Arrays.fill(w, 0);
        for (int t = 0; t < position.length; t++) {
            int[] pos = position[t];
            int m = pos.length;
            for (int r = 0; r < m; r++) {
                w[pos[rng.nextInt(m)]]++;
            }
        }
    }

    /** The aggregate of the weighted sample; {@code scratch} has one slot per task. */
    double evaluate(Aggregate a, int[] w, double[] scratch) {
        return switch (a) {
            case Aggregate.Mean m -> {
                taskMeans(w, scratch);
                double s = 0;
                for (double x : scratch) {
                    s += x;
                }
                yield s / scratch.length;
            }
            case Aggregate.Median m -> {
                taskMeans(w, scratch);
                Arrays.sort(scratch);
                yield Quantiles.ofSorted(scratch, 0.5);
            }
            case Aggregate.InterquartileMean q -> trimmedMean(w, 0.25);
            case Aggregate.OptimalityGap g -> {
                double s = 0;
                double gamma = g.gamma();
                for (int p = 0; p < n && sorted[p] < gamma; p++) {
                    s += w[p] * (gamma - sorted[p]);
                }
                yield s / n;
            }
        };
    }

    private void taskMeans(int[] w, double[] out) {
        Arrays.fill(out, 0);
        for (int p = 0; p < n; p++) {
            out[taskOf[p]] += w[p] * sorted[p];
        }
        for (int t = 0; t < out.length; t++) {
            out[t] /= runCount[t];
        }
    }

    /**
     * scipy.stats.trim_mean semantics on the multiset: cut = floor(proportion N) values dropped at
     * each end, mean of the N - 2 cut middle ones (the multiset always has N elements).
     */
    double trimmedMean(int[] w, double proportion) {
        int cut = (int) (proportion * n);
        int hi = n - cut;
        double s = 0;
        int c = 0;
        for (int p = 0; p < n && c < hi; p++) {
            int wp = w[p];
            if (wp == 0) {
                continue;
            }
            int start = c;
            c += wp;
            int overlap = Math.min(c, hi) - Math.max(start, cut);
            if (overlap > 0) {
                s += overlap * sorted[p];
            }
        }
        return s / (hi - cut);
    }

    /** Fraction of the weighted scores strictly above each tau (rliable's run-score distribution). */
    void fractionAbove(int[] w, double[] taus, int[] firstAbove, double[] out) {
        // cumulative weight in sorted order; firstAbove[k] = first sorted position with value > taus[k]
        long[] cum = new long[n + 1];
        for (int p = 0; p < n; p++) {
            cum[p + 1] = cum[p] + w[p];
        }
        for (int k = 0; k < taus.length; k++) {
            out[k] = (double) (n - cum[firstAbove[k]]) / n;
        }
    }

    /** For each tau, the first sorted position whose value is strictly greater. */
    int[] firstAbove(double[] taus) {
        int[] f = new int[taus.length];
        for (int k = 0; k < taus.length; k++) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] > taus[k]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            f[k] = lo;
        }
        return f;
    }
}
