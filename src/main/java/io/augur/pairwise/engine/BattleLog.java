package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * Battles in the order they were played, stored compactly (model indices and an outcome code), as
 * online Elo needs them. Immutable; build it with {@link #of(List)} or a {@link Builder}.
 */
public final class BattleLog {

    private final List<String> models;
    private final int[] a;
    private final int[] b;
    private final byte[] outcome;

    private BattleLog(List<String> models, int[] a, int[] b, byte[] outcome) {
        this.models = models;
        this.a = a;
        this.b = b;
        this.outcome = outcome;
    }

    /**
     * The battles of a list; bad entries raise an {@link InvalidInputException} naming
     * {@code battles[i].modelA}, {@code battles[i].modelB} or {@code battles[i].outcome}.
     */
    public static BattleLog of(List<Battle> battles) {
        if (battles == null || battles.isEmpty()) {
            throw new InvalidInputException("battles", "no battles given");
        }
        Builder builder = new Builder(battles.size());
        for (int i = 0; i < battles.size(); i++) {
            Battle battle = battles.get(i);
            if (battle == null) {
                throw new InvalidInputException("battles[" + i + "]", "missing battle");
            }
            builder.add(battle.modelA(), battle.modelB(), battle.outcome(), "battles[" + i + "]");
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder(1024);
    }

    public List<String> models() {
        return models;
    }

    public int size() {
        return a.length;
    }

    public Battle battle(int i) {
        return new Battle(models.get(a[i]), models.get(b[i]), Outcome.values()[outcome[i]]);
    }

    int modelA(int i) {
        return a[i];
    }

    int modelB(int i) {
        return b[i];
    }

    int outcomeCode(int i) {
        return outcome[i];
    }

    /** The merged counts of these battles. */
    public PairCounts counts() {
        PairCounts.Builder builder = PairCounts.builder();
        for (String m : models) {
            builder.model(m);
        }
        for (int i = 0; i < a.length; i++) {
            builder.add(a[i], b[i], outcome[i], 1);
        }
        return builder.build();
    }

    /** Accumulates battles in order. Not thread-safe. */
    public static final class Builder {
        private final ModelIndex index = new ModelIndex();
        private int[] a;
        private int[] b;
        private byte[] outcome;
        private int size;

        Builder(int capacity) {
            a = new int[Math.max(16, capacity)];
            b = new int[a.length];
            outcome = new byte[a.length];
        }

        /** Interns a model name and returns its index. */
        public int model(String name) {
            return index.indexOf(name);
        }

        /** Adds a battle; {@code field} names it in error messages (e.g. "battles[3]"). */
        public Builder add(String modelA, String modelB, Outcome result, String field) {
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
            if (result == null) {
                throw new InvalidInputException(field + ".outcome", "missing outcome");
            }
            return add(index.indexOf(modelA), index.indexOf(modelB), result.ordinal());
        }

        /** Adds a battle between interned models (indices from {@link #model(String)}). */
        public Builder add(int modelA, int modelB, int outcomeCode) {
            if (size == a.length) {
                int cap = a.length * 2;
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                outcome = Arrays.copyOf(outcome, cap);
            }
            a[size] = modelA;
            b[size] = modelB;
            outcome[size] = (byte) outcomeCode;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public BattleLog build() {
            if (size == 0) {
                throw new InvalidInputException("battles", "no battles given");
            }
            return new BattleLog(index.snapshot(), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                    Arrays.copyOf(outcome, size));
        }
    }
}
