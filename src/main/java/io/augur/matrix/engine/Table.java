package io.augur.matrix.engine;

/**
 * A training table as the completers see it: raw scores {@code x}, their per-benchmark z-scores
 * {@code z}, and the observed cells indexed both ways for sparse sweeps.
 */
final class Table {

    final double[][] x;
    final double[][] z;
    final Standardisation st;
    final int[][] byModel;
    final int[][] byBenchmark;
    /** {@code zByBenchmark[b][j]}: the z-score of model byBenchmark[b][j] on b, contiguous for the benchmark-side sweeps. */
    final double[][] zByBenchmark;
    final int models;
    final int benchmarks;

    Table(double[][] x) {
        this.x = x;
        this.models = x.length;
        this.benchmarks = x[0].length;
        this.st = Standardisation.of(x);
        this.z = st.apply(x);
        this.byModel = new int[models][];
        int[] colCount = new int[benchmarks];
        for (int m = 0; m < models; m++) {
            int n = 0;
            for (int b = 0; b < benchmarks; b++) {
                if (!Double.isNaN(x[m][b])) {
                    n++;
                    colCount[b]++;
                }
            }
            byModel[m] = new int[n];
            n = 0;
            for (int b = 0; b < benchmarks; b++) {
                if (!Double.isNaN(x[m][b])) {
                    byModel[m][n++] = b;
                }
            }
        }
        this.byBenchmark = new int[benchmarks][];
        for (int b = 0; b < benchmarks; b++) {
            byBenchmark[b] = new int[colCount[b]];
        }
        this.zByBenchmark = new double[benchmarks][];
        for (int b = 0; b < benchmarks; b++) {
            zByBenchmark[b] = new double[colCount[b]];
        }
        int[] fill = new int[benchmarks];
        for (int m = 0; m < models; m++) {
            for (int b : byModel[m]) {
                zByBenchmark[b][fill[b]] = z[m][b];
                byBenchmark[b][fill[b]++] = m;
            }
        }
    }

    int observed() {
        int n = 0;
        for (int[] r : byModel) {
            n += r.length;
        }
        return n;
    }
}
