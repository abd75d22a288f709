package io.augur.matrix.engine;

import org.apache.commons.rng.UniformRandomProvider;

/** Seeded cell masks for validation splits and backtests. */
final class Masks {

    private Masks() {
    }

    /**
     * Hides round(fraction x observed) cells chosen in a random order (Fisher-Yates shuffle of the
     * observed cells), skipping a cell whenever hiding it would leave its model or its benchmark with
     * fewer than {@code keep} observed cells.
     */
    static boolean[][] random(ScoreMatrix data, double fraction, UniformRandomProvider rng, int keep) {
        int nm = data.modelCount();
        int nb = data.benchmarkCount();
        int[] cells = new int[data.observedCount()];
        int[] rowLeft = new int[nm];
        int[] colLeft = new int[nb];
        int n = 0;
        for (int m = 0; m < nm; m++) {
            for (int b = 0; b < nb; b++) {
                if (data.isObserved(m, b)) {
                    cells[n++] = m * nb + b;
                    rowLeft[m]++;
                    colLeft[b]++;
                }
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = cells[i];
            cells[i] = cells[j];
            cells[j] = tmp;
        }
        int target = (int) Math.round(fraction * n);
        boolean[][] hidden = new boolean[nm][nb];
        int done = 0;
        for (int i = 0; i < n && done < target; i++) {
            int m = cells[i] / nb;
            int b = cells[i] % nb;
            if (rowLeft[m] > keep && colLeft[b] > keep) {
                hidden[m][b] = true;
                rowLeft[m]--;
                colLeft[b]--;
                done++;
            }
        }
        return hidden;
    }
}
