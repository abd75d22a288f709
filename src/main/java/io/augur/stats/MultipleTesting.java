package io.augur.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Family-wise error corrections of p-values. Bonferroni: p_i' = min(1, m p_i). Holm (1979, "A simple
 * sequentially rejective multiple test procedure", Scand. J. Statist. 6): with p sorted ascending,
 * p_(i)' = max over j <= i of min(1, (m - j + 1) p_(j)), returned in the original order. Both control
 * the family-wise error rate; Holm is uniformly more powerful.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    public static double[] bonferroni(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.min(1.0, p[i] * p.length);
        }
        return out;
    }

    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
