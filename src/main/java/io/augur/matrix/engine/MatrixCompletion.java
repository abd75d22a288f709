package io.augur.matrix.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Missing-score prediction over a model x benchmark table, with an interval on every predicted cell.
 * <ol>
 * <li>A seeded validation split hides 10% of the observed cells (never a model's or a benchmark's
 * last one); each candidate setting (rank and lambda for ALS, lambda for soft-impute, k for nearest
 * models) is fitted on the rest and scored by its held-out RMSE on the z-score scale. The best is kept,
 * and its held-out RMSE is the residual sd of a new measurement (an honest out-of-sample error, not the
 * in-sample residual).</li>
 * <li>The chosen setting is fitted on the whole table: the estimate of each cell.</li>
 * <li>Bootstrap over models (Efron and Tibshirani 1993): each round redraws the models with
 * replacement, refits (warm-started from step 2) and predicts every asked cell; adding a residual drawn
 * from N(0, residual sd) gives a predictive draw. The interval is the percentile interval of the
 * predictive draws.</li>
 * </ol>
 */
public final class MatrixCompletion {

    public enum Method {
        ALTERNATING_LEAST_SQUARES, SOFT_IMPUTE, NEAREST_MODELS, CAPABILITY_INDEX
    }

    /**
     * @param rank    latent rank for ALS (null = chosen by held-out error among 1..min(8, max))
     * @param lambda  ridge for ALS / threshold for soft-impute on the z-scale (null = chosen)
     * @param neighbours k for nearest models (null = chosen among 1, 3, 5, 10, 20)
     * @param floors  chance level per benchmark for the capability index (null = 0)
     * @param executor where bootstrap rounds run (null = the calling thread, sequentially)
     */
    public record Settings(Method method, Integer rank, Double lambda, Integer neighbours, ModelFeatures modelFeatures,
            ModelFeatures benchmarkFeatures, double[] floors, int rounds, long seed, double level, Executor executor) {

        public static Settings of(Method method, int rounds, long seed) {
            return new Settings(method, null, null, null, null, null, null, rounds, seed, 0.95, null);
        }

        public Settings withRank(Integer r) {
            return new Settings(method, r, lambda, neighbours, modelFeatures, benchmarkFeatures, floors, rounds, seed, level, executor);
        }

        public Settings withLambda(Double l) {
            return new Settings(method, rank, l, neighbours, modelFeatures, benchmarkFeatures, floors, rounds, seed, level, executor);
        }

        public Settings withNeighbours(Integer k) {
            return new Settings(method, rank, lambda, k, modelFeatures, benchmarkFeatures, floors, rounds, seed, level, executor);
        }

        public Settings withFeatures(ModelFeatures models, ModelFeatures benchmarks) {
            return new Settings(method, rank, lambda, neighbours, models, benchmarks, floors, rounds, seed, level, executor);
        }

        public Settings withFloors(double[] f) {
            return new Settings(method, rank, lambda, neighbours, modelFeatures, benchmarkFeatures, f, rounds, seed, level, executor);
        }

        public Settings withRounds(int r) {
            return new Settings(method, rank, lambda, neighbours, modelFeatures, benchmarkFeatures, floors, r, seed, level, executor);
        }

        public Settings withExecutor(Executor e) {
            return new Settings(method, rank, lambda, neighbours, modelFeatures, benchmarkFeatures, floors, rounds, seed, level, e);
        }
    }

    public record Cell(int model, int benchmark) {
    }

    /** A predicted cell: the estimate, its predictive interval, the method, and a warning or null. */
    public record Prediction(String model, String benchmark, double estimate, Interval interval, String method, String warning) {
    }

    /** One candidate of the held-out selection. */
    public record Candidate(String setting, double heldOutRmse) {
    }

    /**
     * The bootstrap draws behind the intervals, for the decision helpers: {@code fitted[c][r]} is the
     * refit's prediction of cell c in round r (raw units, no residual; null unless asked for),
     * {@code noiseSd[c]} the residual sd of a new measurement of that cell.
     */
    public record Draws(List<Cell> cells, float[][] fitted, double[] noiseSd) {
    }

