package io.augur.pairwise.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Walker's alias method (Vose 1991 construction) for drawing cells in proportion to integer counts in
 * O(1) per draw. Hand-written rather than Commons RNG's AliasMethodDiscreteSampler because a
 * multinomial bootstrap over millions of battles draws one cell per battle, and this version takes
 * the cell and the coin from a single 64-bit random number (the high and low words of r * K).
 * Immutable and thread-safe; each thread passes its own generator.
 */
final class AliasTable {

    private final int size;
    private final long[] threshold;
    private final int[] alias;

    AliasTable(long[] counts) {
        size = counts.length;
        threshold = new long[size];
        alias = new int[size];
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[size];
        int[] small = new int[size];
        int[] large = new int[size];
        int ns = 0;
        int nl = 0;
        for (int k = 0; k < size; k++) {
            p[k] = counts[k] * (double) size / total;
            if (p[k] < 1.0) {
                small[ns++] = k;
            } else {
                large[nl++] = k;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = toUnsigned(p[s]);
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1.0;
            if (p[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = -1L;
            alias[l] = l;
        }
        while (ns > 0) { // rounding leftovers: probability 1
            int s = small[--ns];
            threshold[s] = -1L;
            alias[s] = s;
        }
    }

    private static long toUnsigned(double p) {
        if (p <= 0) {
            return 0L;
        }
        if (p >= 1) {
            return -1L;
        }
        return ((long) (p * 0x1.0p63)) << 1;
    }

    int size() {
        return size;
    }

    /** Adds {@code draws} draws to {@code tally}. */
    void sample(UniformRandomProvider rng, long draws, int[] tally) {
        final long k = size;
        final long[] th = threshold;
        final int[] al = alias;
        for (long d = 0; d < draws; d++) {
            long r = rng.nextLong();
            int cell = (int) Math.unsignedMultiplyHigh(r, k);
            long frac = r * k;
            tally[Long.compareUnsigned(frac, th[cell]) < 0 ? cell : al[cell]]++;
        }
    }
}
