package io.augur.aggregate.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Point estimates and stratified-bootstrap percentile intervals of rliable's aggregates (see
 * {@link Aggregate}) for every system of a {@link ScoreTable}: rliable's
 * {@code get_interval_estimates} (Agarwal et al. 2021). Each system is bootstrapped on its own
 * stream, derived from the seed and the system's name, so its interval does not change when other
 * systems are added to the table.
 *
 * @param tasks tasks aggregated over
 * @param droppedTasks tasks dropped by the missing-task policy
 * @param normalization how scores were normalised
 * @param bootstrap rounds, seed and level that reproduce the intervals
 * @param systems one entry per system, in table order
 */
public record ScoreAggregates(List<String> tasks, List<String> droppedTasks, String normalization,
        StratifiedBootstrap bootstrap, List<SystemAggregates> systems) {

    public ScoreAggregates {
        tasks = List.copyOf(tasks);
        droppedTasks = List.copyOf(droppedTasks);
        systems = List.copyOf(systems);
    }

    /** The aggregates of one system. {@code runs} counts all run x task scores. */
    public record SystemAggregates(String system, int runs, List<Estimate> estimates) {
        public SystemAggregates {
            estimates = List.copyOf(estimates);
        }

        /** The estimate of the aggregate named {@code name} ("mean", "median", "iqm", "optimality-gap"). */
        public Estimate get(String name) {
            return estimates.stream().filter(e -> e.aggregate().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no aggregate " + name));
        }
    }

    /** A point estimate on the full data and its bootstrap interval. */
    public record Estimate(String aggregate, double value, Interval interval) {
    }

    /** The system's result, by name. */
    public SystemAggregates system(String name) {
        return systems.stream().filter(s -> s.system().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no system " + name));
    }

    /** Computes {@code aggregates} (rliable's four if null or empty) for every system. */
    public static ScoreAggregates estimate(ScoreTable table, List<Aggregate> aggregates, StratifiedBootstrap bootstrap) {
        if (bootstrap == null) {
            throw new InvalidInputException("bootstrap", "is required");
        }
        List<Aggregate> aggs = aggregates == null || aggregates.isEmpty() ? Aggregate.rliableDefaults() : List.copyOf(aggregates);
        for (int i = 0; i < aggs.size(); i++) {
            if (aggs.get(i) == null) {
                throw new InvalidInputException("aggregates[" + i + "]", "is null");
            }
        }
        List<SystemAggregates> out = new ArrayList<>();
        for (int s = 0; s < table.systems().size(); s++) {
            String name = table.systems().get(s);
            RunSample sample = new RunSample(table.cellsOf(s));
            out.add(new SystemAggregates(name, sample.n, estimate(sample, aggs, bootstrap, BootstrapRounds.subSeed(bootstrap.seed(), name))));
        }
        return new ScoreAggregates(table.tasks(), table.droppedTasks(), table.normalization(), bootstrap, out);
    }

    static List<Estimate> estimate(RunSample sample, List<Aggregate> aggs, StratifiedBootstrap b, long seed) {
        int k = aggs.size();
        double[] scratch = new double[sample.tasks()];
        int[] ones = sample.unitWeights();
        double[][] reps = BootstrapRounds.inBlocks(seed, b.rounds(), k, sample.n, (rng, from, to, out) -> {
            int[] w = new int[sample.n];
            double[] sc = new double[sample.tasks()];
            for (int r = from; r < to; r++) {
                sample.resample(rng, w);
                for (int a = 0; a < k; a++) {
                    out[a][r] = sample.evaluate(aggs.get(a), w, sc);
                }
            }
        });
        List<Estimate> est = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            double point = sample.evaluate(aggs.get(a), ones, scratch);
            est.add(new Estimate(aggs.get(a).name(), point, Quantiles.percentileInterval(reps[a], b.level(), b.method())));
        }
        return est;
    }

    /**
     * Point value of one aggregate over a plain matrix of scores {@code cells[task][run]} (rows may
     * have different lengths), without a bootstrap.
     */
    public static double pointEstimate(Aggregate aggregate, double[][] cells) {
        if (cells == null || cells.length == 0) {
            throw new InvalidInputException("scores", "is empty");
        }
        double[][] copy = new double[cells.length][];
        for (int t = 0; t < cells.length; t++) {
            if (cells[t] == null || cells[t].length == 0) {
                throw new InvalidInputException("scores[" + t + "]", "has no runs");
            }
            copy[t] = cells[t].clone();
            for (int r = 0; r < copy[t].length; r++) {
                if (!Double.isFinite(copy[t][r])) {
                    throw new InvalidInputException("scores[" + t + "][" + r + "]", "must be a finite number");
                }
            }
            java.util.Arrays.sort(copy[t]);
        }
        RunSample s = new RunSample(copy);
        return s.evaluate(aggregate, s.unitWeights(), new double[s.tasks()]);
    }
}
