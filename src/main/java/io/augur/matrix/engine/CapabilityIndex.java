package io.augur.matrix.engine;

import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Epoch's capability index (benchmark stitching): every model and benchmark on one scale,
 * score_mb = floor_b + (1 - floor_b) sigmoid(alpha_b (C_m - D_b)) (see {@link CapabilityModel} for the
 * fit and the identification: capability mean 0, sd 1 over the table's models). Intervals by bootstrap
 * over models: each round refits the benchmarks on the resampled models, places every model from its own
 * scores, and re-identifies the scale (a round whose axis came out reversed is flipped back). The rank
 * stability is the mean Spearman correlation between the round capabilities and the point estimate.
 */
public final class CapabilityIndex {

    public record ModelCapability(String model, double capability, Interval interval, int rank, Interval rankInterval) {
    }

    public record BenchmarkParameters(String benchmark, double difficulty, Interval difficultyInterval, double slope,
            Interval slopeInterval, double floor, double ceiling, boolean rescaled) {
    }

    public record Result(List<ModelCapability> models, List<BenchmarkParameters> benchmarks, double rankStability,
            MatrixCompletion.Result completion, List<String> warnings) {
    }

    private CapabilityIndex() {
    }

    /** @param cells the cells to predict (null = every missing cell) */
    public static Result estimate(ScoreMatrix data, List<MatrixCompletion.Cell> cells, MatrixCompletion.Settings s) {
        MatrixCompletion.Settings settings = new MatrixCompletion.Settings(MatrixCompletion.Method.CAPABILITY_INDEX, null, null,
                null, null, null, s.floors(), s.rounds(), s.seed(), s.level(), s.executor());
        int rounds = s.rounds();
        int nm = data.modelCount();
        int nb = data.benchmarkCount();
        double[][] cap = new double[nm][rounds];
        double[][] diff = new double[nb][rounds];
        double[][] slope = new double[nb][rounds];
        double[][] rank = new double[nm][rounds];
        double[] spearman = new double[rounds];
        CapabilityModel.Fit point = (CapabilityModel.Fit) new CapabilityModel(s.floors()).fit(new Table(data.toArray()),
                MatrixCompletion.ones(nm), null);
        MatrixCompletion.Result completion = MatrixCompletion.complete(data, cells, settings, (r, f) -> {
            CapabilityModel.Fit c = (CapabilityModel.Fit) f;
            double rho = RankCorrelation.spearman(c.capability(), point.capability());
            double sign = rho < 0 ? -1 : 1;
            spearman[r] = sign * rho;
            double[] cr = new double[nm];
            for (int m = 0; m < nm; m++) {
                cr[m] = sign * c.capability()[m];
                cap[m][r] = cr[m];
            }
            for (int b = 0; b < nb; b++) {
                diff[b][r] = sign * c.difficulty()[b];
                slope[b][r] = sign * c.slope()[b];
            }
            int[] rk = ranks(cr);
            for (int m = 0; m < nm; m++) {
                rank[m][r] = rk[m];
            }
        }, false);
        String method = "percentile bootstrap over models, " + rounds + " rounds";
        int[] pointRank = ranks(point.capability());
        List<ModelCapability> models = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            models.add(new ModelCapability(data.models().get(m), point.capability()[m], interval(cap[m], s.level(), method),
                    pointRank[m], interval(rank[m], s.level(), method)));
        }
        List<BenchmarkParameters> benchmarks = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            benchmarks.add(new BenchmarkParameters(data.benchmarks().get(b), point.difficulty()[b], interval(diff[b], s.level(), method),
                    point.slope()[b], interval(slope[b], s.level(), method), point.lo()[b], point.hi()[b], point.rescaled()[b]));
        }
        List<String> warnings = new ArrayList<>(completion.warnings());
        long offCentre = models.stream().filter(m -> !Double.isNaN(m.interval().lower()) && !m.interval().contains(m.capability())).count();
        if (offCentre > 0) {
            warnings.add(offCentre + " of " + nm + " models have a capability outside their own percentile interval: the"
                    + " bootstrap distribution is off-centre (bias from the prior and the re-identified scale), so read"
                    + " those intervals as rough");
        }
        double stability = rounds == 0 ? Double.NaN : java.util.Arrays.stream(spearman).average().orElse(Double.NaN);
        return new Result(models, benchmarks, stability, completion, warnings);
    }

    /** Rank 1 = most capable; ties share the smaller rank. */
    static int[] ranks(double[] c) {
        int[] r = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            int better = 0;
            for (double v : c) {
                if (v > c[i]) {
                    better++;
                }
            }
            r[i] = better + 1;
        }
        return r;
    }

    private static Interval interval(double[] draws, double level, String method) {
        return draws.length > 1 ? Quantiles.percentileInterval(draws, level, method) : new Interval(Double.NaN, Double.NaN, level, "none: 0 rounds");
    }
}
