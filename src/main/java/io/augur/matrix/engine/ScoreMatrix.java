package io.augur.matrix.engine;

import io.augur.stats.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model x benchmark score table; {@code NaN} marks a missing cell. Validated on construction: names
 * unique and non-blank, every observed score finite, every model and every benchmark with at least one
 * observed cell, no benchmark constant over two or more observed cells (it would carry no information
 * about models and cannot be standardised). The array is copied; the object is immutable.
 */
public final class ScoreMatrix {

    private final List<String> models;
    private final List<String> benchmarks;
    private final double[][] scores;
    private final int observed;

    public ScoreMatrix(List<String> models, List<String> benchmarks, double[][] scores) {
        unique(models, "models"); // before List.copyOf, which throws on a null name
        unique(benchmarks, "benchmarks");
        this.models = List.copyOf(models);
        this.benchmarks = List.copyOf(benchmarks);
        if (scores.length != models.size()) {
            throw new InvalidInputException("scores", "has " + scores.length + " rows for " + models.size() + " models");
        }
        this.scores = new double[scores.length][];
        int n = 0;
        for (int m = 0; m < scores.length; m++) {
            if (scores[m].length != benchmarks.size()) {
                throw new InvalidInputException("scores[" + m + "]", "has " + scores[m].length + " cells for "
                        + benchmarks.size() + " benchmarks");
            }
            this.scores[m] = scores[m].clone();
            int row = 0;
            for (int b = 0; b < benchmarks.size(); b++) {
                double v = scores[m][b];
                if (Double.isInfinite(v)) {
                    throw new InvalidInputException("scores[" + m + "][" + b + "]", "must be finite");
                }
                if (!Double.isNaN(v)) {
                    row++;
                }
            }
            if (row == 0) {
                throw new InvalidInputException("models[" + m + "]", "model '" + models.get(m)
                        + "' has no observed score: nothing places it relative to the other models");
            }
            n += row;
        }
        for (int b = 0; b < benchmarks.size(); b++) {
            int count = 0;
            double first = Double.NaN;
            boolean constant = true;
            for (double[] row : this.scores) {
                if (!Double.isNaN(row[b])) {
                    if (count == 0) {
                        first = row[b];
                    } else if (row[b] != first) {
                        constant = false;
                    }
                    count++;
                }
            }
            if (count == 0) {
                throw new InvalidInputException("benchmarks[" + b + "]", "benchmark '" + benchmarks.get(b)
                        + "' has no observed score: nothing can be learnt about it");
            }
            if (count >= 2 && constant) {
                throw new InvalidInputException("benchmarks[" + b + "]", "benchmark '" + benchmarks.get(b)
                        + "' is constant (all " + count + " observed scores equal " + first
                        + "): it carries no information about the models and cannot be standardised");
            }
        }
        this.observed = n;
    }

    private static void unique(List<String> names, String field) {
        if (names.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String s = names.get(i);
            if (s == null || s.isBlank()) {
                throw new InvalidInputException(field + "[" + i + "]", "must not be blank");
            }
            if (!seen.add(s)) {
                throw new InvalidInputException(field + "[" + i + "]", "'" + s + "' appears twice");
            }
        }
    }

    public List<String> models() {
        return models;
    }

    public List<String> benchmarks() {
        return benchmarks;
    }

    public int modelCount() {
        return models.size();
    }

    public int benchmarkCount() {
        return benchmarks.size();
    }

    public int observedCount() {
        return observed;
    }

    public double score(int m, int b) {
        return scores[m][b];
    }

    public boolean isObserved(int m, int b) {
        return !Double.isNaN(scores[m][b]);
    }

    /** A copy of the scores. */
    public double[][] toArray() {
        double[][] out = new double[scores.length][];
        for (int m = 0; m < scores.length; m++) {
            out[m] = scores[m].clone();
        }
        return out;
    }

    public int modelIndex(String name, String field) {
        if (name == null) { // an immutable list's indexOf throws on null
            throw new InvalidInputException(field, "is required");
        }
        int i = models.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(field, "unknown model '" + name + "'");
        }
        return i;
    }

    public int benchmarkIndex(String name, String field) {
        if (name == null) { // an immutable list's indexOf throws on null
            throw new InvalidInputException(field, "is required");
        }
        int i = benchmarks.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(field, "unknown benchmark '" + name + "'");
        }
        return i;
    }

    /**
     * The same table with the given cells hidden (set missing) — for backtests. Validation runs again,
     * so a mask that empties a model or a benchmark is refused.
     */
    public ScoreMatrix hide(boolean[][] hidden) {
        double[][] out = toArray();
        for (int m = 0; m < out.length; m++) {
            for (int b = 0; b < out[m].length; b++) {
                if (hidden[m][b]) {
                    out[m][b] = Double.NaN;
                }
            }
        }
        return new ScoreMatrix(models, benchmarks, out);
    }
}
