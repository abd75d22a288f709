package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Battles merged by (model A, model B, outcome) and weighted by count, as FastChat's Bradley-Terry
 * fit consumes them: one row per ordered pair with its A wins, B wins and ties, plus the model index.
 * Appending a battle is O(1) (a {@link Builder}); two count sets merge by adding; every fit and
 * bootstrap in this package runs on counts, never on raw battles. Immutable.
 */
public final class PairCounts {

    private final List<String> models;
    private final int[] rowA;
    private final int[] rowB;
    private final long[] winsA;
    private final long[] winsB;
    private final long[] ties;

    private PairCounts(List<String> models, int[] rowA, int[] rowB, long[] winsA, long[] winsB, long[] ties) {
        this.models = models;
        this.rowA = rowA;
        this.rowB = rowB;
        this.winsA = winsA;
        this.winsB = winsB;
        this.ties = ties;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts from stored rows; bad rows raise an {@link InvalidInputException} naming
     * {@code counts[i].field}. Rows of the same ordered pair are added.
     */
    public static PairCounts of(Collection<PairCount> rows) {
        Builder builder = builder();
        int i = 0;
        for (PairCount row : rows) {
            String field = "counts[" + i++ + "]";
            if (row == null) {
                throw new InvalidInputException(field, "missing row");
            }
            builder.add(row, field);
        }
        return builder.build();
    }

    /** The battles of a list, merged (see {@link BattleLog#of(List)} for the validation). */
    public static PairCounts ofBattles(List<Battle> battles) {
        return BattleLog.of(battles).counts();
    }

    /** Models in index order (order of first appearance). */
    public List<String> models() {
        return models;
    }

    public int modelCount() {
        return models.size();
    }

    /** Number of merged ordered-pair rows. */
    public int rowCount() {
        return rowA.length;
    }

    public List<PairCount> rows() {
        List<PairCount> out = new ArrayList<>(rowA.length);
        for (int r = 0; r < rowA.length; r++) {
            out.add(new PairCount(models.get(rowA[r]), models.get(rowB[r]), winsA[r], winsB[r], ties[r]));
        }
        return out;
    }

    public long totalBattles() {
        long t = 0;
        for (int r = 0; r < rowA.length; r++) {
            t += winsA[r] + winsB[r] + ties[r];
        }
        return t;
    }

    /** The sum of these counts and another's (models of {@code other} not seen here are appended). */
    public PairCounts merge(PairCounts other) {
        return toBuilder().addAll(other).build();
    }

    /** A builder that starts from these counts. */
    public Builder toBuilder() {
        return builder().addAll(this);
    }

    int rowA(int r) {
        return rowA[r];
    }

    int rowB(int r) {
        return rowB[r];
    }

    long winsA(int r) {
        return winsA[r];
    }

    long winsB(int r) {
        return winsB[r];
    }

    long ties(int r) {
        return ties[r];
    }

    /**
     * Accumulates counts: {@code add} is O(1) amortised (an open-addressing map from the ordered pair
     * to its row). Not thread-safe; give each writer its own builder and {@link #addAll} them.
     */
    public static final class Builder {
        private final ModelIndex index = new ModelIndex();
        private final LongIntMap rowOf = new LongIntMap(1024);
        private int[] rowA = new int[256];
        private int[] rowB = new int[256];
        private long[] counts = new long[3 * 256];
        private int rows;

        /** Interns a model (also lets a model with no battles yet be listed) and returns its index. */
        public int model(String name) {
            return index.indexOf(name);
        }

        public int modelCount() {
            return index.size();
        }

        public Builder add(String modelA, String modelB, Outcome outcome) {
            return add(modelA, modelB, outcome, "battle");
        }

        /** Adds one battle; {@code field} names it in error messages (e.g. "battles[3]"). */
        public Builder add(String modelA, String modelB, Outcome outcome, String field) {
            checkNames(modelA, modelB, field);
            if (outcome == null) {
                throw new InvalidInputException(field + ".outcome", "missing outcome");
            }
            return add(index.indexOf(modelA), index.indexOf(modelB), outcome.ordinal(), 1);
        }

        /** Adds a stored row. */
        public Builder add(PairCount row, String field) {
            checkNames(row.modelA(), row.modelB(), field);
            if (row.winsA() < 0 || row.winsB() < 0 || row.ties() < 0) {
                throw new InvalidInputException(field, "counts must not be negative");
            }
            int a = index.indexOf(row.modelA());
            int b = index.indexOf(row.modelB());
            add(a, b, 0, row.winsA());
            add(a, b, 1, row.winsB());
            return add(a, b, 2, row.ties());
        }

        /** Adds {@code count} battles with an outcome code (the {@link Outcome} ordinal) between interned models. */
        public Builder add(int modelA, int modelB, int outcomeCode, long count) {
            int r = rowOf.getOrPut(LongIntMap.pairKey(modelA, modelB), rows);
            if (r == rows) {
                if (rows == rowA.length) {
                    int cap = rows * 2;
                    rowA = Arrays.copyOf(rowA, cap);
                    rowB = Arrays.copyOf(rowB, cap);
                    counts = Arrays.copyOf(counts, 3 * cap);
                }
                rowA[rows] = modelA;
                rowB[rows] = modelB;
                rows++;
            }
            counts[3 * r + outcomeCode] += count;
            return this;
        }

        public Builder addAll(PairCounts other) {
            int[] map = new int[other.models.size()];
            for (int m = 0; m < map.length; m++) {
                map[m] = index.indexOf(other.models.get(m));
            }
            for (int r = 0; r < other.rowA.length; r++) {
                int a = map[other.rowA[r]];
                int b = map[other.rowB[r]];
                add(a, b, 0, other.winsA[r]);
                add(a, b, 1, other.winsB[r]);
                add(a, b, 2, other.ties[r]);
            }
            return this;
        }

        public PairCounts build() {
            long[] wa = new long[rows];
            long[] wb = new long[rows];
            long[] t = new long[rows];
            for (int r = 0; r < rows; r++) {
                wa[r] = counts[3 * r];
                wb[r] = counts[3 * r + 1];
                t[r] = counts[3 * r + 2];
            }
            return new PairCounts(index.snapshot(), Arrays.copyOf(rowA, rows), Arrays.copyOf(rowB, rows), wa, wb, t);
        }

        private static void checkNames(String modelA, String modelB, String field) {
            if (modelA == null || modelA.isBlank()) {
                throw new InvalidInputException(field + ".modelA", "missing model name");
            }
            if (modelB == null || modelB.isBlank()) {
                throw new InvalidInputException(field + ".modelB", "missing model name");
            }
            if (modelA.equals(modelB)) {
                throw new InvalidInputException(field + ".modelB", "self-battle: model '" + modelB
                        + "' cannot battle itself");
            }
        }
    }
}
