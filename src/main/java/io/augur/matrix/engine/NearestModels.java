package io.augur.matrix.engine;

/**
 * The k-nearest-models baseline (user-based collaborative filtering): a missing cell (m, b) is the
 * mean z-score on b of the k models closest to m that have b, distance = root-mean-square difference of
 * z-scores over the benchmarks both have (at least {@code MIN_OVERLAP} of them, or all of m's if fewer);
 * with no such neighbour, the benchmark mean. In a bootstrap round a neighbour counts as often as it was
 * drawn.
 */
final class NearestModels implements Completer {

    static final int MIN_OVERLAP = 3;

    private final int k;

    NearestModels(int k) {
        this.k = k;
    }

    @Override
    public String method() {
        return "k nearest models, k " + k;
    }

    /** Neighbours of each model, nearest first (only models sharing enough benchmarks). */
    record Neighbours(int[][] order) {
    }

    record Knn(Table t, Neighbours nb, double[] w, int k) implements Fitted {
        @Override
        public double predict(int m, int b) {
            double s = 0;
            double n = 0;
            int found = 0;
            for (int other : nb.order[m]) {
                if (found == k) {
                    break;
                }
                if (w[other] > 0 && !Double.isNaN(t.z[other][b])) {
                    s += w[other] * t.z[other][b];
                    n += w[other];
                    found++;
                }
            }
            return t.st.back(n == 0 ? 0 : s / n, b);
        }
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        Neighbours nb = warm instanceof Knn kw && kw.t == t ? kw.nb : neighbours(t);
        return new Knn(t, nb, w.clone(), k);
    }

    static Neighbours neighbours(Table t) {
        int[][] order = new int[t.models][];
        double[] dist = new double[t.models];
        Integer[] idx = new Integer[t.models];
        for (int m = 0; m < t.models; m++) {
            if ((m & 63) == 0 && io.augur.stats.Workers.cancelled()) {
                throw new java.util.concurrent.CancellationException("nearest models interrupted");
            }
            int need = Math.min(MIN_OVERLAP, t.byModel[m].length);
            int count = 0;
            for (int o = 0; o < t.models; o++) {
                if (o == m) {
                    continue;
                }
                double ss = 0;
                int n = 0;
                for (int b : t.byModel[m]) {
                    double zo = t.z[o][b];
                    if (!Double.isNaN(zo)) {
                        double diff = t.z[m][b] - zo;
                        ss += diff * diff;
                        n++;
                    }
                }
                if (n >= Math.max(1, need)) {
                    dist[o] = Math.sqrt(ss / n);
                    idx[count++] = o;
                }
            }
            Integer[] cand = java.util.Arrays.copyOf(idx, count);
            java.util.Arrays.sort(cand, (x, y) -> Double.compare(dist[x], dist[y]) != 0 ? Double.compare(dist[x], dist[y]) : Integer.compare(x, y));
            order[m] = new int[count];
            for (int i = 0; i < count; i++) {
                order[m][i] = cand[i];
            }
        }
        return new Neighbours(order);
    }
}
