package io.augur.forecast.engine;

import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Compute-optimal allocation under a Chinchilla fit (Hoffmann et al. 2022, eq. 4): minimising
 * L(N, D) = E + A N^-alpha + B D^-beta subject to C = 6 N D gives
 * N_opt = G (C/6)^(beta/(alpha+beta)), D_opt = G^-1 (C/6)^(alpha/(alpha+beta)), G = (alpha A / (beta B))^(1/(alpha+beta)).
 * Intervals are percentile intervals over the fit's bootstrap replicates. {@link #computeForLoss} inverts
 * the optimal loss L_opt(C) for the budget that reaches a target loss (bisection on log C).
 */
public final class ComputeOptimal {

    private ComputeOptimal() {
    }

    /** The optimal allocation for a budget, with intervals. */
    public record Allocation(double compute, double parameters, double tokens, double tokensPerParameter, double loss,
            Interval parametersInterval, Interval tokensInterval, Interval tokensPerParameterInterval, Interval lossInterval,
            List<String> warnings) {
        public Allocation {
            warnings = List.copyOf(warnings);
        }
    }

    /** Compute needed to reach a target loss along the optimal frontier; NaN when the fit's floor E is above it. */
    public record ComputeForLoss(double targetLoss, double compute, Interval computeInterval, double fractionReachable,
            List<String> warnings) {
        public ComputeForLoss {
            warnings = List.copyOf(warnings);
        }
    }

    /** [N, D, L] at budget c for Chinchilla parameters t = (a, b, e, alpha, beta). */
    static double[] optimum(double[] t, double c) {
        double a = Math.exp(t[0]);
        double b = Math.exp(t[1]);
        double e = Math.exp(t[2]);
        double al = t[3];
        double be = t[4];
        double g = Math.pow(al * a / (be * b), 1 / (al + be));
        double n = g * Math.pow(c / 6, be / (al + be));
        double d = c / (6 * n);
        return new double[] {n, d, e + a * Math.pow(n, -al) + b * Math.pow(d, -be)};
    }

    public static Allocation of(FitResult fit, double compute) {
        requireChinchilla(fit);
        if (!(compute > 0) || !Double.isFinite(compute)) {
            throw new InvalidInputException("compute", "must be a positive finite FLOP budget, was " + compute);
        }
        double[] o = optimum(fit.estimate(), compute);
        double[][] reps = fit.bootstrapEstimates();
        Interval[] iv = new Interval[4];
        if (reps.length > 1) {
            double[][] cols = new double[4][reps.length];
            for (int r = 0; r < reps.length; r++) {
                double[] q = optimum(reps[r], compute);
                cols[0][r] = q[0];
                cols[1][r] = q[1];
                cols[2][r] = q[1] / q[0];
                cols[3][r] = q[2];
            }
            for (int k = 0; k < 4; k++) {
                iv[k] = Quantiles.percentileInterval(cols[k], fit.level(), fit.intervalMethod());
            }
        }
        List<String> w = new ArrayList<>();
        if (compute > 1000 * fit.maxScale() || compute < fit.minScale() / 1000) {
            w.add(String.format("extrapolation: budget %.3g FLOP is more than 3 orders of magnitude beyond the fitted compute range [%.3g, %.3g]",
                    compute, fit.minScale(), fit.maxScale()));
        }
        return new Allocation(compute, o[0], o[1], o[1] / o[0], o[2], iv[0], iv[1], iv[2], iv[3], w);
    }

    public static ComputeForLoss computeForLoss(FitResult fit, double targetLoss) {
        requireChinchilla(fit);
        if (!(targetLoss > 0) || !Double.isFinite(targetLoss)) {
            throw new InvalidInputException("target", "must be a positive finite loss, was " + targetLoss);
        }
        double c = solve(fit.estimate(), targetLoss);
        double[][] reps = fit.bootstrapEstimates();
        List<Double> ok = new ArrayList<>();
        for (double[] r : reps) {
            double v = solve(r, targetLoss);
            if (Double.isFinite(v)) {
                ok.add(v);
            }
        }
        Interval iv = null;
        // a replicate that cannot reach the target needs "infinite" compute: count it at +infinity so the
        // interval stays honest (its upper end becomes infinite when more than (1 - level)/2 cannot reach it)
        if (reps.length > 1) {
            double[] all = new double[reps.length];
            for (int i = 0; i < reps.length; i++) {
                all[i] = i < ok.size() ? ok.get(i) : Double.POSITIVE_INFINITY;
            }
            iv = Targets.percentileAllowingInfinity(all, fit.level(), fit.intervalMethod());
        }
        List<String> w = new ArrayList<>();
        if (!Double.isFinite(c)) {
            w.add("the fitted irreducible loss E = " + Math.exp(fit.estimate()[2]) + " is above the target: it is never reached");
        } else if (c > 1000 * fit.maxScale()) {
            w.add(String.format("extrapolation: the answer %.3g FLOP is more than 3 orders of magnitude beyond the data", c));
        }
        return new ComputeForLoss(targetLoss, c, iv, reps.length > 0 ? (double) ok.size() / reps.length : Double.NaN, w);
    }

    private static double solve(double[] t, double target) {
        if (Math.exp(t[2]) >= target) {
            return Double.NaN;
        }
        double lo = Math.log(1e6);
        double hi = Math.log(1e45);
        if (optimum(t, Math.exp(lo))[2] <= target) {
            return Math.exp(lo);
        }
        if (optimum(t, Math.exp(hi))[2] > target) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = 0.5 * (lo + hi);
            if (optimum(t, Math.exp(mid))[2] > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static void requireChinchilla(FitResult fit) {
        if (!(fit.form() instanceof Chinchilla)) {
            throw new InvalidInputException("form", "compute-optimal allocation needs a chinchilla fit, got " + fit.form().name());
        }
    }
}
