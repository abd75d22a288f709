package io.augur.pairwise.engine;

/**
 * Counts folded onto unordered pairs i &lt; j (the Bradley-Terry likelihood has no home advantage,
 * so (a, b) and (b, a) rows add up): wins of i over j, of j over i, and ties. Mutable weights so a
 * bootstrap round can reuse the pair structure; package-private.
 */
final class PairData {

    final int n;
    final int[] i;
    final int[] j;
    final double[] wij;
    final double[] wji;
    final double[] ties;

    PairData(int n, int[] i, int[] j, double[] wij, double[] wji, double[] ties) {
        this.n = n;
        this.i = i;
        this.j = j;
        this.wij = wij;
        this.wji = wji;
        this.ties = ties;
    }

    int pairs() {
        return i.length;
    }

    static PairData of(PairCounts counts) {
        int n = counts.modelCount();
        LongIntMap pairOf = new LongIntMap(counts.rowCount());
        int rows = counts.rowCount();
        int[] pi = new int[rows];
        int[] pj = new int[rows];
        double[] w1 = new double[rows];
        double[] w2 = new double[rows];
        double[] t = new double[rows];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            if (counts.winsA(r) + counts.winsB(r) + counts.ties(r) == 0) {
                continue;
            }
            int a = counts.rowA(r);
            int b = counts.rowB(r);
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            int k = pairOf.getOrPut(LongIntMap.pairKey(lo, hi), p);
            if (k == p) {
                pi[p] = lo;
                pj[p] = hi;
                p++;
            }
            if (a == lo) {
                w1[k] += counts.winsA(r);
                w2[k] += counts.winsB(r);
            } else {
                w1[k] += counts.winsB(r);
                w2[k] += counts.winsA(r);
            }
            t[k] += counts.ties(r);
        }
        return new PairData(n, java.util.Arrays.copyOf(pi, p), java.util.Arrays.copyOf(pj, p),
                java.util.Arrays.copyOf(w1, p), java.util.Arrays.copyOf(w2, p), java.util.Arrays.copyOf(t, p));
    }

    /** Same pairs, zero weights (a bootstrap replicate fills them). */
    PairData emptyCopy() {
        int m = i.length;
        return new PairData(n, i, j, new double[m], new double[m], new double[m]);
    }

    /** Battles per model. */
    long[] battlesPerModel() {
        long[] g = new long[n];
        for (int p = 0; p < i.length; p++) {
            long c = (long) (wij[p] + wji[p] + ties[p]);
            g[i[p]] += c;
            g[j[p]] += c;
        }
        return g;
    }

    double totalTies() {
        double s = 0;
        for (double v : ties) {
            s += v;
        }
        return s;
    }

    double total() {
        double s = 0;
        for (int p = 0; p < i.length; p++) {
            s += wij[p] + wji[p] + ties[p];
        }
        return s;
    }
}
