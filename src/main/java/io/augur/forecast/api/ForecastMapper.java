package io.augur.forecast.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.forecast.api.ForecastRequests.BacktestRequest;
import io.augur.forecast.api.ForecastRequests.ComputeOptimalRequest;
import io.augur.forecast.api.ForecastRequests.CurveRequest;
import io.augur.forecast.api.ForecastRequests.HoldoutInput;
import io.augur.forecast.api.ForecastRequests.InputAt;
import io.augur.forecast.api.ForecastRequests.LearningCurveRequest;
import io.augur.forecast.api.ForecastRequests.PointInput;
import io.augur.forecast.api.ForecastRequests.PredictRequest;
import io.augur.forecast.api.ForecastRequests.SelectionInput;
import io.augur.forecast.api.ForecastRequests.TargetRequest;
import io.augur.forecast.api.ForecastResponses.AutoOut;
import io.augur.forecast.api.ForecastResponses.BacktestOut;
import io.augur.forecast.api.ForecastResponses.BacktestResponse;
import io.augur.forecast.api.ForecastResponses.CandidateOut;
import io.augur.forecast.api.ForecastResponses.ComputeForLossOut;
import io.augur.forecast.api.ForecastResponses.ComputeOptimalResponse;
import io.augur.forecast.api.ForecastResponses.CurveFit;
import io.augur.forecast.api.ForecastResponses.DataOut;
import io.augur.forecast.api.ForecastResponses.FitResponse;
import io.augur.forecast.api.ForecastResponses.HeldOutOut;
import io.augur.forecast.api.ForecastResponses.IntervalOut;
import io.augur.forecast.api.ForecastResponses.LearningCurveResponse;
import io.augur.forecast.api.ForecastResponses.LossPredictionOut;
import io.augur.forecast.api.ForecastResponses.MemberOut;
import io.augur.forecast.api.ForecastResponses.ParameterOut;
import io.augur.forecast.api.ForecastResponses.PredictResponse;
import io.augur.forecast.api.ForecastResponses.PredictionOut;
import io.augur.forecast.api.ForecastResponses.TargetResponse;
import io.augur.forecast.api.ForecastResponses.ValueOut;
import io.augur.forecast.api.SelectionLoader.Selected;
import io.augur.forecast.api.SelectionLoader.StoredPoint;
import io.augur.forecast.engine.Backtest;
import io.augur.forecast.engine.Chinchilla;
import io.augur.forecast.engine.ComputeOptimal;
import io.augur.forecast.engine.CurveFitter;
import io.augur.forecast.engine.CurveForm;
import io.augur.forecast.engine.EnsembleForecast;
import io.augur.forecast.engine.FitPlot;
import io.augur.plot.engine.Figure;
import io.augur.forecast.engine.FitResult;
import io.augur.forecast.engine.FitSpec;
import io.augur.forecast.engine.LearningCurveEnsemble;
import io.augur.forecast.engine.LearningCurveForm;
import io.augur.forecast.engine.LearningCurveForms;
import io.augur.forecast.engine.LearningCurveSpec;
import io.augur.forecast.engine.Loss;
import io.augur.forecast.engine.Observation;
import io.augur.forecast.engine.ParameterEstimate;
import io.augur.forecast.engine.Prediction;
import io.augur.forecast.engine.SaturatingPowerLaw;
import io.augur.forecast.engine.Sigmoid;
import io.augur.forecast.engine.Targets;
import io.augur.forecast.engine.TwoStage;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps forecast requests to engine calls and engine results to responses. No maths: it only picks
 * the form, turns points (inline or stored) into observations, calls the engine, renames the engine's
 * field paths to the request's JSON paths and copies the results. Runs on the compute pool.
 */
final class ForecastMapper {

    private ForecastMapper() {
    }

    /** How the points of a request are read. */
    enum Kind { CHINCHILLA, ONE_INPUT, COUNTS, STAGE1, STAGE2, LEARNING }

    /**
     * Observations for the engine; {@code index[i]} is observation i's position in the request's points (or
     * the selection's points), {@code labels} names stored points (null for inline points) and {@code fields}
     * maps the engine's field names (N, D, y, trials) to the request's.
     */
    record DataSet(List<Observation> points, int[] index, String[] labels, Map<String, String> fields, DataOut data) {
    }

    /** A fitted request: one curve, two stages, or the auto choice. */
    record Fitted(String form, FitResult fit, TwoStage.Fit twoStage, Backtest.Auto auto, String holdout, DataSet data,
            boolean seedGiven) {
    }

