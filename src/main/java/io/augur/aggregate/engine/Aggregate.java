package io.augur.aggregate.engine;

/**
 * An aggregate of one system's scores over all tasks and runs, as rliable defines it (Agarwal et al.
 * 2021, "Deep RL at the Edge of the Statistical Precipice", and rliable's {@code metrics.py}):
 * <ul>
 * <li>{@link Mean}: mean over tasks of the per-task mean over runs.</li>
 * <li>{@link Median}: median over tasks of the per-task mean over runs.</li>
 * <li>{@link InterquartileMean}: 25% trimmed mean of all run x task scores pooled, with
 * {@code scipy.stats.trim_mean(x, 0.25)} semantics: with N scores sorted, drop
 * {@code floor(0.25 N)} from each end and average the rest.</li>
 * <li>{@link OptimalityGap}: mean over all run x task scores of {@code max(gamma - x, 0)}
 * (gamma = 1 by default): how far the system falls short of the target, lower is better.</li>
 * </ul>
 * On a table with the same number of runs on every task these equal rliable's numbers exactly; with
 * different run counts the pooled aggregates (IQM, optimality gap) weight every run equally.
 */
public sealed interface Aggregate {

    /** A short name used in results: "mean", "median", "iqm", "optimality-gap". */
    String name();

    record Mean() implements Aggregate {
        @Override
        public String name() {
            return "mean";
        }
    }

    record Median() implements Aggregate {
        @Override
        public String name() {
            return "median";
        }
    }

    record InterquartileMean() implements Aggregate {
        @Override
        public String name() {
            return "iqm";
        }
    }

    /** Optimality gap with target {@code gamma}. */
    record OptimalityGap(double gamma) implements Aggregate {
        public OptimalityGap() {
            this(1.0);
        }

        public OptimalityGap {
            if (!Double.isFinite(gamma)) {
                throw new io.augur.stats.InvalidInputException("aggregates.optimalityGap.gamma", "must be finite");
            }
        }

        @Override
        public String name() {
            return "optimality-gap";
        }
    }

    /** The four rliable aggregates with their defaults. */
    static java.util.List<Aggregate> rliableDefaults() {
        return java.util.List.of(new Mean(), new Median(), new InterquartileMean(), new OptimalityGap());
    }
}
