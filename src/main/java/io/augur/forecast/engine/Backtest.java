package io.augur.forecast.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Backtest of a form by extrapolation: hold out the largest observations along the form's scale axis
 * ({@link CurveForm#scale}: compute 6ND for Chinchilla, x otherwise), fit the rest with the same spec
 * (loss, bootstrap rounds, seed) and score the held-out points: mean absolute error, mean relative error
 * |pred - obs| / |obs|, and the share of held-out points inside their bootstrap prediction interval.
 * Default holdout: the top order of magnitude of scale ({@link Holdout#topOrders(double)}); learning
 * curves usually use the last fraction ({@link Holdout#lastFraction(double)}). {@link #auto} backtests
 * every candidate form and picks the lowest held-out mean absolute error (ties: the earlier candidate).
 */
public final class Backtest {

    private Backtest() {
    }

    /** Which points to hold out: those with scale >= max / 10^orders, or the last fraction by scale. */
    public record Holdout(double ordersOfMagnitude, double lastFraction) {
        public static Holdout topOrders(double orders) {
            return new Holdout(orders, 0);
        }

        public static Holdout lastFraction(double fraction) {
            return new Holdout(0, fraction);
        }

        public static final Holdout DEFAULT = topOrders(1);
    }

    /**
     * One held-out observation and how the backtest fit predicted it; {@code covered} is null when the fit
     * has no trustworthy prediction interval there (none, not finite, or {@link #UNINFORMATIVE_WIDTH} times
     * wider than the training values' range).
     */
    public record HeldOutPoint(int index, List<Double> x, double observed, Prediction prediction, double absoluteError,
            double relativeError, Boolean covered) {
    }

    /**
     * A prediction interval wider than this many times the range of the training values says nothing about
     * the held-out point, so containing it is not counted as coverage.
     */
    static final double UNINFORMATIVE_WIDTH = 100;

    /**
     * Backtest of one form. {@code coverage} is the share of held-out points inside their prediction
     * interval among those with a trustworthy one (NaN when none has), {@code warnings} say why some or all
     * were not assessed.
     */
    public record Result(String form, int trainPoints, int heldOutPoints, double cutoffScale, double meanAbsoluteError,
            double meanRelativeError, double coverage, List<HeldOutPoint> heldOut, FitResult trainFit, List<String> warnings) {
        public Result {
            heldOut = List.copyOf(heldOut);
            warnings = List.copyOf(warnings);
        }
    }

    /** The outcome of {@code form = auto}: the chosen form's backtest and fit on all data, and every candidate. */
    public record Auto(String chosenForm, FitResult fit, List<Result> candidates, List<String> failures) {
        public Auto {
            candidates = List.copyOf(candidates);
            failures = List.copyOf(failures);
        }
    }

    public static Result run(FitSpec spec) {
        return run(spec, Holdout.DEFAULT);
    }

    public static Result run(FitSpec spec, Holdout holdout) {
        Inputs.validate(spec.form(), spec.points(), spec.effectiveLoss());
        CurveForm form = spec.form();
        List<Observation> pts = spec.points();
        int n = pts.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> form.scale(pts.get(i).x())));
        double maxScale = form.scale(pts.get(order[n - 1]).x());
        int firstHeld;
        double cutoff;
        if (holdout.lastFraction() > 0) {
            firstHeld = n - Math.max(1, (int) Math.round(holdout.lastFraction() * n));
            cutoff = form.scale(pts.get(order[firstHeld]).x());
        } else {
            cutoff = maxScale / Math.pow(10, holdout.ordersOfMagnitude());
            firstHeld = 0;
            while (firstHeld < n && form.scale(pts.get(order[firstHeld]).x()) < cutoff) {
                firstHeld++;
            }
        }
        int p = form.parameterNames().size();
        if (firstHeld < p) {
            throw new InvalidInputException("points", "the backtest leaves " + firstHeld + " points below the holdout cutoff "
                    + String.format("%.3g", cutoff) + ", fewer than the " + p + " parameters of " + form.name());
        }
        if (firstHeld >= n) {
            throw new InvalidInputException("points", "no point lies in the held-out range");
        }
        List<Observation> train = new ArrayList<>();
        for (int k = 0; k < firstHeld; k++) {
            train.add(pts.get(order[k]));
        }
        FitResult fit = CurveFitter.fit(spec.withPoints(train));
        List<HeldOutPoint> held = new ArrayList<>();
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Observation o : train) {
            yMin = Math.min(yMin, o.y());
            yMax = Math.max(yMax, o.y());
        }
        double widest = UNINFORMATIVE_WIDTH * Math.max(yMax - yMin, 1e-12 * Math.max(1, Math.abs(yMax)));
        double mae = 0;
        double mre = 0;
        int covered = 0;
        int assessed = 0;
        int uninformative = 0;
        for (int k = firstHeld; k < n; k++) {
            Observation o = pts.get(order[k]);
            Prediction pr = fit.predict(o.x());
            double err = Math.abs(pr.value() - o.y());
            double rel = err / Math.max(Math.abs(o.y()), 1e-12);
            io.augur.stats.Interval band = pr.prediction();
            Boolean in = null;
            if (band != null && Double.isFinite(band.lower()) && Double.isFinite(band.upper()) && band.width() <= widest) {
                in = band.contains(o.y());
                assessed++;
                covered += in ? 1 : 0;
            } else if (band != null) {
                uninformative++;
            }
            mae += err;
            mre += rel;
            held.add(new HeldOutPoint(order[k], pr.x(), o.y(), pr, err, rel, in));
        }
        int h = n - firstHeld;
        List<String> warnings = new ArrayList<>();
        if (uninformative > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "%d of %d held-out prediction intervals are wider than %.0f times the "
                    + "range of the training values (or not finite) and are not counted as coverage", uninformative, h,
                    UNINFORMATIVE_WIDTH));
        }
        if (assessed < h && fit.replicateCount() <= 1) {
            warnings.add("coverage not assessed: the training fit has no bootstrap intervals (see its warnings)");
        }
        return new Result(form.name(), firstHeld, h, cutoff, mae / h, mre / h, assessed > 0 ? (double) covered / assessed : Double.NaN,
                held, fit, warnings);
    }

    /** Backtest every candidate and fit the best one on all points. */
    public static Auto auto(FitSpec spec, List<? extends CurveForm> candidates, Holdout holdout) {
        if (candidates == null || candidates.isEmpty()) {
            throw new InvalidInputException("candidates", "at least one candidate form is required");
        }
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Result best = null;
        CurveForm bestForm = null;
        for (CurveForm f : candidates) {
            try {
                Result r = run(new FitSpec(f, spec.points(), spec.loss(), spec.bootstrapRounds(), spec.seed(), spec.level(), null), holdout);
                results.add(r);
                if (Double.isFinite(r.meanAbsoluteError()) && (best == null || r.meanAbsoluteError() < best.meanAbsoluteError())) {
                    best = r;
                    bestForm = f;
                }
            } catch (InvalidInputException e) {
                failures.add(f.name() + ": " + e.getMessage());
            }
        }
        if (best == null) {
            throw new InvalidInputException("candidates", "no candidate form could be backtested: " + failures);
        }
        FitResult fit = CurveFitter.fit(new FitSpec(bestForm, spec.points(), spec.loss(), spec.bootstrapRounds(), spec.seed(),
                spec.level(), null));
        return new Auto(bestForm.name(), fit, results, failures);
    }

}
