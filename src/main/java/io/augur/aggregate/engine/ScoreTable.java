package io.augur.aggregate.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated, normalised, immutable table of scores per (system, task, run), the input of every
 * score-table computation in this package (aggregates, performance profiles, probability of
 * improvement, social-choice rankings).
 *
 * <p>Built by {@link #of(List, Normalization, MissingTasks)}, which rejects bad input with an
 * {@link InvalidInputException} naming the field: an empty list ({@code scores}), a missing system or
 * task name ({@code scores[i].system}, {@code scores[i].task}), a NaN or infinite value
 * ({@code scores[i].value}), a repeated (system, task, run) ({@code scores[i].run}), a task without a
 * baseline ({@code normalization.baselines.<task>}) or a system missing on a task (see
 * {@link MissingTasks}). Systems keep their order of first appearance; tasks are sorted by name, and
 * each cell's runs are held sorted ascending, so every result depends only on the multiset of scores
 * of each cell, never on the order of the input rows. Different systems and tasks may have different
 * numbers of runs.
 */
public final class ScoreTable {

    private final List<String> systems;
    private final List<String> tasks;
    private final List<String> droppedTasks;
    private final String normalization;
    /** values[system][task] = normalised runs, ascending. */
    private final double[][][] values;

    private ScoreTable(List<String> systems, List<String> tasks, List<String> droppedTasks, String normalization,
            double[][][] values) {
        this.systems = List.copyOf(systems);
        this.tasks = List.copyOf(tasks);
        this.droppedTasks = List.copyOf(droppedTasks);
        this.normalization = normalization;
        this.values = values;
    }

    /** A raw table that must be complete. */
    public static ScoreTable of(List<Score> scores) {
        return of(scores, new Normalization.None(), MissingTasks.REJECT);
    }

    /** Validates, applies the missing-task policy, then normalises. */
    public static ScoreTable of(List<Score> scores, Normalization normalization, MissingTasks missing) {
        if (scores == null || scores.isEmpty()) {
            throw new InvalidInputException("scores", "is empty: at least one score is needed");
        }
        if (normalization == null) {
            normalization = new Normalization.None();
        }
        if (missing == null) {
            missing = MissingTasks.REJECT;
        }
        Map<String, Map<String, List<Double>>> cells = new LinkedHashMap<>();
        Map<String, Integer> firstRowOfTask = new HashMap<>();
        Map<List<String>, Integer> seenRuns = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            if (s == null) {
                throw new InvalidInputException("scores[" + i + "]", "is null");
            }
            if (s.system() == null || s.system().isBlank()) {
                throw new InvalidInputException("scores[" + i + "].system", "is missing");
            }
            if (s.task() == null || s.task().isBlank()) {
                throw new InvalidInputException("scores[" + i + "].task", "is missing");
            }
            if (!Double.isFinite(s.value())) {
                throw new InvalidInputException("scores[" + i + "].value",
                        "is " + s.value() + ": scores must be finite numbers");
            }
            if (s.run() != null) {
                Integer first = seenRuns.putIfAbsent(List.of(s.system(), s.task(), s.run()), i);
                if (first != null) {
                    throw new InvalidInputException("scores[" + i + "].run", "run '" + s.run() + "' of system '"
                            + s.system() + "' on task '" + s.task() + "' repeats scores[" + first + "]");
                }
            }
            firstRowOfTask.putIfAbsent(s.task(), i);
            cells.computeIfAbsent(s.system(), k -> new HashMap<>())
                    .computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s.value());
        }
        TreeSet<String> allTasks = new TreeSet<>(firstRowOfTask.keySet());
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String task : allTasks) {
            String lacking = null;
            for (Map.Entry<String, Map<String, List<Double>>> e : cells.entrySet()) {
                if (!e.getValue().containsKey(task)) {
                    lacking = e.getKey();
                    break;
                }
            }
            if (lacking == null) {
                kept.add(task);
            } else if (missing == MissingTasks.REJECT) {
                throw new InvalidInputException("scores", "system '" + lacking + "' has no score on task '" + task
                        + "'; every system needs every task (or opt in to common tasks only)");
            } else {
                dropped.add(task);
            }
        }
        if (kept.isEmpty()) {
            throw new InvalidInputException("scores", "no task is scored for every system");
        }
        List<String> systems = new ArrayList<>(cells.keySet());
        double[][][] values = new double[systems.size()][kept.size()][];
        for (int s = 0; s < systems.size(); s++) {
            Map<String, List<Double>> row = cells.get(systems.get(s));
            for (int t = 0; t < kept.size(); t++) {
                List<Double> runs = row.get(kept.get(t));
                double[] v = new double[runs.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = runs.get(r);
                }
                values[s][t] = v;
            }
        }
        String description = normalize(values, kept, normalization, firstRowOfTask);
        for (double[][] row : values) {
            for (double[] cell : row) {
                Arrays.sort(cell);
            }
        }
        return new ScoreTable(systems, kept, dropped, description, values);
    }

    private static String normalize(double[][][] values, List<String> tasks, Normalization normalization,
            Map<String, Integer> firstRowOfTask) {
        return switch (normalization) {
            case Normalization.None n -> "none";
            case Normalization.MinMax m -> {
                for (int t = 0; t < tasks.size(); t++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double[][] row : values) {
                        for (double x : row[t]) {
                            lo = Math.min(lo, x);
                            hi = Math.max(hi, x);
                        }
                    }
                    if (!(hi > lo)) {
                        throw new InvalidInputException("scores[" + firstRowOfTask.get(tasks.get(t)) + "].task",
                                "every score on task '" + tasks.get(t) + "' equals " + lo
                                        + ": min-max normalisation is undefined");
                    }
                    scale(values, t, lo, hi);
                }
                yield "min-max per task";
            }
            case Normalization.Baselines b -> {
                for (int t = 0; t < tasks.size(); t++) {
                    String task = tasks.get(t);
                    Normalization.Baseline base = b.byTask().get(task);
                    String field = "normalization.baselines." + task;
                    if (base == null) {
                        throw new InvalidInputException(field, "no baseline for task '" + task + "'");
                    }
                    if (!Double.isFinite(base.low()) || !Double.isFinite(base.high()) || base.high() == base.low()) {
                        throw new InvalidInputException(field, "low " + base.low() + " and high " + base.high()
                                + " must be finite and different");
                    }
                    scale(values, t, base.low(), base.high());
                }
                yield "baselines (score - low) / (high - low)";
            }
        };
    }

    private static void scale(double[][][] values, int t, double lo, double hi) {
        double range = hi - lo;
        for (double[][] row : values) {
            double[] cell = row[t];
            for (int r = 0; r < cell.length; r++) {
                cell[r] = (cell[r] - lo) / range;
            }
        }
    }

    public List<String> systems() {
        return systems;
    }

    /** Tasks kept, sorted by name. */
    public List<String> tasks() {
        return tasks;
    }

    /** Tasks dropped by {@link MissingTasks#COMMON_TASKS} (empty otherwise). */
    public List<String> droppedTasks() {
        return droppedTasks;
    }

    /** How the scores were normalised, in words. */
    public String normalization() {
        return normalization;
    }

    /** Index of a system, or -1. */
    public int indexOf(String system) {
        return systems.indexOf(system);
    }

    /** The normalised runs of one cell, ascending (a copy). */
    public double[] runs(String system, String task) {
        int s = indexOf(system);
        int t = tasks.indexOf(task);
        if (s < 0 || t < 0) {
            throw new IllegalArgumentException("no cell (" + system + ", " + task + ")");
        }
        return values[s][t].clone();
    }

    /** Mean over runs of every cell: [system][task]. */
    public double[][] cellMeans() {
        double[][] m = new double[systems.size()][tasks.size()];
        for (int s = 0; s < m.length; s++) {
            for (int t = 0; t < m[s].length; t++) {
                double sum = 0;
                for (double x : values[s][t]) {
                    sum += x;
                }
                m[s][t] = sum / values[s][t].length;
            }
        }
        return m;
    }

    /** Internal view without copying: values[system][task], ascending runs. Callers must not modify. */
    double[][] cellsOf(int system) {
        return values[system];
    }

    /** Rejects unknown task names of a caller-supplied set (field {@code field}). */
    void requireTasks(Set<String> names, String field) {
        if (names == null) {
            return;
        }
        Set<String> known = new HashSet<>(tasks);
        for (String n : new TreeSet<>(names)) {
            if (!known.contains(n)) {
                throw new InvalidInputException(field, "unknown task '" + n + "'");
            }
        }
    }
}
