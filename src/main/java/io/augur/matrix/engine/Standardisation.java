package io.augur.matrix.engine;

/**
 * Per-benchmark z-scores of a table with missing cells: z = (x - mean_b) / sd_b over the observed
 * cells of benchmark b (population sd). Benchmarks measured on different scales (accuracy, BLEU, bits
 * per byte) then share one regularisation strength. A benchmark with a single observed cell has no sd;
 * it takes the median sd of the others, so its one score is still placed, not inflated.
 */
final class Standardisation {

    final double[] mean;
    final double[] sd;

    private Standardisation(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    static Standardisation of(double[][] x) {
        int nb = x[0].length;
        double[] mean = new double[nb];
        double[] sd = new double[nb];
        double[] known = new double[nb];
        int nk = 0;
        for (int b = 0; b < nb; b++) {
            double s = 0;
            double ss = 0;
            int n = 0;
            for (double[] row : x) {
                double v = row[b];
                if (!Double.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
            mean[b] = n == 0 ? 0 : s / n;
            for (double[] row : x) {
                double v = row[b];
                if (!Double.isNaN(v)) {
                    ss += (v - mean[b]) * (v - mean[b]);
                }
            }
            sd[b] = n >= 2 ? Math.sqrt(ss / n) : Double.NaN;
            if (sd[b] > 0) {
                known[nk++] = sd[b];
            }
        }
        double fallback = 1;
        if (nk > 0) {
            double[] k = java.util.Arrays.copyOf(known, nk);
            java.util.Arrays.sort(k);
            fallback = k[nk / 2];
        }
        for (int b = 0; b < nb; b++) {
            if (!(sd[b] > 0)) {
                sd[b] = fallback;
            }
        }
        return new Standardisation(mean, sd);
    }

    double[][] apply(double[][] x) {
        double[][] z = new double[x.length][x[0].length];
        for (int m = 0; m < x.length; m++) {
            for (int b = 0; b < x[m].length; b++) {
                z[m][b] = (x[m][b] - mean[b]) / sd[b];
            }
        }
        return z;
    }

    double back(double z, int b) {
        return mean[b] + sd[b] * z;
    }
}