    private static final Map<String, String> CHINCHILLA_FIELDS = Map.of("N", "n", "D", "d", "y", "loss");
    private static final Map<String, String> ONE_INPUT_FIELDS = Map.of("trials", "attempts");
    private static final Map<String, String> STAGE2_FIELDS = Map.of("x", "loss");
    private static final Pattern POINT = Pattern.compile("^points\\[(\\d+)\\](?:\\.(\\w+))?$");

    // ------------------------------------------------------------------ forms, losses, specs

    static String formList() {
        List<String> names = new ArrayList<>(List.of("power-law", "chinchilla", "sigmoid", "pass-counts", "two-stage", "auto"));
        LearningCurveForms.ALL.forEach(f -> names.add(f.name()));
        return String.join(", ", names);
    }

    /** A single curve form by its API name (not auto or two-stage). */
    static CurveForm curveForm(String name, CurveRequest r, Double chanceLevel, String field) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "power-law", "power_law" -> SaturatingPowerLaw.INSTANCE;
            case "chinchilla" -> Chinchilla.INSTANCE;
            case "sigmoid", "pass-counts" -> sigmoid(r, chanceLevel);
            default -> {
                LearningCurveForm f = LearningCurveForms.byName(n.replace('-', '_'));
                if (f == null) {
                    throw new InvalidInputException(field, "unknown form '" + name + "'; one of " + formList());
                }
                yield f;
            }
        };
    }

    static Sigmoid sigmoid(CurveRequest r, Double chanceLevel) {
        double floor = r.floor() != null ? r.floor() : chanceLevel != null ? chanceLevel : 0;
        if (Boolean.TRUE.equals(r.fitCeiling())) {
            if (r.ceiling() != null) {
                throw new InvalidInputException("ceiling", "give a fixed ceiling or fitCeiling = true, not both");
            }
            return Sigmoid.ofLogXWithCeiling(floor);
        }
        return Sigmoid.ofLogX(floor, r.ceiling() != null ? r.ceiling() : 1);
    }

    static Loss loss(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "huber" -> Loss.huberLog();
            case "least-squares" -> Loss.leastSquares();
            case "binomial" -> Loss.binomial();
            default -> throw new InvalidInputException("loss", "must be one of huber, least-squares, binomial");
        };
    }

    static FitSpec spec(CurveForm form, DataSet ds, CurveRequest r, Loss loss) {
        BootstrapSettings.Used b = BootstrapSettings.resolve(r.bootstrap(), 0, ForecastRequests.MAX_ROUNDS, "bootstrap.rounds");
        int rounds = b.rounds();
        long seed = b.seed();
        double level = b.level();
        List<double[]> starts = r.starts() == null ? null
                : r.starts().stream().map(s -> s.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        return engine(ds, () -> new FitSpec(form, ds.points(), loss, rounds, seed, level, starts));
    }

    // ------------------------------------------------------------------ points

    static DataSet data(CurveRequest r, Selected sel, Kind kind) {
        return sel != null ? selected(sel, r.selection(), kind) : inline(r.points(), kind);
    }

    static DataSet inline(List<PointInput> pts, Kind kind) {
        List<Observation> obs = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        boolean twoD = kind == Kind.CHINCHILLA || (kind == Kind.STAGE1 && !pts.isEmpty() && pts.get(0).n() != null);
        for (int i = 0; i < pts.size(); i++) {
            PointInput p = pts.get(i);
            String at = "points[" + i + "]";
            switch (kind) {
                case CHINCHILLA -> obs.add(Observation.of(require(p.loss(), at + ".loss", "chinchilla fits loss against n and d"),
                        require(p.n(), at + ".n", "chinchilla needs parameters n"), require(p.d(), at + ".d", "chinchilla needs tokens d")));
                case ONE_INPUT, COUNTS, LEARNING -> {
                    double x = require(p.x(), at + ".x", "every point needs its scale x");
                    boolean counts = p.successes() != null || p.attempts() != null;
                    if (kind == Kind.COUNTS && !counts) {
                        throw new InvalidInputException(at + ".successes", "pass-counts points need successes and attempts");
                    }
                    if (counts && kind == Kind.LEARNING) {
                        throw new InvalidInputException(at + ".successes", "learning curves take x and y, not counts");
                    }
                    if (counts) {
                        if (p.y() != null) {
                            throw new InvalidInputException(at + ".y", "give y or successes and attempts, not both");
                        }
                        obs.add(Observation.passCount(require(p.successes(), at + ".successes"),
                                require(p.attempts(), at + ".attempts"), x));
                    } else {
                        obs.add(Observation.of(require(p.y(), at + ".y", "every point needs its measured value y"), x));
                    }
                }
                case STAGE1 -> {
                    if (p.loss() == null) {
                        continue;
                    }
                    obs.add(twoD ? Observation.of(p.loss(), require(p.n(), at + ".n", "stage 1 is chinchilla (the first point has n)"),
                            require(p.d(), at + ".d", "stage 1 is chinchilla (the first point has n)"))
                            : Observation.of(p.loss(), require(p.x(), at + ".x", "stage 1 fits loss against x")));
                }
                case STAGE2 -> {
                    if (p.loss() == null || p.y() == null) {
                        continue;
                    }
                    obs.add(Observation.of(p.y(), p.loss()));
                }
            }
            index.add(i);
        }
        Map<String, String> fields = twoD ? CHINCHILLA_FIELDS : kind == Kind.STAGE2 ? STAGE2_FIELDS : ONE_INPUT_FIELDS;
        return new DataSet(obs, index.stream().mapToInt(Integer::intValue).toArray(), null, fields,
                new DataOut("inline", obs.size(), null, null, null, null));
    }

    private static double require(Double v, String field, String why) {
        if (v == null) {
            throw new InvalidInputException(field, "is required: " + why);
        }
        return v;
    }

    private static long require(Long v, String field) {
        if (v == null) {
            throw new InvalidInputException(field, "is required: successes and attempts go together");
        }
        return v;
    }

    /**
     * Stored evaluations to observations, ordered by their inputs; repeated evaluations at the same inputs are
     * averaged (counts summed).
     */
    static DataSet selected(Selected sel, SelectionInput s, Kind kind) {
        if (kind == Kind.STAGE1 || kind == Kind.STAGE2) {
            throw new InvalidInputException("selection", "two-stage takes inline points carrying both loss and score");
        }
        String axis = s.x() != null ? s.x() : "trainingCompute";
        Map<String, double[]> sums = new LinkedHashMap<>(); // key -> {x..., sum value, count, sum k, sum n}
        Map<String, List<String>> models = new LinkedHashMap<>();
        int skipped = 0;
        int dim = kind == Kind.CHINCHILLA ? 2 : 1;
        for (StoredPoint p : sel.rows()) {
            double[] x;
            if (kind == Kind.CHINCHILLA) {
                Double n = p.parameters() == null ? null : p.parameters().doubleValue();
                Double d = p.trainingTokens() != null ? p.trainingTokens()
                        : n != null && p.trainingCompute() != null ? p.trainingCompute() / (6 * n) : null;
                x = n == null || d == null ? null : new double[] {n, d};
            } else {
                Double v = switch (axis) {
                    case "parameters" -> p.parameters() == null ? null : p.parameters().doubleValue();
                    case "trainingTokens" -> p.trainingTokens();
                    case "step" -> p.step() == null ? null : p.step().doubleValue();
                    default -> p.trainingCompute();
                };
                x = v == null ? null : new double[] {v};
            }
            boolean counts = kind == Kind.COUNTS;
            if (x == null || (counts && (p.successes() == null || p.attempts() == null))) {
                skipped++;
                continue;
            }
            String key = Arrays.toString(x);
            double[] acc = sums.computeIfAbsent(key, k -> Arrays.copyOf(x, dim + 4));
            acc[dim] += p.value();
            acc[dim + 1] += 1;
            if (counts) {
                acc[dim + 2] += p.successes();
                acc[dim + 3] += p.attempts();
            }
            List<String> names = models.computeIfAbsent(key, k -> new ArrayList<>());
            if (!names.contains(p.model())) {
                names.add(p.model());
            }
        }
        List<String> notes = new ArrayList<>();
        if (skipped > 0) {
            notes.add(skipped + " evaluation(s) skipped: their model lacks " + (kind == Kind.CHINCHILLA
                    ? "parameters or training tokens (or compute)" : axis) + (kind == Kind.COUNTS ? ", or they carry no successes and attempts" : ""));
        }
        if (sums.isEmpty()) {
            throw new InvalidInputException("selection", "no stored evaluation of benchmark " + sel.benchmark() + ", metric "
                    + sel.metric() + " matches" + (skipped > 0 ? " with usable inputs (" + notes.getFirst() + ")" : ""));
        }
        List<Observation> obs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int averaged = 0;
        // canonical order: by the inputs (the rows arrive in the store's canonical order), so the fit and its
        // bootstrap do not depend on the order in which the evaluations were imported
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort((p, q) -> Arrays.compare(p.getValue(), 0, dim, q.getValue(), 0, dim));
        for (Map.Entry<String, double[]> e : entries) {
            double[] a = e.getValue();
            double[] x = Arrays.copyOf(a, dim);
            int count = (int) a[dim + 1];
            averaged += count > 1 ? count : 0;
            obs.add(kind == Kind.COUNTS ? Observation.passCount((long) a[dim + 2], (long) a[dim + 3], x)
                    : Observation.of(a[dim] / count, x));
            List<String> names = models.get(e.getKey());
            labels.add("model " + String.join(", ", names.subList(0, Math.min(3, names.size())))
                    + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "") + " at " + e.getKey());
        }
        if (averaged > 0) {
            notes.add(averaged + " evaluations at repeated inputs were averaged" + (kind == Kind.COUNTS ? " (counts summed)" : ""));
        }
        int[] index = new int[obs.size()];
        Arrays.setAll(index, i -> i);
        return new DataSet(obs, index, labels.toArray(new String[0]),
                kind == Kind.CHINCHILLA ? CHINCHILLA_FIELDS : ONE_INPUT_FIELDS,
                new DataOut("selection", obs.size(), sel.benchmark(), sel.metric(), sel.chanceLevel(), notes));
    }

    // ------------------------------------------------------------------ engine calls with field renaming

    static <T> T engine(DataSet ds, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw translate(e, ds);
        }
    }

    /** The engine's field path (points[3].N, level) in the request's terms (points[5].n, bootstrap.level). */
    static InvalidInputException translate(InvalidInputException e, DataSet ds) {
        String f = e.field();
        Matcher m = POINT.matcher(f);
        if (ds != null && m.matches()) {
            int i = Integer.parseInt(m.group(1));
            int original = i < ds.index().length ? ds.index()[i] : i;
            String sub = m.group(2) == null ? null : ds.fields().getOrDefault(m.group(2), m.group(2));
            if (ds.labels() != null) {
                String label = i < ds.labels().length ? ds.labels()[i] : "point " + i;
                return new InvalidInputException("selection", "stored point " + i + " (" + label + ")"
                        + (sub == null ? "" : " " + sub) + ": " + e.reason());
            }
            return new InvalidInputException("points[" + original + "]" + (sub == null ? "" : "." + sub), e.reason());
        }
        if (f.equals("points") && ds != null && ds.labels() != null) {
            return new InvalidInputException("selection", e.reason());
        }
        if (f.equals("level")) {
            return new InvalidInputException("bootstrap.level", e.reason());
        }
        return e;
    }

    // ------------------------------------------------------------------ fitting

    static Fitted fit(CurveRequest r, Selected sel, HoldoutInput holdout) {
        String form = r.form().strip().toLowerCase(Locale.ROOT);
        Double chance = sel != null ? sel.chanceLevel() : null;
        switch (form) {
            case "two-stage" -> {
                if (sel != null) {
                    throw new InvalidInputException("selection", "two-stage takes inline points carrying both loss and score");
                }
                DataSet s1 = inline(r.points(), Kind.STAGE1);
                DataSet s2 = inline(r.points(), Kind.STAGE2);
                CurveForm f1 = s1.fields() == CHINCHILLA_FIELDS ? Chinchilla.INSTANCE : SaturatingPowerLaw.INSTANCE;
                Sigmoid f2 = engine(s2, () -> Sigmoid.ofX(r.floor() != null ? r.floor() : 0, r.ceiling() != null ? r.ceiling() : 1));
                FitSpec sp1 = spec(f1, s1, r, loss(r.loss()));
                FitSpec sp2 = spec(f2, s2, r, null);
                FitResult a = engine(s1, () -> CurveFitter.fit(sp1));
                FitResult b = engine(s2, () -> CurveFitter.fit(sp2));
                return new Fitted(form, a, new TwoStage.Fit(a, b), null, null, s1, seedGiven(r));
            }
            case "auto" -> {
                boolean twoD = sel == null && r.points() != null && !r.points().isEmpty() && r.points().get(0).n() != null;
                boolean counts = sel == null && r.points() != null && !r.points().isEmpty()
                        && r.points().get(0).successes() != null;
                DataSet ds = data(r, sel, twoD ? Kind.CHINCHILLA : counts ? Kind.COUNTS : Kind.ONE_INPUT);
                List<CurveForm> candidates = candidates(r, ds, chance, twoD, counts);
                Backtest.Holdout h = holdout(holdout, ds, candidates.getFirst(), false);
                FitSpec spec = spec(candidates.getFirst(), ds, r, counts ? Loss.binomial() : loss(r.loss()));
                Backtest.Auto auto = engine(ds, () -> Backtest.auto(spec, candidates, h));
                return new Fitted(form, auto.fit(), null, auto, describe(h), ds, seedGiven(r));
            }
            default -> {
                CurveForm f = curveForm(form, r, chance, "form");
                boolean passCounts = form.equals("pass-counts");
                Kind kind = f instanceof Chinchilla ? Kind.CHINCHILLA : passCounts ? Kind.COUNTS : Kind.ONE_INPUT;
                DataSet ds = data(r, sel, kind);
                FitSpec spec = spec(f, ds, r, passCounts ? Loss.binomial() : loss(r.loss()));
                FitResult result = engine(ds, () -> CurveFitter.fit(spec));
                return new Fitted(form, result, null, null, null, ds, seedGiven(r));
            }
        }
    }

    static List<CurveForm> candidates(CurveRequest r, DataSet ds, Double chance, boolean twoD, boolean counts) {
        List<CurveForm> out = new ArrayList<>();
        if (r.candidates() != null && !r.candidates().isEmpty()) {
            for (int i = 0; i < r.candidates().size(); i++) {
                String c = r.candidates().get(i).strip().toLowerCase(Locale.ROOT);
                if (c.equals("auto") || c.equals("two-stage")) {
                    throw new InvalidInputException("candidates[" + i + "]", "auto chooses among single curve forms, not " + c);
                }
                out.add(curveForm(c, r, chance, "candidates[" + i + "]"));
            }
            return out;
        }
        if (twoD) {
            return List.of(Chinchilla.INSTANCE);
        }
        if (counts) {
            return List.of(sigmoid(r, chance));
        }
        out.add(SaturatingPowerLaw.INSTANCE);
        boolean unit = ds.points().stream().allMatch(o -> o.y() >= 0 && o.y() <= 1);
        if (unit) {
            out.add(sigmoid(r, chance));
            out.addAll(LearningCurveForms.ALL);
        }
        return out;
    }

    /** The requested holdout, or the default: the top order of magnitude when the data span two, else the last 20%. */
    static Backtest.Holdout holdout(HoldoutInput h, DataSet ds, CurveForm form, boolean learningCurve) {
        if (h != null && h.ordersOfMagnitude() != null && h.lastFraction() != null) {
            throw new InvalidInputException("holdout", "give ordersOfMagnitude or lastFraction, not both");
        }
        if (h != null && h.ordersOfMagnitude() != null) {
            return Backtest.Holdout.topOrders(h.ordersOfMagnitude());
        }
        if (h != null && h.lastFraction() != null) {
            return Backtest.Holdout.lastFraction(h.lastFraction());
        }
        if (learningCurve) {
            return Backtest.Holdout.lastFraction(0.2);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Observation o : ds.points()) {
            double s = form.scale(o.x());
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        return lo > 0 && hi >= 100 * lo ? Backtest.Holdout.DEFAULT : Backtest.Holdout.lastFraction(0.2);
    }

    static String describe(Backtest.Holdout h) {
        return h.lastFraction() > 0 ? "the last " + Math.round(100 * h.lastFraction()) + "% of points by scale"
                : "the top " + h.ordersOfMagnitude() + " order(s) of magnitude of scale";
    }

    // ------------------------------------------------------------------ endpoints

    static FitResponse fitResponse(Fitted f) {
        if (f.twoStage() != null) {
            return new FitResponse(f.form(), curveFit(f.twoStage().scaleToLoss(), f.seedGiven()), curveFit(f.twoStage().lossToScore(), f.seedGiven()),
                    null, f.data().data());
        }
        AutoOut auto = null;
        if (f.auto() != null) {
            auto = new AutoOut(apiName(f.auto().fit().form()), f.holdout(),
                    f.auto().candidates().stream().map(c -> new CandidateOut(c.form().replace("power_law", "power-law")
                            .replace("sigmoid_log", "sigmoid"), c.trainPoints(), c.heldOutPoints(),
                            num(c.cutoffScale()), num(c.meanAbsoluteError()), num(c.meanRelativeError()), num(c.coverage())))
                            .toList(), f.auto().failures());
        }
        return new FitResponse(f.form(), curveFit(f.fit(), f.seedGiven()), null, auto, f.data().data());
    }

    static PredictResponse predict(PredictRequest r, Selected sel) {
        Fitted f = fit(r, sel, null);
        List<PredictionOut> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < r.at().size(); i++) {
            InputAt at = r.at().get(i);
            String field = "at[" + i + "]";
            if (f.twoStage() != null) {
                double[] x = inputs(at, field, f.twoStage().scaleToLoss().form());
                TwoStage.Result res = at(field, () -> f.twoStage().predict(x));
                Prediction l = res.loss();
                out.add(new PredictionOut(at, num(res.score()), interval(res.scoreInterval()), null,
                        new LossPredictionOut(num(l.value()), interval(l.confidence()), interval(l.prediction())), res.warnings()));
                res.warnings().forEach(w -> warnings.add(field + ": " + w));
            } else {
                double[] x = inputs(at, field, f.fit().form());
                Prediction p = at(field, () -> f.fit().predict(x));
                out.add(new PredictionOut(at, num(p.value()), interval(p.confidence()), interval(p.prediction()), null,
                        p.warnings()));
                p.warnings().forEach(w -> warnings.add(field + ": " + w));
            }
        }
        return new PredictResponse(fitResponse(f), out, warnings);
    }

    private static double[] inputs(InputAt at, String field, CurveForm form) {
        if (form.inputNames().size() == 2) {
            return new double[] {require(at.n(), field + ".n", "chinchilla predicts at n and d"),
                    require(at.d(), field + ".d", "chinchilla predicts at n and d")};
        }
        return new double[] {require(at.x(), field + ".x", "the curve predicts at x")};
    }

    /** Runs a prediction, naming the input field at[i].n / at[i].x on bad input. */
    private static <T> T at(String field, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            String sub = e.field().startsWith("x.") ? e.field().substring(2) : null;
            sub = sub == null ? null : sub.equals("N") ? "n" : sub.equals("D") ? "d" : sub;
            throw new InvalidInputException(field + (sub == null ? "" : "." + sub), e.reason());
        }
    }

    static BacktestResponse backtest(BacktestRequest r, Selected sel) {
        String form = r.form().strip().toLowerCase(Locale.ROOT);
        if (form.equals("two-stage")) {
            throw new InvalidInputException("form", "two-stage cannot be backtested as one curve; backtest its stages "
                    + "(power-law or chinchilla for loss, sigmoid for score) separately");
        }
        if (form.equals("auto")) {
            Fitted f = fit(r, sel, r.holdout());
            return new BacktestResponse(form, apiName(f.auto().fit().form()), f.holdout(),
                    f.auto().candidates().stream().map(c -> backtestOut(c, f.data(), f.seedGiven())).toList(), f.auto().failures(),
                    curveFit(f.fit(), f.seedGiven()), f.data().data());
        }
        SingleBacktest b = singleBacktest(form, r, sel);
        return new BacktestResponse(form, null, describe(b.holdout()), List.of(backtestOut(b.result(), b.data(), seedGiven(r))),
                List.of(), null, b.data().data());
    }

    /** A backtest of one named form: its data, holdout and result. */
    record SingleBacktest(CurveForm form, DataSet data, Backtest.Holdout holdout, Backtest.Result result) {
    }

    static SingleBacktest singleBacktest(String form, BacktestRequest r, Selected sel) {
        CurveForm cf = curveForm(form, r, sel != null ? sel.chanceLevel() : null, "form");
        boolean passCounts = form.equals("pass-counts");
        DataSet ds = data(r, sel, cf instanceof Chinchilla ? Kind.CHINCHILLA : passCounts ? Kind.COUNTS : Kind.ONE_INPUT);
        Backtest.Holdout h = holdout(r.holdout(), ds, cf, cf instanceof LearningCurveForm);
        FitSpec spec = spec(cf, ds, r, passCounts ? Loss.binomial() : loss(r.loss()));
        return new SingleBacktest(cf, ds, h, engine(ds, () -> Backtest.run(spec, h)));
    }

    // ------------------------------------------------------------------ plot

    /**
     * SVG of a fit (engine's FitPlot): without a holdout, the fit on all points; with one, the fit on
     * the kept points with the held-out points (the largest along the scale axis) marked.
     */
    static Figure plot(BacktestRequest r, Selected sel) {
        String form = r.form().strip().toLowerCase(Locale.ROOT);
        if (form.equals("two-stage")) {
            throw new InvalidInputException("form", "the plot draws one curve; two-stage has two (plot each stage)");
        }
        FitPlot.Labels labels = plotLabels(r);
        if (r.holdout() == null || form.equals("auto")) {
            Fitted f = fit(r, sel, r.holdout());
            return figure(f.fit(), f.data().points(), List.of(), apiName(f.fit().form()) + " fit", labels);
        }
        SingleBacktest b = singleBacktest(form, r, sel);
        List<Observation> byScale = new ArrayList<>(b.data().points());
        byScale.sort(Comparator.comparingDouble(o -> b.form().scale(o.x())));
        int kept = b.result().trainPoints();
        return figure(b.result().trainFit(), byScale.subList(0, kept), byScale.subList(kept, byScale.size()),
                apiName(b.form()) + " backtest: " + describe(b.holdout()), labels);
    }

    /** The fit plot: FitPlot's SVG, and the same curve, band and points as Vega-Lite. */
    private static Figure figure(FitResult fit, List<Observation> points, List<Observation> heldOut, String title, FitPlot.Labels labels) {
        String svg = FitPlot.render(fit, points, heldOut, Double.NaN, title, labels);
        return new Figure() {
            @Override
            public String svg() {
                return svg;
            }

            @Override
            public Map<String, Object> vegaLite() {
                return ForecastPlots.fit(title, fit, points, heldOut, labels).vegaLite();
            }
        };
    }

    /** Axis labels: given, else the selection's x quantity and metric (or benchmark), else x and y. */
    static FitPlot.Labels plotLabels(BacktestRequest r) {
        String x = r.plot() != null ? r.plot().xLabel() : null;
        String y = r.plot() != null ? r.plot().yLabel() : null;
        if (r.selection() != null) {
            if (x == null) {
                x = switch (r.selection().x() == null ? "trainingCompute" : r.selection().x()) {
                    case "parameters" -> "parameters";
                    case "trainingTokens" -> "training tokens";
                    case "step" -> "step";
                    default -> "training compute (FLOP)";
                };
            }
            if (y == null) {
                y = r.selection().benchmark() + (r.selection().metric() != null ? " " + r.selection().metric() : "");
            }
        }
        return new FitPlot.Labels(x, y, r.plot() != null && Boolean.TRUE.equals(r.plot().logY()));
    }

    private static BacktestOut backtestOut(Backtest.Result r, DataSet ds, boolean seedGiven) {
        List<HeldOutOut> held = r.heldOut().stream().map(h -> new HeldOutOut(
                h.index() < ds.index().length ? ds.index()[h.index()] : h.index(), h.x(), num(h.observed()),
                num(h.prediction().value()), interval(h.prediction().prediction()), num(h.absoluteError()),
                num(h.relativeError()), h.covered())).toList();
        return new BacktestOut(apiName(r.trainFit().form()), r.trainPoints(), r.heldOutPoints(), num(r.cutoffScale()),
                num(r.meanAbsoluteError()), num(r.meanRelativeError()), num(r.coverage()), held, curveFit(r.trainFit(), seedGiven),
                r.warnings());
    }

    static TargetResponse target(TargetRequest r, Selected sel) {
        Fitted f = fit(r, sel, null);
        if (f.twoStage() != null) {
            throw new InvalidInputException("form", "target needs one curve (a one-input form or chinchilla), not two-stage");
        }
        FitResult fit = f.fit();
        if (fit.form() instanceof Chinchilla) {
            ComputeOptimal.ComputeForLoss c = engine(f.data(), () -> ComputeOptimal.computeForLoss(fit, r.target()));
            return new TargetResponse(fitResponse(f), r.target(), "compute C = 6ND along the compute-optimal frontier",
                    new ValueOut(num(c.compute()), interval(c.computeInterval())), num(c.fractionReachable()), c.warnings());
        }
        Targets.XForTarget t = engine(f.data(), () -> Targets.xForTarget(fit, r.target()));
        return new TargetResponse(fitResponse(f), r.target(), "x", new ValueOut(num(t.x()), interval(t.interval())),
                num(t.fractionReachable()), t.warnings());
    }

    static ComputeOptimalResponse computeOptimal(ComputeOptimalRequest r, Selected sel) {
        Fitted f = fit(r, sel, null);
        FitResult fit = f.fit();
        ComputeOptimal.Allocation a = engine(f.data(), () -> ComputeOptimal.of(fit, r.compute()));
        ComputeForLossOut forLoss = null;
        List<String> warnings = new ArrayList<>(a.warnings());
        if (r.targetLoss() != null) {
            ComputeOptimal.ComputeForLoss c = engine(f.data(), () -> ComputeOptimal.computeForLoss(fit, r.targetLoss()));
            forLoss = new ComputeForLossOut(r.targetLoss(), new ValueOut(num(c.compute()), interval(c.computeInterval())),
                    num(c.fractionReachable()), c.warnings());
            warnings.addAll(c.warnings());
        }
        return new ComputeOptimalResponse(curveFit(fit, f.seedGiven()), a.compute(),
                new ValueOut(num(a.parameters()), interval(a.parametersInterval())),
                new ValueOut(num(a.tokens()), interval(a.tokensInterval())),
                new ValueOut(num(a.tokensPerParameter()), interval(a.tokensPerParameterInterval())),
                new ValueOut(num(a.loss()), interval(a.lossInterval())), forLoss, warnings, f.data().data());
    }

    static LearningCurveResponse learningCurve(LearningCurveRequest r) {
        DataSet ds = inline(r.points(), Kind.LEARNING);
        List<LearningCurveForm> forms = null;
        if (r.forms() != null) {
            forms = new ArrayList<>();
            for (int i = 0; i < r.forms().size(); i++) {
                LearningCurveForm f = LearningCurveForms.byName(r.forms().get(i).strip().replace('-', '_'));
                if (f == null) {
                    throw new InvalidInputException("forms[" + i + "]", "unknown learning-curve family '" + r.forms().get(i)
                            + "'; one of " + String.join(", ", LearningCurveForms.ALL.stream().map(LearningCurveForm::name).toList()));
                }
                forms.add(f);
            }
        }
        List<LearningCurveForm> chosen = forms;
        double[] bounds = metricBounds(r);
        LearningCurveSpec spec = engine(ds, () -> new LearningCurveSpec(ds.points(), r.horizon(),
                Boolean.TRUE.equals(r.lowerIsBetter()), r.threshold(), chosen,
                r.holdoutFraction() != null ? r.holdoutFraction() : 0.2, r.level() != null ? r.level() : 0.95,
                bounds[0], bounds[1]));
        EnsembleForecast e = engine(ds, () -> LearningCurveEnsemble.forecast(spec));
        Double above = e.probabilityAbove();
        return new LearningCurveResponse(e.horizon(), num(e.value()), interval(e.interval()), e.threshold(),
                above == null ? null : num(above), above == null ? null : num(1 - above), num(e.lastValue()), e.weighting(),
                e.members().stream().map(m -> new MemberOut(m.form(), num(m.weight()), num(m.prediction()),
                        num(m.heldOutMse()), num(m.sd()), m.converged(), m.excludedBecause())).toList(),
                e.warnings());
    }

    /** The metric's bounds: given, else [0, 100] for a metric named as a percentage, else [0, 1]. */
    static double[] metricBounds(LearningCurveRequest r) {
        if (r.bounds() != null) {
            if (!(r.bounds().lower() < r.bounds().upper())) {
                throw new InvalidInputException("bounds", "lower must be below upper, were [" + r.bounds().lower() + ", "
                        + r.bounds().upper() + "]");
            }
            return new double[] {r.bounds().lower(), r.bounds().upper()};
        }
        String metric = r.metric() == null ? "" : r.metric().toLowerCase(java.util.Locale.ROOT);
        if (metric.contains("%") || metric.contains("percent")) {
            return new double[] {0, 100};
        }
        return new double[] {0, 1};
    }

    // ------------------------------------------------------------------ copying results

    static String apiName(CurveForm f) {
        return switch (f.name()) {
            case "power_law" -> "power-law";
            case "sigmoid_log" -> "sigmoid";
            case "sigmoid" -> "sigmoid-of-loss";
            default -> f.name();
        };
    }

    /** True when the request chose the bootstrap seed (the report says request rather than default). */
    static boolean seedGiven(CurveRequest r) {
        return r.bootstrap() != null && r.bootstrap().seed() != null;
    }

    static CurveFit curveFit(FitResult f, boolean seedGiven) {
        List<String> inputs = f.form().inputNames().size() == 2 ? List.of("n", "d")
                : f.form() instanceof Sigmoid s && !s.requiresPositiveX() ? List.of("loss") : f.form().inputNames();
        List<ParameterOut> params = new ArrayList<>();
        for (ParameterEstimate p : f.parameters()) {
            params.add(new ParameterOut(p.name(), num(p.estimate()), interval(p.interval()), p.derived()));
        }
        List<Double> residuals = new ArrayList<>(f.residuals().length);
        for (double r : f.residuals()) {
            residuals.add(num(r));
        }
        return new CurveFit(apiName(f.form()), inputs, f.loss().describe(), params, num(f.objective()), residuals,
                f.converged(), f.status(), f.starts(), f.iterations(),
                new BootstrapSettings.Used(f.bootstrapRounds(), f.seed(), f.level(), seedGiven).report(f.intervalMethod(), f.failedRounds(),
                        f.degenerateRounds()),
                f.warnings());
    }

    static IntervalOut interval(Interval i) {
        if (i == null) {
            return null;
        }
        boolean open = !Double.isFinite(i.lower()) || !Double.isFinite(i.upper());
        return new IntervalOut(num(i.lower()), num(i.upper()), i.level(),
                open && !i.method().contains("infinite") ? i.method() + "; a null end is unbounded" : i.method());
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
