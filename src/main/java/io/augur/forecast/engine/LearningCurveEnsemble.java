package io.augur.forecast.engine;

import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Weighted ensemble of learning-curve families (Domhan et al. 2015 families, {@link LearningCurveForms}).
 *
 * <p>Weighting: inverse mean squared error on a held-out suffix (Bates and Granger 1969 forecast
 * combination). Each family is fitted to the first (1 - f) of the observed curve and scored on the
 * last f (default 20%): exactly the task at hand (extrapolating to later epochs), cheap (no MCMC as in
 * Domhan et al.), and robust with few epochs, where a Bayesian model average of 11 nearly-flat
 * likelihoods collapses onto whichever family overfits most. The families are then refitted to the
 * whole curve and forecast at the horizon. Families whose forecast is not finite or leaves [0, 1] are
 * excluded.
 *
 * <p>Predictive distribution: a mixture of normals, member k centred on its forecast with variance
 * s_k^2 = (residual variance of its full fit) + (held-out MSE) * max(1, distance to horizon / held-out
 * span), a heuristic that grows the extrapolation error with distance. The interval is the mixture's
 * central quantiles, P(value > threshold) its tail mass. Deterministic (no random numbers). Stateless.
 */
public final class LearningCurveEnsemble {

    private LearningCurveEnsemble() {
    }

    /**
     * Learning-curve fits screen their few (2 to 12) starts with 3 iterations and polish the best 3 to a
     * relative tolerance of 1e-10: forecasts need far fewer digits than the Chinchilla reference, and
     * this keeps one 11-family forecast within milliseconds.
     */
    static final CurveFitter.Plan PLAN = new CurveFitter.Plan(3, 3, 3, 0, 3, new Lbfgs.Options(500, 1e-10, 1e-12, 10));

    public static final String WEIGHTING = "inverse held-out-suffix MSE (Bates-Granger)";

    public static EnsembleForecast forecast(LearningCurveSpec spec) {
        List<Observation> pts = new ArrayList<>(spec.points());
        validate(spec);
        pts.sort(Comparator.comparingDouble(o -> o.x(0)));
        int n = pts.size();
        int h = Math.max(1, (int) Math.round(spec.holdoutFraction() * n));
        List<Observation> acc = new ArrayList<>(n);
        for (Observation o : pts) {
            acc.add(Observation.of(spec.lowerIsBetter() ? 1 - o.y() : o.y(), o.x(0)));
        }
        List<Observation> prefix = acc.subList(0, n - h);
        List<Observation> suffix = acc.subList(n - h, n);
        double span = acc.get(n - 1).x(0) - acc.get(n - h - 1).x(0);
        double distance = Math.max(1, (spec.horizon() - acc.get(n - 1).x(0)) / Math.max(1e-12, span));
        double lastValue = pts.get(n - 1).y();

        List<EnsembleForecast.Member> members = new ArrayList<>();
        List<double[]> used = new ArrayList<>(); // mean, sd, raw weight (in accuracy space)
        Cancellation cancel = Cancellation.ofCurrentThread();
        for (LearningCurveForm form : spec.forms()) {
            cancel.check();
            int p = form.parameterNames().size();
            if (prefix.size() < p) {
                members.add(new EnsembleForecast.Member(form.name(), 0, Double.NaN, Double.NaN, Double.NaN, false,
                        "needs at least " + p + " points before the held-out suffix"));
                continue;
            }
            FitResult early = CurveFitter.fit(new FitSpec(form, prefix, Loss.leastSquares(), 0, 0, 0.95, null), PLAN);
            double mse = 0;
            for (Observation o : suffix) {
                double d = early.value(o.x(0)) - o.y();
                mse += d * d / suffix.size();
            }
            FitResult full = CurveFitter.fit(new FitSpec(form, acc, Loss.leastSquares(), 0, 0, 0.95, null), PLAN);
            double mean = full.value(spec.horizon());
            double sse = 0;
            for (double r : full.residuals()) {
                sse += r * r;
            }
            double resVar = n > p ? sse / (n - p) : mse;
            double sd = Math.sqrt(resVar + mse * distance);
            double shown = spec.lowerIsBetter() ? 1 - mean : mean;
            String excluded = null;
            if (!Double.isFinite(mean) || !Double.isFinite(mse)) {
                excluded = "forecast or held-out error is not finite";
            } else if (mean < 0 || mean > 1) {
                excluded = "forecast " + shown + " leaves [0, 1]";
            }
            if (excluded == null) {
                used.add(new double[] {mean, Math.max(sd, 1e-9), 1 / (mse + 1e-10)});
            }
            members.add(new EnsembleForecast.Member(form.name(), excluded == null ? 1 / (mse + 1e-10) : 0, shown, mse, sd,
                    full.converged(), excluded));
        }
        List<String> warnings = new ArrayList<>();
        if (used.isEmpty()) {
            throw new InvalidInputException("points", "no learning-curve family could be fitted to this curve");
        }
        double total = 0;
        for (double[] u : used) {
            total += u[2];
        }
        double mean = 0;
        for (double[] u : used) {
            u[2] /= total;
            mean += u[2] * u[0];
        }
        for (int i = 0; i < members.size(); i++) {
            EnsembleForecast.Member m = members.get(i);
            members.set(i, new EnsembleForecast.Member(m.form(), m.weight() / total, m.prediction(), m.heldOutMse(), m.sd(),
                    m.converged(), m.excludedBecause()));
        }
        double lo = quantile(used, (1 - spec.level()) / 2);
        double hi = quantile(used, (1 + spec.level()) / 2);
        String method = "Gaussian mixture of " + used.size() + " learning-curve families weighted by " + WEIGHTING;
        Interval interval = spec.lowerIsBetter()
                ? new Interval(1 - hi, 1 - lo, spec.level(), method)
                : new Interval(lo, hi, spec.level(), method);
        Double prob = null;
        if (spec.threshold() != null) {
            double t = spec.threshold();
            // P(original value > t): in accuracy space that is acc < 1 - t for error rates
            prob = spec.lowerIsBetter() ? cdf(used, 1 - t) : 1 - cdf(used, t);
        }
        double x1 = acc.get(n - 1).x(0);
        if (spec.horizon() > 1000 * x1) {
            warnings.add("extrapolation: horizon " + spec.horizon() + " is more than 3 orders of magnitude beyond the last step " + x1);
        }
        if (spec.horizon() < x1) {
            warnings.add("horizon " + spec.horizon() + " lies inside the observed curve (last step " + x1 + ")");
        }
        return new EnsembleForecast(spec.horizon(), spec.lowerIsBetter() ? 1 - mean : mean, interval, spec.threshold(), prob,
                lastValue, members, WEIGHTING, warnings);
    }

