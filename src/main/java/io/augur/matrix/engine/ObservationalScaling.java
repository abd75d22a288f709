package io.augur.matrix.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Observational scaling laws (Ruan, Maddison and Hashimoto 2024), following their code
 * (ryoungj/ObsScaling utils/data.py): on the training models only,
 * <ol>
 * <li>impute missing predictor scores by iterative rank-r PCA on the z-scored predictors (start from
 * the column means, replace the missing cells by the rank-r reconstruction until it changes by less than
 * 1e-4), clipped to [0, 1] when every score lies there; other models are imputed with the training
 * PCA;</li>
 * <li>principal components of the (unstandardised) imputed predictor scores, reported as loadings and
 * explained-variance ratios; each component's sign is chosen so its loadings sum to a positive number
 * (higher = more capable);</li>
 * <li>the target, normalised to y = (score - floor) / (1 - floor) with floor the benchmark's chance
 * level, ~ sigmoid(w0 + w . PC_1..k) fitted with the Huber loss (delta 1 on [0, 1] reduces to least
 * squares, as in their leaderboard-v2 notebook); predictions are floor + (1 - floor) y, so never below
 * chance;</li>
 * <li>for comparison, the same sigmoid of log training compute.</li>
 * </ol>
 * Intervals: bootstrap over the training models (the whole pipeline refitted per round) plus a
 * residual drawn from the round's training residuals (inflated by sqrt(n / (n - p))).
 */
public final class ObservationalScaling {

    /**
     * @param train    true for the training models; null = target known and compute at or below
     *                 {@code threshold} (unknown compute is held out, as in ObsScaling's split)
     * @param compute  training compute per model (NaN = unknown); required for the compute comparison
     */
    public record Input(List<String> models, List<String> predictorNames, double[][] predictors, String target,
            double[] targetScores, double floor, double[] compute, double threshold, boolean[] train) {
    }

    public record Settings(int components, double delta, int imputationRank, int rounds, long seed, double level,
            Executor executor) {
        public static Settings defaults(int rounds, long seed) {
            return new Settings(3, 1.0, 1, rounds, seed, 0.95, null);
        }
    }

    public record Component(String name, double explainedVarianceRatio, List<Double> loadings) {
    }

    /** Held-out error on the normalised scale (ObsScaling's MSE) and on the raw scale (MAE). */
    public record HeldOut(int models, double mse, double mae) {
    }

    public record ModelPrediction(String model, boolean training, double observed, double estimate, Interval interval,
            double computeEstimate, String method) {
    }

    public record Result(String target, double floor, List<String> predictors, List<Component> components,
            List<Double> explainedVarianceRatios, List<Double> coefficients, List<Double> computeCoefficients, HeldOut heldOut, HeldOut computeHeldOut,
            int trainingModels, List<ModelPrediction> predictions, int rounds, long seed, double level, List<String> warnings) {
    }

    /** One fitted pipeline: standardisation, rank-r imputation PCA, k-component PCA, sigmoid. */
    static final class Fitted {
        final double[] mean;
        final double[] sd;
        final double[] impMean;
        final RealMatrix impComps;
        final boolean clip;
        final double[] pcaMean;
        final RealMatrix comps;
        final double[] evr;
        double[] coef;

        private Fitted(double[] mean, double[] sd, double[] impMean, RealMatrix impComps, boolean clip, double[] pcaMean,
                RealMatrix comps, double[] evr) {
            this.mean = mean;
            this.sd = sd;
            this.impMean = impMean;
            this.impComps = impComps;
            this.clip = clip;
            this.pcaMean = pcaMean;
            this.comps = comps;
            this.evr = evr;
        }

