package io.augur.aggregate.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Probability of improvement of system X over system Y (Agarwal et al. 2021, Sec. 4; rliable's
 * {@code probability_of_improvement}): per task, {@code P_t(X > Y) = U_t / (n_t m_t)} where U_t is the
 * Mann-Whitney U statistic of X's n_t runs against Y's m_t runs, {@code U = sum_i sum_j (1[x_i > y_j]
 * + 1/2 1[x_i = y_j])} (ties count half); the estimate is the mean over tasks. The interval is
 * rliable's stratified independent bootstrap: in every round, X's and Y's runs are resampled
 * independently within each task. Needs the two systems on the same tasks (see {@link MissingTasks}).
 *
 * @param x the system that would improve
 * @param y the system it is compared with
 * @param probability mean over tasks of P_t(X > Y)
 * @param interval its percentile bootstrap interval
 * @param perTask P_t(X > Y) for every task (point values)
 * @param bootstrap rounds, seed and level
 */
public record ProbabilityOfImprovement(String x, String y, double probability, Interval interval, List<TaskProbability> perTask,
        StratifiedBootstrap bootstrap) {

    public ProbabilityOfImprovement {
        perTask = List.copyOf(perTask);
    }

    /** P_t(X > Y) on one task. */
    public record TaskProbability(String task, double probability) {
    }

    /** P(X > Y) over the tasks of the table. */
    public static ProbabilityOfImprovement estimate(ScoreTable table, String x, String y, StratifiedBootstrap bootstrap) {
        if (bootstrap == null) {
            throw new InvalidInputException("bootstrap", "is required");
        }
        if (table.systems().size() < 2) {
            throw new InvalidInputException("scores", "has only one system; a comparison needs two");
        }
        int ix = requireSystem(table, x, "x");
        int iy = requireSystem(table, y, "y");
        if (ix == iy) {
            throw new InvalidInputException("y", "must differ from x ('" + x + "')");
        }
        double[][] xs = table.cellsOf(ix);
        double[][] ys = table.cellsOf(iy);
        int tasks = xs.length;
        List<TaskProbability> perTask = new ArrayList<>(tasks);
        double mean = 0;
        for (int t = 0; t < tasks; t++) {
            double p = mannWhitney(xs[t], null, ys[t], null) / ((double) xs[t].length * ys[t].length);
            perTask.add(new TaskProbability(table.tasks().get(t), p));
            mean += p;
        }
        mean /= tasks;
        long draws = 0;
        for (int t = 0; t < tasks; t++) {
            draws += xs[t].length + ys[t].length;
        }
        long seed = BootstrapRounds.subSeed(BootstrapRounds.subSeed(bootstrap.seed(), x), y);
        double[][] reps = BootstrapRounds.inBlocks(seed, bootstrap.rounds(), 1, draws, (rng, from, to, o) -> {
            int[][] wx = new int[tasks][];
            int[][] wy = new int[tasks][];
            for (int t = 0; t < tasks; t++) {
                wx[t] = new int[xs[t].length];
                wy[t] = new int[ys[t].length];
            }
            for (int r = from; r < to; r++) {
                double s = 0;
                for (int t = 0; t < tasks; t++) {
                    draw(rng, wx[t]);
                    draw(rng, wy[t]);
                    s += mannWhitney(xs[t], wx[t], ys[t], wy[t]) / ((double) xs[t].length * ys[t].length);
                }
                o[0][r] = s / tasks;
            }
        });
        Interval ci = Quantiles.percentileInterval(reps[0], bootstrap.level(), bootstrap.method() + ", independent per system");
        return new ProbabilityOfImprovement(x, y, mean, ci, perTask, bootstrap);
    }

    private static int requireSystem(ScoreTable table, String name, String field) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "is missing: name a system of the table");
        }
        int i = table.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(field, "unknown system '" + name + "'");
        }
        return i;
    }

    /** Multiplicities of a resample with replacement of w.length items. */
    private static void draw(UniformRandomProvider rng, int[] w) {
        java.util.Arrays.fill(w, 0);
        int m = w.length;
        for (int i = 0; i < m; i++) {
            w[rng.nextInt(m)]++;
        }
    }

    /**
     * Weighted Mann-Whitney U of ascending x against ascending y (null weights = 1): sum over x of its
     * weight times (weight of y strictly below + half the weight of y equal). One merge pass, O(n + m);
     * hand-written because resamples are multiplicity vectors over the sorted runs.
     */
    static double mannWhitney(double[] x, int[] wx, double[] y, int[] wy) {
        long below = 0; // weight of y < current x
        long equalOrBelow = 0; // weight of y <= current x
        int lt = 0;
        int le = 0;
        double u2 = 0; // 2 U, kept integral until the end
        for (int i = 0; i < x.length; i++) {
            int w = wx == null ? 1 : wx[i];
            if (w == 0) {
                continue;
            }
            double xi = x[i];
            while (lt < y.length && y[lt] < xi) {
                below += wy == null ? 1 : wy[lt];
                lt++;
            }
            if (le < lt) {
                le = lt;
                equalOrBelow = below;
            }
            while (le < y.length && y[le] <= xi) {
                equalOrBelow += wy == null ? 1 : wy[le];
                le++;
            }
            u2 += (double) w * (below + equalOrBelow);
        }
        return u2 / 2;
    }
}