    public record Result(Method method, String setting, List<Candidate> selection, double residualSd, int validationCells,
            List<Prediction> predictions, int rounds, long seed, double level, List<String> warnings, Draws draws) {
    }

    /** Called once per bootstrap round with that round's fit (from several threads when parallel). */
    interface RoundListener {
        void round(int round, Completer.Fitted fit);

        /** Called once with the point fit (the chosen setting on the whole table), before any round. */
        default void point(Completer.Fitted fit) {
        }
    }

    static final long VALIDATION_STREAM = 0x7A11DL;
    /** Cells whose bootstrap draws are gathered together for their intervals. */
    static final int TILE = 64;
    static final int MAX_CELLS_TIMES_ROUNDS = 20_000_000;
    static final long SOFT_IMPUTE_MAX_CELLS = 100_000;
    /** Capability index: at most this many specific factors beside the capability. */
    static final int CAPABILITY_MAX_FACTORS = 3;
    /** Capability index candidates: prior precision on the capability (one-dimensional index) ... */
    static final double[] CAPABILITY_PRIORS = {0.01, 0.1};
    /** ... and on the specific factors (with capability prior {@link CapabilityModel#CAPABILITY_PRIOR}). */
    static final double[] FACTOR_PRIORS = {0.01, 0.03};

    private MatrixCompletion() {
    }

    /** The largest rank the table supports: min(models, benchmarks) - 1, and no more than observed / (models + benchmarks). */
    public static int maxRank(ScoreMatrix data) {
        return Math.min(Math.min(data.modelCount(), data.benchmarkCount()) - 1,
                data.observedCount() / (data.modelCount() + data.benchmarkCount()));
    }

    /** Predicts {@code cells} (null = every missing cell). */
    public static Result complete(ScoreMatrix data, List<Cell> cells, Settings s) {
        return complete(data, cells, s, null, false);
    }

    /** As {@link #complete(ScoreMatrix, List, Settings)}, keeping the fitted draws for the decision helpers. */
    static Result completeWithDraws(ScoreMatrix data, List<Cell> cells, Settings s) {
        return complete(data, cells, s, null, true);
    }

    static Result complete(ScoreMatrix data, List<Cell> cells, Settings s, RoundListener listener) {
        return complete(data, cells, s, listener, true);
    }

    /** Type-7 quantiles by selection on the array itself (partially reordered): the two order statistics, no full sort. */
    private static final Quantile IN_PLACE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(false);

    /**
     * Percentile interval of {@code values}, reordered in place: the same type-7 quantiles as
     * {@link Quantiles#percentileInterval}, found by selection (Commons Statistics) rather than a sort and a copy.
     */
    static Interval percentileInPlace(double[] values, double level, String method) {
        double alpha = (1 - level) / 2;
        double[] q = IN_PLACE.evaluate(values, alpha, 1 - alpha);
        return new Interval(q[0], q[1], level, method);
    }