    private static void validate(LearningCurveSpec spec) {
        if (!(spec.horizon() >= 1) || !Double.isFinite(spec.horizon())) {
            throw new InvalidInputException("horizon", "must be a finite step >= 1, was " + spec.horizon());
        }
        if (spec.forms().isEmpty()) {
            throw new InvalidInputException("forms", "at least one learning-curve family is required");
        }
        if (spec.points().size() < 3) {
            throw new InvalidInputException("points", "a learning curve needs at least 3 points, got " + spec.points().size());
        }
        for (int i = 0; i < spec.points().size(); i++) {
            Observation o = spec.points().get(i);
            if (o.dimension() != 1 || !Double.isFinite(o.x(0)) || !(o.x(0) >= 1)) {
                throw new InvalidInputException("points[" + i + "].x", "must be a finite step >= 1");
            }
            if (!(o.y() >= 0 && o.y() <= 1)) {
                throw new InvalidInputException("points[" + i + "].y", "learning-curve values must be accuracies or error rates in [0, 1], was " + o.y());
            }
        }
        if (spec.threshold() != null && !Double.isFinite(spec.threshold())) {
            throw new InvalidInputException("threshold", "must be finite");
        }
        // duplicates with conflicting values are rejected by the fitter's validation
        Inputs.validate(LearningCurveForms.ILOG2, spec.points(), Loss.leastSquares());
    }

    private static double cdf(List<double[]> mix, double v) {
        double c = 0;
        for (double[] m : mix) {
            c += m[2] * NormalDistribution.of(m[0], m[1]).cumulativeProbability(v);
        }
        return c;
    }

    /** Quantile of the mixture by bisection on its CDF. */
    private static double quantile(List<double[]> mix, double p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] m : mix) {
            lo = Math.min(lo, m[0] - 12 * m[1]);
            hi = Math.max(hi, m[0] + 12 * m[1]);
        }
        for (int it = 0; it < 100 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mix, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
