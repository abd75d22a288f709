package io.augur.forecast.engine;

import io.augur.stats.Workers;
import io.augur.stats.Lbfgs;
import io.augur.stats.CancellationToken;
import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Stacked ensemble of learning-curve families (Domhan et al. 2015 families, {@link LearningCurveForms}).
 *
 * <p>Scale: values are mapped to a unit scale u in [0, 1] by the metric's bounds (1 = best), and every
 * family is fitted there with its asymptote and starting level confined to [0, 1]
 * ({@link LearningCurveForm#levelsWithin}), so no saturating family can forecast past the bounds.
 *
 * <p>Weighting: stacking (Wolpert 1992; Breiman 1996): non-negative weights summing to one that
 * minimise the squared error of the combined forecast, learned across curves, not within one curve
 * (a curve's own held-out suffix is too short to weight 11 families: on the CIFAR-10 curves every
 * within-curve weighting tried was worse than the plain average). The weights were learned on the 265
 * CIFAR-10 CNN validation-error curves of the Freiburg deep-learning course (forecasting epoch 40 from
 * the first 5, 10 and 20 epochs; reference test {@code CifarLearningCurveReferenceTest} re-learns them,
 * and checks by 5-fold cross-validation across curves that the learned weighting beats the best single
 * family at every prefix). A curve uses the weights of the regime nearest its number of points
 * ({@link #REGIMES}). Families that cannot be fitted, or whose forecast is not finite or leaves the
 * bounds (vap and loglog_linear have no asymptote), pass their weight on equally to the others, as in
 * training. With a caller's subset of families the weights are renormalised over it (equal when the
 * subset's stacking weights are all zero).
 *
 * <p>Predictive distribution: a mixture over the families with the stacking weights, member k normal on
 * the logit of the unit scale, centred on logit(u_k) with standard deviation
 * c * sqrt(s2_k + m_k * max(1, distance)) / (u_k (1 - u_k)) (delta method), where s2_k is the residual
 * variance of the full fit, m_k the mean squared error on the held-out suffix when fitted without it,
 * distance = (horizon - last step) / (held-out span), and c = {@link #SCALE}, chosen by 5-fold
 * cross-validation across the CIFAR-10 curves as the smallest scale whose 95% intervals cover at least
 * 95% of the training folds at every prefix. The logit keeps the interval inside the bounds. The
 * interval is the mixture's central quantiles, P(value > threshold) its tail mass. Deterministic (no
 * random numbers). Stateless.
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

    /** Number of observed points of the three regimes whose stacking weights are in {@link #STACKING_WEIGHTS}. */
    static final int[] REGIMES = {5, 10, 20};

    /**
     * Stacking weights per regime (rows: 5, 10, 20 points), in the order of {@link LearningCurveForms#ALL}
     * (vap, pow3, loglog_linear, hill3, log_power, pow4, mmf, exp4, janoschek, weibull, ilog2). Learned on
     * all 265 CIFAR-10 curves by simplex-constrained least squares of the epoch-40 error on the members'
     * forecasts (missing members replaced by the mean of the others); {@code CifarLearningCurveReferenceTest}
     * re-learns them and checks that these reach the optimum.
     */
    static final double[][] STACKING_WEIGHTS = {
        {0.088617, 0, 0.262384, 0, 0.063123, 0.249275, 0, 0, 0, 0, 0.336601},
        {0.065222, 0.472887, 0, 0, 0.019496, 0.252283, 0, 0, 0, 0, 0.190112},
        {0, 0.140907, 0, 0, 0.302167, 0.090156, 0, 0.28988, 0, 0, 0.17689},
    };

    /** Scale c of the members' predictive standard deviations (see the class comment). */
    static final double SCALE = 0.6;

    /** Largest horizon / last-step ratio of the curves the weights and scale were validated on (40 / 5). */
    static final double VALIDATED_RATIO = 8;

    public static final String WEIGHTING = "stacking weights learned across 265 CIFAR-10 learning curves";

    /** Smallest unit-scale value used inside a logit. */
    private static final double EPS = 1e-6;

    public static EnsembleForecast forecast(LearningCurveSpec spec) {
        validate(spec);
        List<Observation> pts = new ArrayList<>(spec.points());
        pts.sort(Comparator.comparingDouble(o -> o.x(0)));
        int n = pts.size();
        int h = Math.max(1, (int) Math.round(spec.holdoutFraction() * n));
        List<Observation> unit = new ArrayList<>(n);
        for (Observation o : pts) {
            unit.add(Observation.of(spec.toUnit(o.y()), o.x(0)));
        }
        List<Observation> prefix = unit.subList(0, n - h);
        List<Observation> suffix = unit.subList(n - h, n);
        double span = unit.get(n - 1).x(0) - unit.get(n - h - 1).x(0);
        double distance = Math.max(1, (spec.horizon() - unit.get(n - 1).x(0)) / Math.max(1e-12, span));
        double lastValue = pts.get(n - 1).y();
        int regime = regime(n);

        int m = spec.forms().size();
        double[] mean = new double[m];
        double[] sd = new double[m];
        double[] mse = new double[m];
        boolean[] converged = new boolean[m];
        boolean[] admitted = new boolean[m];
        String[] excluded = new String[m];
        double[] prior = new double[m];
        CancellationToken cancel = Workers.current().token();
        for (int k = 0; k < m; k++) {
            cancel.check();
            LearningCurveForm form = spec.forms().get(k).levelsWithin(0, 1);
            prior[k] = stackingWeight(form.name(), regime);
            mean[k] = Double.NaN;
            sd[k] = Double.NaN;
            mse[k] = Double.NaN;
            int p = form.parameterNames().size();
            if (n < p) {
                excluded[k] = "needs at least " + p + " points";
                continue;
            }
            FitResult full = CurveFitter.fit(new FitSpec(form, unit, Loss.leastSquares(), 0, 0, 0.95, null), PLAN);
            converged[k] = full.converged();
            mean[k] = full.value(spec.horizon());
            double sse = 0;
            for (double r : full.residuals()) {
                sse += r * r;
            }
            if (prefix.size() >= p) {
                FitResult early = CurveFitter.fit(new FitSpec(form, prefix, Loss.leastSquares(), 0, 0, 0.95, null), PLAN);
                double s = 0;
                for (Observation o : suffix) {
                    double d = early.value(o.x(0)) - o.y();
                    s += d * d / suffix.size();
                }
                mse[k] = s;
            }
            double resVar = n > p ? sse / (n - p) : mse[k];
            double var = (Double.isFinite(resVar) ? resVar : 0) + (Double.isFinite(mse[k]) ? mse[k] * distance : 0);
            sd[k] = SCALE * Math.sqrt(var);
            if (!Double.isFinite(mean[k])) {
                excluded[k] = "forecast is not finite";
            } else if (mean[k] < 0 || mean[k] > 1) {
                excluded[k] = String.format(Locale.ROOT, "forecast %.4g leaves the bounds [%s, %s]", spec.fromUnit(mean[k]),
                        fmt(spec.lower()), fmt(spec.upper()));
            } else if (!Double.isFinite(mse[k]) && !(n > p)) {
                excluded[k] = "needs more than " + p + " points to size its extrapolation error";
            } else {
                admitted[k] = true;
            }
        }
        double[] w = weights(prior, admitted);
        if (w == null) {
            List<String> why = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                why.add(spec.forms().get(k).name() + ": " + excluded[k]);
            }
            throw new InvalidInputException("points", "no learning-curve family could be fitted to this curve (" + String.join("; ", why) + ")");
        }
        List<double[]> mix = new ArrayList<>(); // logit mean, logit sd, weight
        double value = 0;
        for (int k = 0; k < m; k++) {
            if (admitted[k] && w[k] > 0) {
                double u = Math.min(1 - EPS, Math.max(EPS, mean[k]));
                mix.add(new double[] {logit(u), Math.max(1e-9, sd[k] / (u * (1 - u))), w[k]});
                value += w[k] * mean[k];
            }
        }
        List<EnsembleForecast.Member> members = new ArrayList<>(m);
        double range = spec.upper() - spec.lower();
        for (int k = 0; k < m; k++) {
            members.add(new EnsembleForecast.Member(spec.forms().get(k).name(), w[k],
                    Double.isFinite(mean[k]) ? spec.fromUnit(mean[k]) : Double.NaN, mse[k] * range * range, sd[k] * range,
                    converged[k], excluded[k]));
        }
        double qLo = expit(quantile(mix, (1 - spec.level()) / 2));
        double qHi = expit(quantile(mix, (1 + spec.level()) / 2));
        String method = "mixture of " + mix.size() + " learning-curve families on the logit of the metric's range ["
                + fmt(spec.lower()) + ", " + fmt(spec.upper()) + "], " + WEIGHTING;
        double a = spec.fromUnit(qLo);
        double b = spec.fromUnit(qHi);
        Interval interval = new Interval(Math.min(a, b), Math.max(a, b), spec.level(), method);
        Double prob = null;
        if (spec.threshold() != null) {
            double t = spec.toUnit(spec.threshold());
            double below = t <= 0 ? 0 : t >= 1 ? 1 : cdf(mix, logit(t)); // P(u < t)
            prob = spec.lowerIsBetter() ? below : 1 - below;
        }
        List<String> warnings = new ArrayList<>();
        double x1 = unit.get(n - 1).x(0);
        double ratio = spec.horizon() / x1;
        if (ratio > VALIDATED_RATIO * 1.5) {
            warnings.add(String.format(Locale.ROOT, "the horizon is %.3g times the last step; the stacking weights and the interval "
                    + "scale were validated up to %.0f times (CIFAR-10 curves, epoch 40 from epoch 5)", ratio, VALIDATED_RATIO));
        }
        if (spec.horizon() < x1) {
            warnings.add("horizon " + spec.horizon() + " lies inside the observed curve (last step " + x1 + ")");
        }
        return new EnsembleForecast(spec.horizon(), spec.fromUnit(value), interval, spec.threshold(), prob, lastValue,
                members, WEIGHTING + " (regime: " + REGIMES[regime] + " points)", warnings);
    }

    /** Index of the regime nearest n points on a log scale: n <= 7 uses 5, 8..14 uses 10, else 20. */
    static int regime(int n) {
        int best = 0;
        for (int r = 1; r < REGIMES.length; r++) {
            if (Math.abs(Math.log((double) n / REGIMES[r])) < Math.abs(Math.log((double) n / REGIMES[best]))) {
                best = r;
            }
        }
        return best;
    }

    static double stackingWeight(String family, int regime) {
        for (int j = 0; j < LearningCurveForms.ALL.size(); j++) {
            if (LearningCurveForms.ALL.get(j).name().equals(family)) {
                return STACKING_WEIGHTS[regime][j];
            }
        }
        return 0;
    }

    /**
     * Final weights: the prior (stacking) weights renormalised over the requested families (equal if they
     * are all zero), then the weight of every family not admitted passed on equally to the admitted ones.
     * Null when none is admitted.
     */
    static double[] weights(double[] prior, boolean[] admitted) {
        int m = prior.length;
        int nAdmitted = 0;
        double total = 0;
        for (int k = 0; k < m; k++) {
            total += prior[k];
            nAdmitted += admitted[k] ? 1 : 0;
        }
        if (nAdmitted == 0) {
            return null;
        }
        double[] base = new double[m];
        for (int k = 0; k < m; k++) {
            base[k] = total > 0 ? prior[k] / total : 1.0 / m;
        }
        double lost = 0;
        for (int k = 0; k < m; k++) {
            if (!admitted[k]) {
                lost += base[k];
            }
        }
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            w[k] = admitted[k] ? base[k] + lost / nAdmitted : 0;
        }
        return w;
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
            if (!(o.y() >= spec.lower() && o.y() <= spec.upper())) {
                throw new InvalidInputException("points[" + i + "].y", "must lie within the metric's bounds [" + fmt(spec.lower())
                        + ", " + fmt(spec.upper()) + "], was " + o.y() + " (give the bounds of other metrics in 'bounds')");
            }
        }
        if (spec.threshold() != null && !Double.isFinite(spec.threshold())) {
            throw new InvalidInputException("threshold", "must be finite");
        }
        // duplicates with conflicting values are rejected by the fitter's validation
        Inputs.validate(LearningCurveForms.ILOG2, spec.points(), Loss.leastSquares());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static double logit(double u) {
        return Math.log(u / (1 - u));
    }

    private static double expit(double z) {
        return 1 / (1 + Math.exp(-z));
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
        for (int it = 0; it < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); it++) {
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
