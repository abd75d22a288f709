package io.augur.matrix.engine;

import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Epoch's capability index (benchmark stitching): every model and benchmark on one scale,
 * score_mb = floor_b + (ceiling_b - floor_b) sigmoid(alpha_b (C_m - D_b) + u_m . v_b) (see {@link CapabilityModel}
 * for the fit, the optional specific factors u, v and the identification: capability mean 0, sd 1 over the
 * table's models). The number of dimensions (1 + specific factors) and the priors are chosen by held-out
 * error on the validation split of {@link MatrixCompletion}, unless given; the predicted cells then take a share of
 * the residuals of each model's nearest models ({@link ResidualNeighbours}) when held-out error chooses it, while the
 * capabilities, difficulties and slopes stay the logistic's. Intervals by bootstrap over
 * models: each round refits the benchmarks on the resampled models, places every model from its own
 * scores, and re-identifies the scale (a round whose axis came out reversed is flipped back). The rank
 * stability is the mean Spearman correlation between the round capabilities and the point estimate.
 */
public final class CapabilityIndex {

    public record ModelCapability(String model, double capability, Interval interval, int rank, Interval rankInterval) {
    }

    /** {@code ceiling}: the fitted upper asymptote in the benchmark's units; {@code floor}: its chance level. */
    public record BenchmarkParameters(String benchmark, double difficulty, Interval difficultyInterval, double slope,
            Interval slopeInterval, double floor, double ceiling, Interval ceilingInterval, boolean rescaled) {
    }

    /**
     * {@code dimensions}: 1 + the number of specific factors chosen; {@code setting}: the chosen model and priors;
     * {@code selection}: each candidate's held-out RMSE (z-scale).
     */
    public record Result(List<ModelCapability> models, List<BenchmarkParameters> benchmarks, double rankStability, int dimensions,
            String setting, List<MatrixCompletion.Candidate> selection, MatrixCompletion.Result completion, List<String> warnings) {
    }

    private CapabilityIndex() {
    }

    /**
     * @param cells the cells to predict (null = every missing cell)
     * @param s     {@code rank} = the number of dimensions, {@code lambda} = the prior (on the capability for one
     *              dimension, on the specific factors for more); null = chosen by held-out error
     */
    public static Result estimate(ScoreMatrix data, List<MatrixCompletion.Cell> cells, MatrixCompletion.Settings s) {
        MatrixCompletion.Settings settings = new MatrixCompletion.Settings(MatrixCompletion.Method.CAPABILITY_INDEX, s.rank(), s.lambda(),
                null, null, null, s.floors(), s.rounds(), s.seed(), s.level(), s.executor());
        int rounds = s.rounds();
        int nm = data.modelCount();
        int nb = data.benchmarkCount();
        double[][] cap = new double[nm][rounds];
        double[][] diff = new double[nb][rounds];
        double[][] slope = new double[nb][rounds];
        double[][] ceiling = new double[nb][rounds];
        double[][] rank = new double[nm][rounds];
        double[] spearman = new double[rounds];
        CapabilityModel.Fit[] point = new CapabilityModel.Fit[1];
        MatrixCompletion.Result completion = MatrixCompletion.complete(data, cells, settings, new MatrixCompletion.RoundListener() {
            @Override
            public void point(Completer.Fitted fit) {
                point[0] = index(fit);
            }

            @Override
            public void round(int r, Completer.Fitted f) {
                CapabilityModel.Fit c = index(f);
                double rho = RankCorrelation.spearman(c.capability(), point[0].capability());
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
                    ceiling[b][r] = c.ceiling(b);
                }
                int[] rk = ranks(cr);
                for (int m = 0; m < nm; m++) {
                    rank[m][r] = rk[m];
                }
            }
        }, false);
        CapabilityModel.Fit fit = point[0];
        String method = "percentile bootstrap over models, " + rounds + " rounds";
        int[] pointRank = ranks(fit.capability());
        List<ModelCapability> models = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            models.add(new ModelCapability(data.models().get(m), fit.capability()[m], interval(cap[m], s.level(), method),
                    pointRank[m], interval(rank[m], s.level(), method)));
        }
        List<BenchmarkParameters> benchmarks = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            benchmarks.add(new BenchmarkParameters(data.benchmarks().get(b), fit.difficulty()[b], interval(diff[b], s.level(), method),
                    fit.slope()[b], interval(slope[b], s.level(), method), fit.lo()[b], fit.ceiling(b),
                    interval(ceiling[b], s.level(), method), fit.rescaled()[b]));
        }
        List<String> warnings = new ArrayList<>(completion.warnings());
        long offCentre = models.stream().filter(m -> !Double.isNaN(m.interval().lower()) && !m.interval().contains(m.capability())).count();
        if (offCentre > 0) {
            warnings.add(offCentre + " of " + nm + " models have a capability outside their own percentile interval: the"
                    + " bootstrap distribution is off-centre (bias from the prior and the re-identified scale), so read"
                    + " those intervals as rough");
        }
        int dimensions = 1 + fit.u()[0].length;
        if (dimensions > 1) {
            warnings.add("held-out error chose " + (dimensions - 1) + " specific factor" + (dimensions == 2 ? "" : "s")
                    + " beside the capability: predictions use them, and the capability ranks models on the general"
                    + " factor only (a model strong on one benchmark family can score above its rank there)");
        }
        double stability = rounds == 0 ? Double.NaN : java.util.Arrays.stream(spearman).average().orElse(Double.NaN);
        return new Result(models, benchmarks, stability, dimensions, completion.setting(), completion.selection(), completion, warnings);
    }

    /** The item-response fit behind a prediction, with or without its residual neighbourhood correction. */
    private static CapabilityModel.Fit index(Completer.Fitted f) {
        return f instanceof ResidualNeighbours.Fit r ? (CapabilityModel.Fit) r.baseline() : (CapabilityModel.Fit) f;
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
