package io.augur.forecast.engine;

import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The x (compute, size, or step) at which a one-input fitted curve first reaches a target value: scan
 * log x on a grid from the smallest fitted x to 10^9 times the largest, then bisect the first crossing.
 * The interval is the percentile interval over the bootstrap replicates, counting replicates that never
 * reach the target as +infinity (so an unreachable target shows as an infinite upper end).
 */
public final class Targets {

    private Targets() {
    }

    public record XForTarget(double target, double x, Interval interval, double fractionReachable, List<String> warnings) {
        public XForTarget {
            warnings = List.copyOf(warnings);
        }
    }

    public static XForTarget xForTarget(FitResult fit, double target) {
        CurveForm form = fit.form();
        if (form.inputNames().size() != 1) {
            throw new InvalidInputException("form", form.name() + " has several inputs; use ComputeOptimal.computeForLoss");
        }
        if (!Double.isFinite(target)) {
            throw new InvalidInputException("target", "must be finite");
        }
        double lo = fit.minInputs()[0];
        double hi = fit.maxInputs()[0] * 1e9;
        double x = solve(form, fit.estimate(), target, lo, hi);
        double[][] reps = fit.bootstrapEstimates();
        Interval iv = null;
        int reach = 0;
        if (reps.length > 1) {
            double[] xs = new double[reps.length];
            for (int r = 0; r < reps.length; r++) {
                xs[r] = solve(form, reps[r], target, lo, hi);
                if (Double.isFinite(xs[r])) {
                    reach++;
                } else {
                    xs[r] = Double.POSITIVE_INFINITY;
                }
            }
            iv = percentileAllowingInfinity(xs, fit.level(), fit.intervalMethod());
        }
        List<String> w = new ArrayList<>();
        if (!Double.isFinite(x)) {
            w.add("the fitted curve does not reach " + target + " below x = " + hi);
        } else {
            w.addAll(fit.extrapolationWarnings(x));
        }
        return new XForTarget(target, x, iv, reps.length > 0 ? (double) reach / reps.length : Double.NaN, w);
    }

    /**
     * Percentile interval where some replicates are +infinity (target never reached): type-7
     * interpolation would give NaN between two infinities, so an end that touches an infinite
     * replicate is reported as +infinity.
     */
    static Interval percentileAllowingInfinity(double[] xs, double level, String method) {
        double[] capped = xs.clone();
        for (int i = 0; i < capped.length; i++) {
            if (capped[i] == Double.POSITIVE_INFINITY) {
                capped[i] = Double.MAX_VALUE;
            }
        }
        Interval q = Quantiles.percentileInterval(capped, level, method);
        double lo = q.lower() >= Double.MAX_VALUE / 4 ? Double.POSITIVE_INFINITY : q.lower();
        double hi = q.upper() >= Double.MAX_VALUE / 4 ? Double.POSITIVE_INFINITY : q.upper();
        return new Interval(lo, hi, level, method + (hi == Double.POSITIVE_INFINITY ? "; upper end infinite: too many replicates never reach the target" : ""));
    }

    static double solve(CurveForm form, double[] t, double target, double lo, double hi) {
        int steps = 400;
        double llo = Math.log(lo);
        double lhi = Math.log(hi);
        double prevX = lo;
        double prev = form.value(t, lo) - target;
        if (prev == 0) {
            return lo;
        }
        for (int i = 1; i <= steps; i++) {
            double xx = Math.exp(llo + (lhi - llo) * i / steps);
            double v = form.value(t, xx) - target;
            if (Double.isFinite(v) && Double.isFinite(prev) && Math.signum(v) != Math.signum(prev)) {
                double a = Math.log(prevX);
                double b = Math.log(xx);
                double fa = prev;
                for (int k = 0; k < 100 && b - a > 1e-13; k++) {
                    double m = 0.5 * (a + b);
                    double fm = form.value(t, Math.exp(m)) - target;
                    if (Math.signum(fm) == Math.signum(fa)) {
                        a = m;
                        fa = fm;
                    } else {
                        b = m;
                    }
                }
                return Math.exp(0.5 * (a + b));
            }
            prev = v;
            prevX = xx;
        }
        return Double.NaN;
    }
}
