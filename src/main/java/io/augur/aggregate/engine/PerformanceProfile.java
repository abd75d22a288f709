package io.augur.aggregate.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Performance profiles (score distributions) as rliable computes them (Agarwal et al. 2021, Sec. 4;
 * {@code create_performance_profile} with the run-score distribution): for each threshold tau, the
 * fraction of all run x task scores strictly above tau, {@code F(tau) = (1/N) sum 1[x > tau]}, with a
 * pointwise stratified-bootstrap percentile band at every tau.
 *
 * @param taus the threshold grid, as given
 * @param bootstrap rounds, seed and level of the bands
 * @param systems one profile per system, in table order
 */
public record PerformanceProfile(List<Double> taus, StratifiedBootstrap bootstrap, List<SystemProfile> systems) {

    public PerformanceProfile {
        taus = List.copyOf(taus);
        systems = List.copyOf(systems);
    }

    /** The profile of one system: one point per tau. */
    public record SystemProfile(String system, List<Point> points) {
        public SystemProfile {
            points = List.copyOf(points);
        }
    }

    /** Fraction of run x task scores above {@code tau}, with its band. */
    public record Point(double tau, double fraction, Interval interval) {
    }

    /** Profiles of every system of the table over {@code taus}. */
    public static PerformanceProfile estimate(ScoreTable table, double[] taus, StratifiedBootstrap bootstrap) {
        if (bootstrap == null) {
            throw new InvalidInputException("bootstrap", "is required");
        }
        if (taus == null || taus.length == 0) {
            throw new InvalidInputException("taus", "is empty: give at least one threshold");
        }
        if (taus.length > 100_000) {
            throw new InvalidInputException("taus", "has " + taus.length + " thresholds, at most 100000");
        }
        double[] grid = taus.clone();
        List<Double> tauList = new ArrayList<>(grid.length);
        for (int k = 0; k < grid.length; k++) {
            if (!Double.isFinite(grid[k])) {
                throw new InvalidInputException("taus[" + k + "]", "must be a finite number");
            }
            tauList.add(grid[k]);
        }
        List<SystemProfile> out = new ArrayList<>();
        for (int s = 0; s < table.systems().size(); s++) {
            String name = table.systems().get(s);
            RunSample sample = new RunSample(table.cellsOf(s));
            int[] firstAbove = sample.firstAbove(grid);
            double[][] reps = BootstrapRounds.inBlocks(BootstrapRounds.subSeed(bootstrap.seed(), name), bootstrap.rounds(),
                    grid.length, sample.n + grid.length, (rng, from, to, o) -> {
                        int[] w = new int[sample.n];
                        double[] f = new double[grid.length];
                        for (int r = from; r < to; r++) {
                            sample.resample(rng, w);
                            sample.fractionAbove(w, grid, firstAbove, f);
                            for (int k = 0; k < f.length; k++) {
                                o[k][r] = f[k];
                            }
                        }
                    });
            double[] point = new double[grid.length];
            sample.fractionAbove(sample.unitWeights(), grid, firstAbove, point);
            List<Point> pts = new ArrayList<>(grid.length);
            for (int k = 0; k < grid.length; k++) {
                pts.add(new Point(grid[k], point[k], Quantiles.percentileInterval(reps[k], bootstrap.level(), bootstrap.method())));
            }
            out.add(new SystemProfile(name, pts));
        }
        return new PerformanceProfile(tauList, bootstrap, out);
    }

    /** {@code count} evenly spaced thresholds from {@code from} to {@code to} inclusive (numpy.linspace). */
    public static double[] linearGrid(double from, double to, int count) {
        if (count < 1 || count > 100_000) {
            throw new InvalidInputException("taus.count", "must be between 1 and 100000");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new InvalidInputException("taus", "bounds must be finite");
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return g;
    }
}
