package io.augur.forecast.engine;

import io.augur.stats.Lbfgs;
import io.augur.stats.CancellationToken;
import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.Workers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits any {@link CurveForm}: global multi-start search (one projected L-BFGS run, {@link Lbfgs}, from
 * every starting point of the form's grid, best objective wins, ties to the earlier start), then a
 * nonparametric {@link Bootstrap} over observations for percentile intervals of every parameter
 * (Efron and Tibshirani 1993, ch. 13). Starts and bootstrap rounds run in parallel on the common
 * fork-join pool; each is independent and seeded by its index, so results do not depend on the
 * number of threads. Stateless and thread-safe; interrupting the calling thread cancels the fit with
 * a {@link java.util.concurrent.CancellationException}.
 */
public final class CurveFitter {

    private CurveFitter() {
    }

    /**
     * Largest share of failed or underdetermined resamples (fewer distinct points than parameters) for which
     * intervals are still given from the rest: such resamples arise only when the data barely outnumber the
     * parameters, and dropping more of them would condition the intervals on the lucky resamples.
     */
    static final double MAX_UNDERDETERMINED_SHARE = 0.1;

    /**
     * Largest share of all unusable rounds (also non-converged fits and fits run off to a bound, which a
     * weakly identified but well-sampled curve, say a nearly flat sigmoid, produces now and then) for which
     * intervals are still given from the rest; beyond it none are given.
     */
    static final double MAX_UNUSABLE_SHARE = 0.5;

    /** Local optimiser settings used for every start and bootstrap refit. */
    static final Lbfgs.Options OPTIONS = new Lbfgs.Options(2000, 1e-12, 1e-12, 10);
    /** Bootstrap refits start at the optimum, so a slightly looser tolerance suffices. */
    static final Lbfgs.Options BOOTSTRAP_OPTIONS = new Lbfgs.Options(2000, 1e-10, 1e-12, 10);

    /** One multi-start search result. */
    record Search(double[] theta, double objective, boolean converged, String status, int iterations, int starts) {
    }

    /** Fit the spec; validates the input first (throws {@link io.augur.stats.InvalidInputException}). */
    public static FitResult fit(FitSpec spec) {
        return fit(spec, DEFAULT_PLAN);
    }

    static FitResult fit(FitSpec spec, Plan plan) {
        Loss loss = spec.effectiveLoss();
        Inputs.validate(spec.form(), spec.points(), loss);
        CancellationToken cancel = Workers.current().token();
        CurveForm form = spec.form();
        Objective obj = objective(form, loss, spec.points());
        List<double[]> starts = spec.starts() != null ? spec.starts() : form.startingGrid(obj.features, obj.y);
        Search best = search(obj, starts, null, cancel, plan);
        List<String> warnings = new ArrayList<>();
        if (!best.converged()) {
            warnings.add("the best local search did not converge: " + best.status());
        }
        Bootstrap.Replicates boot = spec.bootstrapRounds() > 0 && Double.isFinite(best.objective())
                ? Bootstrap.replicates(obj, best.theta(), spec.bootstrapRounds(), spec.seed(), cancel)
                : new Bootstrap.Replicates(new double[0][], spec.bootstrapRounds(), 0, 0);
        double[][] reps = boot.kept();
        int failed = boot.failed();
        int degenerate = boot.degenerate();
        int rounds = spec.bootstrapRounds();
        if (rounds > 0 && (failed + boot.underdetermined() > MAX_UNDERDETERMINED_SHARE * rounds
                || failed + degenerate > MAX_UNUSABLE_SHARE * rounds)) {
            warnings.add(String.format(java.util.Locale.ROOT, "intervals withheld: %d of %d bootstrap resamples were degenerate "
                    + "(%d with too few distinct points for the %d parameters, the others without convergence or with a "
                    + "parameter run off to a bound) and %d failed; with %d points the bootstrap cannot be trusted",
                    degenerate, rounds, boot.underdetermined(), form.parameterNames().size(), failed, spec.points().size()));
            reps = new double[0][];
        } else if (failed + degenerate > 0) {
            warnings.add(degenerate + " degenerate (" + boot.underdetermined() + " with too few distinct points, the others "
                    + "without convergence or run off to a bound) and " + failed + " failed of " + rounds
                    + " bootstrap resamples were left out; intervals use the rest");
        }
        if (spec.bootstrapRounds() == 0) {
            warnings.add("no bootstrap rounds requested: estimates carry no interval");
        }
        String method = "percentile bootstrap, " + spec.bootstrapRounds() + " rounds (resampled observations), seed " + spec.seed();
        List<ParameterEstimate> params = new ArrayList<>();
        List<String> names = form.parameterNames();
        for (int j = 0; j < names.size(); j++) {
            final int jj = j;
            double[] col = new double[reps.length];
            for (int r = 0; r < reps.length; r++) {
                col[r] = reps[r][jj];
            }
            params.add(new ParameterEstimate(names.get(j), best.theta()[j], interval(col, spec.level(), method), false));
        }
        Map<String, Double> derived = form.derived(best.theta());
        if (!derived.isEmpty()) {
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (String k : derived.keySet()) {
                cols.put(k, new double[reps.length]);
            }
            for (int r = 0; r < reps.length; r++) {
                Map<String, Double> d = form.derived(reps[r]);
                final int rr = r;
                d.forEach((k, v) -> cols.get(k)[rr] = v);
            }
            derived.forEach((k, v) -> params.add(new ParameterEstimate(k, v, interval(cols.get(k), spec.level(), method), true)));
        }
        int dim = form.inputNames().size();
        double[] minIn = new double[dim];
        double[] maxIn = new double[dim];
        java.util.Arrays.fill(minIn, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(maxIn, Double.NEGATIVE_INFINITY);
        double minS = Double.POSITIVE_INFINITY;
        double maxS = Double.NEGATIVE_INFINITY;
        for (Observation o : spec.points()) {
            for (int j = 0; j < dim; j++) {
                minIn[j] = Math.min(minIn[j], o.x(j));
                maxIn[j] = Math.max(maxIn[j], o.x(j));
            }
            double s = form.scale(o.x());
            minS = Math.min(minS, s);
            maxS = Math.max(maxS, s);
        }
        return new FitResult(form, loss, params, best.theta(), best.objective(), obj.residuals(best.theta()),
                best.converged(), best.status(), best.starts(), best.iterations(), spec.bootstrapRounds(), failed, degenerate,
                spec.seed(), spec.level(), warnings, minS, maxS, minIn, maxIn, reps);
    }

    private static Interval interval(double[] col, double level, String method) {
        return col.length > 1 ? Quantiles.percentileInterval(col, level, method) : null;
    }

    static Objective objective(CurveForm form, Loss loss, List<Observation> points) {
        int n = points.size();
        double[][] f = new double[n][];
        double[] y = new double[n];
        double[] k = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            Observation o = points.get(i);
            f[i] = form.features(o.x());
            y[i] = o.y();
            k[i] = o.successes();
            t[i] = o.trials();
        }
        return new Objective(form, loss, f, y, k, t);
    }

    /** Iterations each start gets in the screening phase of a large grid. */
    static final int SCREEN_ITERATIONS = 3;
    /** First polishing round of the screened survivors. */
    static final Lbfgs.Options ROUGH = new Lbfgs.Options(2000, 1e-8, 1e-12, 10);

    /**
     * How a multi-start search spends its effort: starts up to {@code screenAbove} are all run to
     * convergence with {@code options}; above it, every start gets {@code screenIterations} L-BFGS
     * iterations, the best {@code max(keepMin, keepFraction * starts)} screened points are polished to a
     * relative tolerance of 1e-8, and the best {@code finalKeep} of those to {@code options}.
     */
    record Plan(int screenAbove, int screenIterations, int keepMin, double keepFraction, int finalKeep, Lbfgs.Options options) {
        /** Runs every start to convergence. */
        static Plan exhaustive(Lbfgs.Options o) {
            return new Plan(Integer.MAX_VALUE, 0, 0, 0, 0, o);
        }
    }

    /**
     * Default plan. Grids of up to 256 starts are run exhaustively. Larger grids (Chinchilla's 4,500) are
     * screened, because most starts fall into the same few basins (a screening multi-start in the spirit
     * of Rinnooy Kan and Timmer 1987): 3 iterations per start, the best max(16, 1%) polished to 1e-8,
     * the best 4 of those to full convergence. On Epoch's Chinchilla grid this reaches the same optimum
     * as full runs from all 4,500 starts (0.0010182740 both ways; the benchmark runs both) with about
     * 50 times less CPU.
     */
    static final Plan DEFAULT_PLAN = new Plan(256, SCREEN_ITERATIONS, 16, 0.01, 4, OPTIONS);

    /** Multi-start search with observation weights w (null = 1) under the default plan. */
    static Search search(Objective obj, List<double[]> starts, double[] w, CancellationToken cancel) {
        return search(obj, starts, w, cancel, DEFAULT_PLAN);
    }

    static Search search(Objective obj, List<double[]> starts, double[] w, CancellationToken cancel, Plan plan) {
        double[] lo = obj.form.lowerBounds();
        double[] hi = obj.form.upperBounds();
        int p = obj.parameters();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).length != p) {
                throw new io.augur.stats.InvalidInputException("starts[" + i + "]", "needs " + p + " values");
            }
        }
        Lbfgs.Function fn = (th, g) -> obj.evaluate(th, w, g);
        if (starts.size() <= plan.screenAbove() || plan.screenIterations() <= 0) {
            Lbfgs.Result[] results = run(fn, starts, lo, hi, plan.options(), cancel);
            return best(results, p, 0, starts.size());
        }
        Lbfgs.Options screenOptions = new Lbfgs.Options(plan.screenIterations(), 1e-6, 1e-12, 10);
        Lbfgs.Result[] screened = run(fn, starts, lo, hi, screenOptions, cancel);
        int iters = 0;
        for (Lbfgs.Result r : screened) {
            iters += r.iterations();
        }
        int keep = Math.max(plan.keepMin(), (int) (plan.keepFraction() * starts.size()));
        List<double[]> survivors = bestPoints(screened, keep);
        if (survivors.isEmpty()) {
            return best(screened, p, 0, starts.size());
        }
        if (survivors.size() > plan.finalKeep()) {
            Lbfgs.Result[] rough = run(fn, survivors, lo, hi, ROUGH, cancel);
            for (Lbfgs.Result r : rough) {
                iters += r.iterations();
            }
            survivors = bestPoints(rough, plan.finalKeep());
        }
        Lbfgs.Result[] polished = run(fn, survivors, lo, hi, plan.options(), cancel);
        return best(polished, p, iters, starts.size());
    }

    /** End points of the k best finite results, best first, ties to the earlier index. */
    private static List<double[]> bestPoints(Lbfgs.Result[] results, int k) {
        Integer[] order = new Integer[results.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(results[a].value(), results[b].value()); // +inf sorts last
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<double[]> out = new ArrayList<>(k);
        for (int j = 0; j < k && j < order.length && Double.isFinite(results[order[j]].value()); j++) {
            out.add(results[order[j]].x());
        }
        return out;
    }

    private static Lbfgs.Result[] run(Lbfgs.Function fn, List<double[]> starts, double[] lo, double[] hi,
            Lbfgs.Options opt, CancellationToken cancel) {
        Lbfgs.Result[] results = new Lbfgs.Result[starts.size()];
        Workers workers = starts.size() >= 16 ? Workers.current() : Workers.sequential(Workers.current().token());
        workers.forEach(starts.size(), i -> {
            cancel.check();
            results[i] = Lbfgs.minimize(fn, starts.get(i), lo, hi, opt, cancel);
        });
        return results;
    }

    private static Search best(Lbfgs.Result[] results, int p, int extraIterations, int starts) {
        int bestI = -1;
        int iters = extraIterations;
        for (int i = 0; i < results.length; i++) {
            iters += results[i].iterations();
            if (Double.isFinite(results[i].value()) && (bestI < 0 || results[i].value() < results[bestI].value())) {
                bestI = i;
            }
        }
        if (bestI < 0) {
            double[] nan = new double[p];
            java.util.Arrays.fill(nan, Double.NaN);
            return new Search(nan, Double.POSITIVE_INFINITY, false, "no starting point gave a finite objective", iters, starts);
        }
        Lbfgs.Result r = results[bestI];
        return new Search(r.x(), r.value(), r.converged(), r.status(), iters, starts);
    }
}