        /** Fits on the training rows, each repeated w times (a bootstrap resample when w are counts). */
        static Fitted of(Input in, int[] trainIdx, double[] w, double[] y, Settings s, boolean clip) {
            int p = in.predictorNames().size();
            int rows = 0;
            for (double c : w) {
                rows += (int) c;
            }
            double[][] x = new double[rows][];
            double[] yy = new double[rows];
            int at = 0;
            for (int i = 0; i < trainIdx.length; i++) {
                for (int c = 0; c < (int) w[i]; c++) {
                    x[at] = in.predictors()[trainIdx[i]];
                    yy[at++] = y[trainIdx[i]];
                }
            }
            double[] mean = new double[p];
            double[] sd = new double[p];
            for (int j = 0; j < p; j++) {
                double sum = 0;
                int n = 0;
                for (double[] r : x) {
                    if (!Double.isNaN(r[j])) {
                        sum += r[j];
                        n++;
                    }
                }
                mean[j] = n == 0 ? 0 : sum / n;
                double ss = 0;
                for (double[] r : x) {
                    if (!Double.isNaN(r[j])) {
                        ss += (r[j] - mean[j]) * (r[j] - mean[j]);
                    }
                }
                sd[j] = n > 0 && ss > 0 ? Math.sqrt(ss / n) : 1;
            }
            double[][] z = new double[rows][p];
            boolean[][] miss = new boolean[rows][p];
            boolean any = false;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < p; j++) {
                    miss[i][j] = Double.isNaN(x[i][j]);
                    any |= miss[i][j];
                    z[i][j] = miss[i][j] ? 0 : (x[i][j] - mean[j]) / sd[j];
                }
            }
            double[] impMean = null;
            RealMatrix impComps = null;
            for (int it = 0; it < 1000; it++) {
                double[] mu = colMeans(z);
                impComps = principal(z, mu, s.imputationRank(), null);
                impMean = mu;
                if (!any) {
                    break;
                }
                boolean close = true;
                double[][] rec = new double[rows][];
                for (int i = 0; i < rows; i++) {
                    rec[i] = reconstruct(z[i], mu, impComps);
                    for (int j = 0; j < p && close; j++) {
                        close = Math.abs(z[i][j] - rec[i][j]) <= 1e-4 + 1e-5 * Math.abs(rec[i][j]);
                    }
                }
                if (close) {
                    break;
                }
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < p; j++) {
                        if (miss[i][j]) {
                            z[i][j] = rec[i][j];
                        }
                    }
                }
            }
            Fitted f = new Fitted(mean, sd, impMean, impComps, clip, null, null, null);
            double[][] filled = new double[rows][p];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < p; j++) {
                    filled[i][j] = f.unstandardise(z[i][j], j);
                }
            }
            double[] pcaMean = colMeans(filled);
            double[] evr = new double[p];
            RealMatrix comps = principal(filled, pcaMean, s.components(), evr);
            Fitted out = new Fitted(mean, sd, impMean, impComps, clip, pcaMean, comps, evr);
            double[][] pcs = new double[rows][];
            for (int i = 0; i < rows; i++) {
                pcs[i] = out.project(filled[i]);
            }
            out.coef = HuberSigmoid.fit(pcs, yy, ones(rows), s.delta());
            return out;
        }

        private double unstandardise(double z, int j) {
            double v = z * sd[j] + mean[j];
            return clip ? Math.min(1, Math.max(0, v)) : v;
        }

        /** A model's predictor scores with missing ones imputed by the training PCA. */
        double[] imputed(double[] row) {
            int p = row.length;
            double[] z = new double[p];
            boolean[] miss = new boolean[p];
            boolean any = false;
            for (int j = 0; j < p; j++) {
                miss[j] = Double.isNaN(row[j]);
                any |= miss[j];
                z[j] = miss[j] ? 0 : (row[j] - mean[j]) / sd[j];
            }
            for (int it = 0; any && it < 1000; it++) {
                double[] rec = reconstruct(z, impMean, impComps);
                boolean close = true;
                for (int j = 0; j < p; j++) {
                    close &= Math.abs(z[j] - rec[j]) <= 1e-4 + 1e-5 * Math.abs(rec[j]);
                }
                if (close) {
                    break;
                }
                for (int j = 0; j < p; j++) {
                    if (miss[j]) {
                        z[j] = rec[j];
                    }
                }
            }
            double[] out = new double[p];
            for (int j = 0; j < p; j++) {
                out[j] = miss[j] ? unstandardise(z[j], j) : row[j];
            }
            return out;
        }

        double[] project(double[] filled) {
            int k = comps.getRowDimension();
            double[] pc = new double[k];
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < filled.length; j++) {
                    s += (filled[j] - pcaMean[j]) * comps.getEntry(c, j);
                }
                pc[c] = s;
            }
            return pc;
        }

        /** The normalised target prediction of a model. */
        double predict(double[] row) {
            return HuberSigmoid.predict(coef, project(imputed(row)));
        }

        double[] residuals(double[][] predictors, int[] idx, double[] y) {
            double[] r = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                r[i] = y[idx[i]] - predict(predictors[idx[i]]);
            }
            return r;
        }
    }

    static double[] colMeans(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] r : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += r[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= x.length;
        }
        return mu;
    }

    /**
     * The first k principal axes (rows) of the centred rows, by Commons Math's SVD; fills {@code evr}
     * (if given) with the explained-variance ratio of every component. Signs: loadings sum positive.
     */
    static RealMatrix principal(double[][] x, double[] mu, int k, double[] evr) {
        double[][] c = new double[x.length][mu.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mu.length; j++) {
                c[i][j] = x[i][j] - mu[j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false));
        double[] sv = svd.getSingularValues();
        RealMatrix vt = svd.getVT();
        int kk = Math.min(k, vt.getRowDimension());
        RealMatrix out = vt.getSubMatrix(0, kk - 1, 0, mu.length - 1).copy();
        for (int r = 0; r < kk; r++) {
            double sum = 0;
            for (int j = 0; j < mu.length; j++) {
                sum += out.getEntry(r, j);
            }
            if (sum < 0) {
                for (int j = 0; j < mu.length; j++) {
                    out.setEntry(r, j, -out.getEntry(r, j));
                }
            }
        }
        if (evr != null) {
            double total = 0;
            for (double v : sv) {
                total += v * v;
            }
            for (int j = 0; j < evr.length; j++) {
                evr[j] = j < sv.length && total > 0 ? sv[j] * sv[j] / total : 0;
            }
        }
        return out;
    }

    static double[] reconstruct(double[] z, double[] mu, RealMatrix comps) {
        int p = z.length;
        int k = comps.getRowDimension();
        double[] out = mu.clone();
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += (z[j] - mu[j]) * comps.getEntry(c, j);
            }
            for (int j = 0; j < p; j++) {
                out[j] += s * comps.getEntry(c, j);
            }
        }
        return out;
    }

    private ObservationalScaling() {
    }

    public static Result fit(Input in, Settings s) {
        int n = in.models().size();
        int p = in.predictorNames().size();
        validate(in, s, n, p);
        boolean[] train = in.train() != null ? in.train().clone() : new boolean[n];
        if (in.train() == null) {
            for (int i = 0; i < n; i++) {
                train[i] = !Double.isNaN(in.targetScores()[i]) && in.compute()[i] <= in.threshold();
            }
        }
        int[] trainIdx = java.util.stream.IntStream.range(0, n).filter(i -> train[i] && !Double.isNaN(in.targetScores()[i])).toArray();
        if (trainIdx.length == 0) {
            throw new InvalidInputException("holdout", "target '" + in.target() + "' has no training rows under the holdout"
                    + (in.train() == null ? ": no model with a known score has compute at or below " + in.threshold() : ""));
        }
        if (trainIdx.length < s.components() + 2) {
            throw new InvalidInputException("holdout", "only " + trainIdx.length + " training rows for a sigmoid of "
                    + s.components() + " components (needs at least " + (s.components() + 2) + ")");
        }
        for (int j = 0; j < p; j++) {
            double first = Double.NaN;
            boolean constant = true;
            int seen = 0;
            for (int i : trainIdx) {
                double v = in.predictors()[i][j];
                if (!Double.isNaN(v)) {
                    if (seen++ == 0) {
                        first = v;
                    } else if (v != first) {
                        constant = false;
                    }
                }
            }
            if (seen == 0) {
                throw new InvalidInputException("predictors." + in.predictorNames().get(j), "has no score among the training models");
            }
            if (constant) {
                throw new InvalidInputException("predictors." + in.predictorNames().get(j), "is constant over the training models"
                        + " (every known value is " + first + "): it cannot be standardised");
            }
        }
        boolean clip = Arrays.stream(in.predictors()).flatMapToDouble(Arrays::stream)
                .allMatch(v -> Double.isNaN(v) || (v >= 0 && v <= 1));
        double floor = in.floor();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (in.targetScores()[i] - floor) / (1 - floor);
        }
        double[] ones = new double[trainIdx.length];
        Arrays.fill(ones, 1);
        Fitted point = Fitted.of(in, trainIdx, ones, y, s, clip);
        boolean haveCompute = in.compute() != null;
        double[] logC = new double[n];
        for (int i = 0; i < n; i++) {
            logC[i] = haveCompute ? Math.log(in.compute()[i]) : Double.NaN;
        }
        int[] trainC = Arrays.stream(trainIdx).filter(i -> Double.isFinite(logC[i])).toArray();
        double[] coefC = trainC.length >= 3 ? HuberSigmoid.fit(rows(logC, trainC), sub(y, trainC), ones(trainC.length), s.delta()) : null;

        // bootstrap over the training models
        int rounds = s.rounds();
        double[][] draws = new double[n][rounds];
        double[][] drawsC = new double[n][rounds];
        BootstrapRounds.eachRound(rounds, s.executor(), r -> {
            UniformRandomProvider rng = RandomStreams.stream(s.seed(), r);
            double[] w = new double[trainIdx.length];
            for (int i = 0; i < w.length; i++) {
                w[rng.nextInt(w.length)]++;
            }
            Fitted f = Fitted.of(in, trainIdx, w, y, s, clip);
            double[] res = f.residuals(in.predictors(), trainIdx, y);
            double inflate = Math.sqrt(trainIdx.length / (double) Math.max(1, trainIdx.length - s.components() - 1));
            for (int i = 0; i < n; i++) {
                draws[i][r] = floor + (1 - floor) * (f.predict(in.predictors()[i]) + inflate * res[rng.nextInt(res.length)]);
            }
            if (coefC != null) {
                double[] wc = new double[trainC.length];
                for (int i = 0; i < wc.length; i++) {
                    wc[rng.nextInt(wc.length)]++;
                }
                double[] c = HuberSigmoid.fit(rows(logC, trainC), sub(y, trainC), wc, s.delta());
                for (int i = 0; i < n; i++) {
                    drawsC[i][r] = Double.isFinite(logC[i]) ? floor + (1 - floor) * HuberSigmoid.predict(c, new double[] {logC[i]}) : Double.NaN;
                }
            }
        });

        List<ModelPrediction> preds = new ArrayList<>();
        double se = 0;
        double ae = 0;
        int nt = 0;
        double seC = 0;
        double aeC = 0;
        int ntC = 0;
        String method = "observational scaling: sigmoid of PC1-" + s.components() + ", Huber delta " + s.delta()
                + "; interval: percentile bootstrap over training models, " + rounds + " rounds, plus residual";
        for (int i = 0; i < n; i++) {
            double est = floor + (1 - floor) * point.predict(in.predictors()[i]);
            double estC = coefC != null && Double.isFinite(logC[i]) ? floor + (1 - floor) * HuberSigmoid.predict(coefC, new double[] {logC[i]}) : Double.NaN;
            Interval iv = rounds > 1 ? Quantiles.percentileInterval(draws[i], s.level(), "percentile bootstrap over training models, "
                    + rounds + " rounds, plus residual") : new Interval(Double.NaN, Double.NaN, s.level(), "none: 0 rounds");
            boolean isTrain = train[i];
            double obs = in.targetScores()[i];
            if (!isTrain && !Double.isNaN(obs)) {
                double e = (est - obs) / (1 - floor);
                se += e * e;
                ae += Math.abs(est - obs);
                nt++;
                if (Double.isFinite(estC)) {
                    double ec = (estC - obs) / (1 - floor);
                    seC += ec * ec;
                    aeC += Math.abs(estC - obs);
                    ntC++;
                }
            }
            preds.add(new ModelPrediction(in.models().get(i), isTrain, obs, est, iv, estC, method));
        }
        List<Component> comps = new ArrayList<>();
        for (int c = 0; c < point.comps.getRowDimension(); c++) {
            comps.add(new Component("PC-" + (c + 1), point.evr[c], Arrays.stream(point.comps.getRow(c)).boxed().toList()));
        }
        List<String> warnings = new ArrayList<>();
        if (trainIdx.length < 10) {
            warnings.add("only " + trainIdx.length + " training models: the sigmoid and its intervals are fragile");
        }
        return new Result(in.target(), floor, in.predictorNames(), comps, Arrays.stream(point.evr).boxed().toList(),
                Arrays.stream(point.coef).boxed().toList(),
                coefC == null ? List.of() : Arrays.stream(coefC).boxed().toList(),
                new HeldOut(nt, nt == 0 ? Double.NaN : se / nt, nt == 0 ? Double.NaN : ae / nt),
                new HeldOut(ntC, ntC == 0 ? Double.NaN : seC / ntC, ntC == 0 ? Double.NaN : aeC / ntC),
                trainIdx.length, preds, rounds, s.seed(), s.level(), warnings);
    }

    private static void validate(Input in, Settings s, int n, int p) {
        if (n == 0) {
            throw new InvalidInputException("models", "must not be empty");
        }
        if (p < 2) {
            throw new InvalidInputException("predictors", "needs at least two predictor benchmarks");
        }
        if (in.predictors().length != n || in.targetScores().length != n) {
            throw new InvalidInputException("predictors", "needs one row of predictor scores and one target score per model");
        }
        for (int i = 0; i < n; i++) {
            if (in.predictors()[i].length != p) {
                throw new InvalidInputException("predictors[" + i + "]", "has " + in.predictors()[i].length + " scores for " + p + " predictors");
            }
        }
        if (s.components() < 1 || s.components() > p) {
            throw new InvalidInputException("components", "must be in [1, " + p + "] (the number of predictor benchmarks), was " + s.components());
        }
        if (s.imputationRank() < 1 || s.imputationRank() >= p) {
            throw new InvalidInputException("imputationRank", "must be in [1, " + (p - 1) + "], was " + s.imputationRank());
        }
        if (!(in.floor() >= 0 && in.floor() < 1)) {
            throw new InvalidInputException("floor", "the chance level must be in [0, 1), was " + in.floor());
        }
        if (!(s.delta() > 0)) {
            throw new InvalidInputException("delta", "must be positive");
        }
        if (s.rounds() < 0 || s.rounds() > 100_000) {
            throw new InvalidInputException("rounds", "must be in [0, 100000]");
        }
        if (in.train() == null && (in.compute() == null || in.compute().length != n)) {
            throw new InvalidInputException("compute", "a compute-threshold holdout needs one training compute per model");
        }
        if (in.compute() != null && in.compute().length != n) {
            throw new InvalidInputException("compute", "has " + in.compute().length + " values for " + n + " models");
        }
    }

    static double[][] rows(double[] v, int[] idx) {
        double[][] out = new double[idx.length][1];
        for (int i = 0; i < idx.length; i++) {
            out[i][0] = v[idx[i]];
        }
        return out;
    }

    static double[] sub(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1);
        return o;
    }
}
