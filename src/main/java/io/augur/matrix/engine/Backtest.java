package io.augur.matrix.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Backtests in the protocols of the papers: hide known cells, predict them from the rest, compare.
 * <ul>
 * <li>{@link RandomMask}: a seeded fraction of the observed cells (CPP's pilot protocol hides half);
 * a cell is never hidden if that would leave its model or benchmark with no observed cell.</li>
 * <li>{@link ComputeThreshold}: every model above a training-compute threshold, or of unknown compute,
 * loses its target-benchmark cells (ObsScaling's 8.4e22 FLOPs split, where unknown compute falls into the
 * test set).</li>
 * <li>{@link NewestModels}: the {@code count} most recently released models lose their target cells.</li>
 * </ul>
 * Errors: MAE and RMSE over the hidden cells; CPP's rank-error fractions (Zhang et al. 2024, code
 * reproduce/pilot.ipynb): within each benchmark the hidden cells are ranked by predicted and by true
 * score (ties take the minimum rank, as pandas' rank(method='min')); MAE@k is the fraction of hidden cells
 * whose two ranks differ by at most k, so higher is better; and the coverage of the predictive intervals.
 */
public final class Backtest {

    public sealed interface Protocol permits RandomMask, ComputeThreshold, NewestModels {
    }

    public record RandomMask(double fraction, long seed) implements Protocol {
    }

    /** @param compute training compute per model, NaN = unknown (held out) */
    public record ComputeThreshold(double threshold, double[] compute, List<String> targets) implements Protocol {
    }

    /** @param released release date per model, null = unknown (never held out) */
    public record NewestModels(int count, LocalDate[] released, List<String> targets) implements Protocol {
    }

    /**
     * {@code extrapolatedCells}: hidden cells whose prediction was flagged as an extrapolation (see
     * {@link MatrixCompletion.Reach}), {@code extrapolatedCoverage} the coverage of their intervals (NaN if none).
     * {@code standardisedMae}: the mean of |error| / sd_b, sd_b the sd of benchmark b's observed scores —
     * comparable across benchmarks measured on different scales.
     */
    public record Metrics(MatrixCompletion.Method method, String setting, int cells, double mae, double rmse,
            double standardisedMae, double maeAt0, double maeAt2, double coverage, double level, int extrapolatedCells,
            double extrapolatedCoverage) {
    }

    public record Result(int heldOutCells, List<String> heldOutModels, List<Metrics> methods, List<String> warnings) {
    }

    private Backtest() {
    }

    public static Result run(ScoreMatrix data, Protocol protocol, List<MatrixCompletion.Settings> methods) {
        if (methods.isEmpty()) {
            throw new InvalidInputException("methods", "must not be empty");
        }
        List<String> warnings = new ArrayList<>();
        boolean[][] hidden = mask(data, protocol, warnings);
        List<MatrixCompletion.Cell> cells = new ArrayList<>();
        List<String> heldOutModels = new ArrayList<>();
        for (int m = 0; m < data.modelCount(); m++) {
            boolean any = false;
            for (int b = 0; b < data.benchmarkCount(); b++) {
                if (hidden[m][b]) {
                    cells.add(new MatrixCompletion.Cell(m, b));
                    any = true;
                }
            }
            if (any) {
                heldOutModels.add(data.models().get(m));
            }
        }
        if (cells.isEmpty()) {
            throw new InvalidInputException("holdout", "hides no observed cell");
        }
        ScoreMatrix train = data.hide(hidden);
        Standardisation sd = Standardisation.of(data.toArray());
        List<Metrics> out = new ArrayList<>();
        for (MatrixCompletion.Settings s : methods) {
            MatrixCompletion.Result r = MatrixCompletion.complete(train, cells, s);
            double[] truth = new double[cells.size()];
            double[] pred = new double[cells.size()];
            double[] lower = new double[cells.size()];
            double[] upper = new double[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                MatrixCompletion.Cell c = cells.get(i);
                truth[i] = data.score(c.model(), c.benchmark());
                pred[i] = r.predictions().get(i).estimate();
                lower[i] = r.predictions().get(i).interval().lower();
                upper[i] = r.predictions().get(i).interval().upper();
            }
            int[] benchmark = cells.stream().mapToInt(MatrixCompletion.Cell::benchmark).toArray();
            double[] scale = new double[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                scale[i] = sd.sd[benchmark[i]];
            }
            Metrics mt = metrics(s.method(), r.setting(), truth, pred, lower, upper, scale, benchmark, s.level());
            int flagged = 0;
            int flaggedCovered = 0;
            for (int i = 0; i < cells.size(); i++) {
                String w = r.predictions().get(i).warning();
                if (w != null && w.contains(MatrixCompletion.EXTRAPOLATION)) {
                    flagged++;
                    flaggedCovered += truth[i] >= lower[i] && truth[i] <= upper[i] ? 1 : 0;
                }
            }
            mt = new Metrics(mt.method(), mt.setting(), mt.cells(), mt.mae(), mt.rmse(), mt.standardisedMae(), mt.maeAt0(), mt.maeAt2(),
                    mt.coverage(), mt.level(), flagged, flagged == 0 ? Double.NaN : (double) flaggedCovered / flagged);
            out.add(mt);
            if (mt.coverage() < mt.level() - 0.1) {
                warnings.add(String.format(java.util.Locale.ROOT, "%s: the %.0f%% intervals covered only %.1f%% of the hidden cells;"
                        + " their residual term is estimated on randomly hidden cells, so under this holdout they understate"
                        + " the error: read them as a lower bound", r.setting(), 100 * mt.level(), 100 * mt.coverage()));
            }
        }
        return new Result(cells.size(), heldOutModels, out, warnings);
    }

    static Metrics metrics(MatrixCompletion.Method method, String setting, double[] truth, double[] pred, double[] lower,
            double[] upper, double[] scale, int[] group, double level) {
        int n = truth.length;
        double ae = 0;
        double sae = 0;
        double se = 0;
        int covered = 0;
        int intervals = 0;
        for (int i = 0; i < n; i++) {
            double e = pred[i] - truth[i];
            ae += Math.abs(e);
            sae += Math.abs(e) / scale[i];
            se += e * e;
            if (!Double.isNaN(lower[i])) {
                intervals++;
                if (truth[i] >= lower[i] && truth[i] <= upper[i]) {
                    covered++;
                }
            }
        }
        double[] rankErrors = rankErrors(truth, pred, group);
        int at0 = 0;
        int at2 = 0;
        for (double e : rankErrors) {
            at0 += e == 0 ? 1 : 0;
            at2 += e <= 2 ? 1 : 0;
        }
        return new Metrics(method, setting, n, ae / n, Math.sqrt(se / n), sae / n, (double) at0 / n, (double) at2 / n,
                intervals == 0 ? Double.NaN : (double) covered / intervals, level, 0, Double.NaN);
    }

    /** |rank(pred) - rank(truth)| per cell, ranks within its group, ties at the minimum rank. */
    static double[] rankErrors(double[] truth, double[] pred, int[] group) {
        double[] out = new double[truth.length];
        int groups = Arrays.stream(group).max().orElse(-1) + 1;
        for (int g = 0; g < groups; g++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < group.length; i++) {
                if (group[i] == g) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                continue;
            }
            int[] rt = minRanks(idx, truth);
            int[] rp = minRanks(idx, pred);
            for (int j = 0; j < idx.size(); j++) {
                out[idx.get(j)] = Math.abs(rt[j] - rp[j]);
            }
        }
        return out;
    }

    private static int[] minRanks(List<Integer> idx, double[] v) {
        int n = idx.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[idx.get(i)]));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i;
            if (i > 0 && v[idx.get(order[i])] == v[idx.get(order[i - 1])]) {
                r = rank[order[i - 1]] - 1;
            }
            rank[order[i]] = r + 1;
        }
        return rank;
    }

    static boolean[][] mask(ScoreMatrix data, Protocol protocol, List<String> warnings) {
        int nm = data.modelCount();
        int nb = data.benchmarkCount();
        switch (protocol) {
            case RandomMask rm -> {
                if (!(rm.fraction() > 0 && rm.fraction() < 1)) {
                    throw new InvalidInputException("holdout.fraction", "must be in (0, 1), was " + rm.fraction());
                }
                return Masks.random(data, rm.fraction(), RandomStreams.stream(rm.seed(), 0xBAC7L), 1);
            }
            case ComputeThreshold ct -> {
                if (ct.compute() == null || ct.compute().length != nm) {
                    throw new InvalidInputException("holdout.compute", "needs one training compute per model (NaN = unknown)");
                }
                if (!(ct.threshold() > 0) || Double.isInfinite(ct.threshold())) {
                    throw new InvalidInputException("holdout.threshold", "must be a positive finite compute");
                }
                boolean[] out = new boolean[nm];
                for (int m = 0; m < nm; m++) {
                    out[m] = !(ct.compute()[m] <= ct.threshold());
                }
                return hideTargets(data, out, targets(data, ct.targets()), warnings);
            }
            case NewestModels nw -> {
                if (nw.released() == null || nw.released().length != nm) {
                    throw new InvalidInputException("holdout.released", "needs one release date per model (null = unknown)");
                }
                if (nw.count() < 1) {
                    throw new InvalidInputException("holdout.count", "must be at least 1");
                }
                Integer[] dated = java.util.stream.IntStream.range(0, nm).filter(m -> nw.released()[m] != null).boxed()
                        .sorted(Comparator.<Integer, LocalDate>comparing(m -> nw.released()[m]).reversed()
                                .thenComparing(m -> data.models().get(m)))
                        .toArray(Integer[]::new);
                if (nw.count() >= dated.length) {
                    throw new InvalidInputException("holdout.count", "holds out " + nw.count() + " of the " + dated.length
                            + " dated models: no dated model is left to train on");
                }
                boolean[] out = new boolean[nm];
                for (int i = 0; i < nw.count(); i++) {
                    out[dated[i]] = true;
                }
                return hideTargets(data, out, targets(data, nw.targets()), warnings);
            }
        }
    }

    private static int[] targets(ScoreMatrix data, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("holdout.targets", "name the target benchmarks whose cells the held-out models lose");
        }
        int[] t = new int[names.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = data.benchmarkIndex(names.get(i), "holdout.targets[" + i + "]");
        }
        return t;
    }

    private static boolean[][] hideTargets(ScoreMatrix data, boolean[] heldOut, int[] targets, List<String> warnings) {
        boolean[][] hidden = new boolean[data.modelCount()][data.benchmarkCount()];
        for (int t : targets) {
            boolean trained = false;
            for (int m = 0; m < data.modelCount(); m++) {
                if (data.isObserved(m, t) && !heldOut[m]) {
                    trained = true;
                }
            }
            if (!trained) {
                throw new InvalidInputException("holdout.targets", "target '" + data.benchmarks().get(t)
                        + "' has no training rows under the holdout: every model that has it is held out");
            }
        }
        for (int m = 0; m < data.modelCount(); m++) {
            if (!heldOut[m]) {
                continue;
            }
            int kept = 0;
            for (int b = 0; b < data.benchmarkCount(); b++) {
                if (data.isObserved(m, b)) {
                    boolean target = false;
                    for (int t : targets) {
                        target |= t == b;
                    }
                    if (!target) {
                        kept++;
                    }
                }
            }
            if (kept == 0) {
                warnings.add("model '" + data.models().get(m) + "' has no score outside the targets, so it cannot be"
                        + " placed once they are hidden: left out of the backtest");
                continue;
            }
            for (int t : targets) {
                hidden[m][t] = data.isObserved(m, t);
            }
        }
        return hidden;
    }
}