    static Result complete(ScoreMatrix data, List<Cell> cells, Settings s, RoundListener listener, boolean keepDraws) {
        validate(data, s);
        List<Cell> asked = cells != null ? List.copyOf(cells) : missingCells(data);
        if ((long) asked.size() * Math.max(1, s.rounds()) > MAX_CELLS_TIMES_ROUNDS) {
            throw new InvalidInputException("rounds", asked.size() + " cells x " + s.rounds()
                    + " rounds exceeds " + MAX_CELLS_TIMES_ROUNDS + " predictions; ask for fewer cells or rounds");
        }
        Table full = new Table(data.toArray());
        Selection sel = select(data, full, s);
        List<String> warnings = new ArrayList<>(sel.warnings());
        Completer chosen = sel.chosen();
        double residualSd = sel.residualSd();
        List<Candidate> selection = sel.candidates();
        int validation = sel.validationCells();

        // 2. point fit
        Completer.Fitted start = switch (sel.chosenValidationFit()) {
            case AlternatingLeastSquares.Factors f -> new AlternatingLeastSquares.Start(f);
            case CapabilityModel.Fit f -> new CapabilityModel.Start(f);
            case ResidualNeighbours.Fit f when f.baseline() instanceof CapabilityModel.Fit c -> new CapabilityModel.Start(c);
            case null, default -> null;
        };
        Completer.Fitted point = chosen.fit(full, ones(data.modelCount()), start);
        if (listener != null) {
            listener.point(point);
        }

        // 3. bootstrap over models
        int rounds = s.rounds();
        float[][] fitted = keepDraws ? new float[asked.size()][rounds] : null;
        // predictive[r][c]: each round writes one contiguous array of its own (no two threads share a cache line)
        float[][] predictive = new float[rounds][];
        Completer finalChosen = chosen;
        BootstrapRounds.eachRound(rounds, s.executor(), r -> {
            UniformRandomProvider rng = RandomStreams.stream(s.seed(), r);
            ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] w = new double[data.modelCount()];
            for (int i = 0; i < w.length; i++) {
                w[rng.nextInt(w.length)]++;
            }
            Completer.Fitted f = finalChosen.fit(full, w, point);
            if (listener != null) {
                listener.round(r, f);
            }
            float[] row = new float[asked.size()];
            for (int c = 0; c < row.length; c++) {
                Cell cell = asked.get(c);
                double v = f.predict(cell.model(), cell.benchmark());
                if (fitted != null) {
                    fitted[c][r] = (float) v;
                }
                row[c] = (float) (v + residualSd * full.st.sd[cell.benchmark()] * normal.sample());
            }
            predictive[r] = row;
        });
        if (rounds > 0 && rounds < 100) {
            warnings.add("intervals from " + rounds + " bootstrap rounds are rough; use 1000 or more");
        }
        String method = chosen.method() + "; interval: percentile bootstrap over models, " + rounds
                + " rounds, plus held-out residual";
        List<Prediction> out = new ArrayList<>(asked.size());
        Reach reach = Reach.of(full);
        int extrapolated = 0;
        double[] noise = new double[asked.size()];
        String intervalMethod = "percentile bootstrap over models, " + rounds + " rounds, plus held-out residual";
        // the draws are gathered cell by cell in tiles of TILE cells, so that each round's row is read a cache line at a time
        double[][] tile = new double[Math.min(TILE, asked.size())][rounds];
        for (int c = 0; c < asked.size(); c++) {
            Cell cell = asked.get(c);
            noise[c] = residualSd * full.st.sd[cell.benchmark()];
            int inTile = c % TILE;
            if (inTile == 0) {
                int end = Math.min(asked.size(), c + TILE);
                for (int k = 0; k < rounds; k++) {
                    float[] row = predictive[k];
                    for (int i = c; i < end; i++) {
                        tile[i - c][k] = row[i];
                    }
                }
            }
            double est = point.predict(cell.model(), cell.benchmark());
            Interval iv = rounds > 1 ? percentileInPlace(tile[inTile], s.level(), intervalMethod)
                    : new Interval(Double.NaN, Double.NaN, s.level(), "none: 0 rounds");
            int seen = full.byModel[cell.model()].length;
            String warning = seen < 3 ? "model '" + data.models().get(cell.model()) + "' has only " + seen
                    + " observed score" + (seen == 1 ? "" : "s") + ": its placement rests on very little" : null;
            if (reach.outside(cell.model(), cell.benchmark())) {
                extrapolated++;
                String e = EXTRAPOLATION + reach.describe(cell.model(), cell.benchmark());
                warning = warning == null ? e : warning + "; " + e;
            }
            out.add(new Prediction(data.models().get(cell.model()), data.benchmarks().get(cell.benchmark()), est, iv,
                    method, warning));
        }
        if (extrapolated > 0) {
            warnings.add(extrapolated + " of " + asked.size() + " predicted cells are extrapolations (the model's mean z-score lies"
                    + " outside the range of the models measured on that benchmark): their intervals are not trustworthy. The"
                    + " residual term is estimated on randomly hidden cells inside the range, and bootstrap over models does not"
                    + " see the extrapolation error; in the ObsScaling compute-threshold backtest (models above 8.4e22 FLOPs"
                    + " held out) such intervals covered about a third of the cells at a nominal 95%. Backtest this"
                    + " extrapolation (compute-threshold or newest holdout) to see the real error");
        }
        return new Result(s.method(), chosen.method(), selection, residualSd, validation, out, rounds, s.seed(), s.level(),
                warnings, new Draws(asked, fitted, noise));
    }

    /** The start of the per-cell warning of an extrapolated prediction. */
    static final String EXTRAPOLATION = "extrapolation: interval not trustworthy (";

    /**
     * Where each model sits relative to those measured on each benchmark: a model's level is its mean
     * z-score over its observed cells; a cell is an extrapolation when its model's level lies outside the
     * range of levels of the models observed on that benchmark (a new frontier model predicted on a
     * benchmark only weaker models were measured on, or the reverse).
     */
    record Reach(double[] level, double[] lowest, double[] highest) {

        static Reach of(Table t) {
            double[] level = new double[t.models];
            for (int m = 0; m < t.models; m++) {
                double sum = 0;
                for (int b : t.byModel[m]) {
                    sum += t.z[m][b];
                }
                level[m] = sum / t.byModel[m].length;
            }
            double[] lowest = new double[t.benchmarks];
            double[] highest = new double[t.benchmarks];
            for (int b = 0; b < t.benchmarks; b++) {
                lowest[b] = Double.POSITIVE_INFINITY;
                highest[b] = Double.NEGATIVE_INFINITY;
                for (int m : t.byBenchmark[b]) {
                    lowest[b] = Math.min(lowest[b], level[m]);
                    highest[b] = Math.max(highest[b], level[m]);
                }
            }
            return new Reach(level, lowest, highest);
        }

        boolean outside(int m, int b) {
            return level[m] > highest[b] || level[m] < lowest[b];
        }

        String describe(int m, int b) {
            return String.format(java.util.Locale.ROOT, "model level %.2f, models measured on this benchmark span %.2f to %.2f)",
                    level[m], lowest[b], highest[b]);
        }
    }

    /** The outcome of the held-out selection. */
    record Selection(Completer chosen, double residualSd, List<Candidate> candidates, int validationCells, List<String> warnings,
            Completer.Fitted chosenValidationFit) {
    }

    static Selection select(ScoreMatrix data, Table full, Settings s) {
        List<String> warnings = new ArrayList<>();

        // 1. held-out selection and residual sd
        boolean[][] hidden = validationMask(data, s.seed());
        int validation = 0;
        for (boolean[] r : hidden) {
            for (boolean h : r) {
                validation += h ? 1 : 0;
            }
        }
        List<Completer> grid = candidates(data, full, s);
        List<Candidate> selection = new ArrayList<>();
        Completer chosen = grid.get(0);
        Completer.Fitted chosenFit = null;
        double best = Double.NaN;
        if (validation > 0) {
            double[][] xv = data.toArray();
            for (int m = 0; m < xv.length; m++) {
                for (int b = 0; b < xv[m].length; b++) {
                    if (hidden[m][b]) {
                        xv[m][b] = Double.NaN;
                    }
                }
            }
            Table train = new Table(xv);
            double[] ones = ones(data.modelCount());
            for (Completer c : grid) {
                Completer.Fitted f = c.fit(train, ones, null);
                double rmse = heldOutRmse(data, hidden, full, f, validation);
                selection.add(new Candidate(c.method(), rmse));
                if (!(rmse >= best)) {
                    best = rmse;
                    chosen = c;
                    chosenFit = f;
                }
            }
            if (s.method() == Method.CAPABILITY_INDEX) {
                // second stage: the chosen index corrected by its nearest models' residuals, on the same validation cells
                NearestModels.Neighbours nb = NearestModels.neighbours(train);
                Completer baseline = chosen;
                Completer.Fitted baselineFit = chosenFit;
                for (int k : ResidualNeighbours.NEIGHBOURS) {
                    if (k >= data.modelCount()) {
                        continue;
                    }
                    for (double share : ResidualNeighbours.SHARES) {
                        Completer c = new ResidualNeighbours(baseline, k, share);
                        Completer.Fitted f = ResidualNeighbours.correct(baselineFit, train, nb, ones, k, share);
                        double rmse = heldOutRmse(data, hidden, full, f, validation);
                        selection.add(new Candidate(c.method(), rmse));
                        if (rmse < best) {
                            best = rmse;
                            chosen = c;
                            chosenFit = f;
                        }
                    }
                }
            }
            if (validation < 20) {
                warnings.add("the residual sd rests on only " + validation + " held-out cells: intervals are rough");
            }
        } else {
            warnings.add("the table is too small to hold out cells: the setting was not chosen by held-out error and"
                    + " the intervals carry no residual term (they understate the uncertainty)");
            best = 0;
        }
        double residualSd = best;

        return new Selection(chosen, residualSd, selection, validation, warnings, chosenFit);
    }

    /** Root-mean-square error of {@code f} over the hidden cells, each divided by its benchmark's sd. */
    private static double heldOutRmse(ScoreMatrix data, boolean[][] hidden, Table full, Completer.Fitted f, int validation) {
        double ss = 0;
        for (int m = 0; m < hidden.length; m++) {
            for (int b = 0; b < hidden[m].length; b++) {
                if (hidden[m][b]) {
                    double r = (data.score(m, b) - f.predict(m, b)) / full.st.sd[b];
                    ss += r * r;
                }
            }
        }
        return Math.sqrt(ss / validation);
    }

    static void validate(ScoreMatrix data, Settings s) {
        if (s.method() == null) {
            throw new InvalidInputException("method", "is required");
        }
        if (s.rounds() < 0 || s.rounds() > 100_000) {
            throw new InvalidInputException("rounds", "must be in [0, 100000], was " + s.rounds());
        }
        if (!(s.level() > 0 && s.level() < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1), was " + s.level());
        }
        int max = maxRank(data);
        if (s.rank() != null) {
            if (s.rank() < 1) {
                throw new InvalidInputException("rank", "must be at least 1, was " + s.rank());
            }
            if (s.rank() > max) {
                throw new InvalidInputException("rank", "rank " + s.rank() + " is larger than the data allows: at most "
                        + Math.max(0, max) + " for " + data.modelCount() + " models x " + data.benchmarkCount()
                        + " benchmarks with " + data.observedCount() + " observed cells");
            }
        }
        if (s.method() == Method.ALTERNATING_LEAST_SQUARES && max < 1 && s.rank() == null) {
            throw new InvalidInputException("scores", "too few observed cells (" + data.observedCount()
                    + ") for any low-rank fit of " + data.modelCount() + " models x " + data.benchmarkCount() + " benchmarks");
        }
        if (s.method() == Method.SOFT_IMPUTE && (long) data.modelCount() * data.benchmarkCount() > SOFT_IMPUTE_MAX_CELLS) {
            throw new InvalidInputException("method", "soft-impute takes a full SVD per iteration: at most " + SOFT_IMPUTE_MAX_CELLS
                    + " cells (this table has " + (long) data.modelCount() * data.benchmarkCount() + "); use als for larger tables");
        }
        if (s.lambda() != null && !(s.lambda() >= 0 && Double.isFinite(s.lambda()))) {
            throw new InvalidInputException("lambda", "must be finite and >= 0");
        }
        if (s.neighbours() != null && s.neighbours() < 1) {
            throw new InvalidInputException("neighbours", "must be at least 1");
        }
        if (s.modelFeatures() != null && s.modelFeatures().columns().length != data.modelCount()) {
            throw new InvalidInputException("modelFeatures", "has " + s.modelFeatures().columns().length + " rows for "
                    + data.modelCount() + " models");
        }
        if (s.benchmarkFeatures() != null && s.benchmarkFeatures().columns().length != data.benchmarkCount()) {
            throw new InvalidInputException("benchmarkFeatures", "has " + s.benchmarkFeatures().columns().length
                    + " rows for " + data.benchmarkCount() + " benchmarks");
        }
        if (s.floors() != null && s.floors().length != data.benchmarkCount()) {
            throw new InvalidInputException("floors", "has " + s.floors().length + " values for " + data.benchmarkCount()
                    + " benchmarks");
        }
    }

    static List<Completer> candidates(ScoreMatrix data, Table full, Settings s) {
        List<Completer> grid = new ArrayList<>();
        switch (s.method()) {
            case ALTERNATING_LEAST_SQUARES -> {
                ModelFeatures mf = s.modelFeatures() != null ? s.modelFeatures() : ModelFeatures.none(data.modelCount());
                ModelFeatures bf = s.benchmarkFeatures() != null ? s.benchmarkFeatures() : ModelFeatures.none(data.benchmarkCount());
                List<Integer> ranks = new ArrayList<>();
                if (s.rank() != null) {
                    ranks.add(s.rank());
                } else {
                    for (int r = 1; r <= Math.min(8, maxRank(data)); r++) {
                        ranks.add(r);
                    }
                }
                double[] lambdas = s.lambda() != null ? new double[] {s.lambda()} : new double[] {0.3, 1, 3, 10};
                for (int r : ranks) {
                    for (double l : lambdas) {
                        grid.add(new AlternatingLeastSquares(r, l, mf, bf, s.seed()));
                    }
                }
            }
            case SOFT_IMPUTE -> {
                if (s.lambda() != null) {
                    grid.add(new SoftImpute(s.lambda()));
                } else {
                    double top = SoftImpute.maxSingularValue(full);
                    for (double f : new double[] {0.5, 0.3, 0.2, 0.1, 0.05, 0.02}) {
                        grid.add(new SoftImpute(round3(f * top)));
                    }
                }
            }
            case NEAREST_MODELS -> {
                if (s.neighbours() != null) {
                    grid.add(new NearestModels(s.neighbours()));
                } else {
                    for (int k : new int[] {1, 3, 5, 10, 20}) {
                        if (k < data.modelCount()) {
                            grid.add(new NearestModels(k));
                        }
                    }
                }
            }
            case CAPABILITY_INDEX -> {
                // dimensions = 1 + specific factors; the priors and the dimension chosen by held-out error unless given
                int maxFactors = Math.max(0, Math.min(CAPABILITY_MAX_FACTORS, maxRank(data) - 1));
                if (s.rank() != null) {
                    maxFactors = s.rank() - 1;
                }
                for (int k = s.rank() != null ? s.rank() - 1 : 0; k <= maxFactors; k++) {
                    if (k == 0) {
                        for (double prior : s.lambda() != null ? new double[] {s.lambda()} : CAPABILITY_PRIORS) {
                            grid.add(new CapabilityModel(s.floors(), 0, prior, 0, s.seed()));
                        }
                    } else {
                        for (double prior : s.lambda() != null ? new double[] {s.lambda()} : FACTOR_PRIORS) {
                            grid.add(new CapabilityModel(s.floors(), k, CapabilityModel.CAPABILITY_PRIOR, prior, s.seed()));
                        }
                    }
                }
            }
        }
        return grid;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    static List<Cell> missingCells(ScoreMatrix data) {
        List<Cell> out = new ArrayList<>();
        for (int m = 0; m < data.modelCount(); m++) {
            for (int b = 0; b < data.benchmarkCount(); b++) {
                if (!data.isObserved(m, b)) {
                    out.add(new Cell(m, b));
                }
            }
        }
        return out;
    }

    /**
     * Hides about 10% of the observed cells, in a seeded random order, skipping any cell whose model or
     * benchmark would be left with fewer than two observed cells.
     */
    static boolean[][] validationMask(ScoreMatrix data, long seed) {
        return Masks.random(data, 0.1, RandomStreams.stream(seed, VALIDATION_STREAM), 2);
    }
}
