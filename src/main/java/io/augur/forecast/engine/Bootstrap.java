package io.augur.forecast.engine;

import io.augur.stats.BootstrapRounds;
import io.augur.stats.Lbfgs;
import io.augur.stats.CancellationToken;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import io.augur.stats.Workers;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Nonparametric (case-resampling) bootstrap of a curve fit (Efron and Tibshirani 1993, ch. 9): round r
 * draws n observations with replacement using stream r of the seed ({@link RandomStreams#stream}), and
 * refits by weighting each observation with its multiplicity, warm-started from the full-data estimate.
 * Rounds run in parallel on the compute pool ({@link Workers}) and are independent of the thread count.
 * Refits that fail (non-finite objective) or are degenerate ({@link Replicates}) are dropped and counted.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** Multiplicities of a resample of n observations for round r of a seed. */
    public static double[] weights(int n, long seed, int round) {
        UniformRandomProvider rng = RandomStreams.stream(seed, round);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[rng.nextInt(n)] += 1;
        }
        return w;
    }

    /**
     * The usable replicates of a bootstrap, and how many rounds were left out: {@code failed} refits had a
     * non-finite objective; {@code degenerate} ones were not identified by their resample (fewer distinct
     * observations than the form has parameters: {@code underdetermined}, not refitted), did not converge,
     * or ended on a parameter bound that the full-data fit is not on (the optimiser ran off to a bound).
     */
    record Replicates(double[][] kept, int failed, int degenerate, int underdetermined) {
    }

    static Replicates replicates(Objective obj, double[] theta, int rounds, long seed, CancellationToken cancel) {
        double[] lo = obj.form.lowerBounds();
        double[] hi = obj.form.upperBounds();
        int p = theta.length;
        double[][] out = new double[rounds][];
        byte[] status = new byte[rounds]; // 0 kept, 1 failed, 2 degenerate fit, 3 underdetermined resample
        BootstrapRounds.eachRound(rounds, null, r -> {
            cancel.check();
            double[] w = weights(obj.size(), seed, r);
            if (distinctObservations(obj, w) < p) {
                status[r] = 3;
                return;
            }
            Lbfgs.Result res = Lbfgs.minimize((th, g) -> obj.evaluate(th, w, g), theta, lo, hi, CurveFitter.BOOTSTRAP_OPTIONS, cancel);
            if (!Double.isFinite(res.value())) {
                status[r] = 1;
            } else if (!res.converged() || runsOffToBound(res.x(), theta, lo, hi)) {
                status[r] = 2;
            } else {
                out[r] = res.x();
            }
        });
        List<double[]> ok = new ArrayList<>(rounds);
        int failed = 0;
        int degenerate = 0;
        int underdetermined = 0;
        for (int r = 0; r < rounds; r++) {
            if (status[r] == 0) {
                ok.add(out[r]);
            } else if (status[r] == 1) {
                failed++;
            } else {
                degenerate++;
                underdetermined += status[r] == 3 ? 1 : 0;
            }
        }
        return new Replicates(ok.toArray(new double[0][]), failed, degenerate, underdetermined);
    }

    /** Number of distinct inputs (feature vectors) drawn at least once. */
    static int distinctObservations(Objective obj, double[] w) {
        java.util.Set<List<Double>> seen = new java.util.HashSet<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                List<Double> key = new ArrayList<>(obj.features[i].length);
                for (double f : obj.features[i]) {
                    key.add(f);
                }
                seen.add(key);
            }
        }
        return seen.size();
    }

    /** True when a parameter sits on a bound (relative 1e-8) that the full-data estimate does not sit on. */
    static boolean runsOffToBound(double[] x, double[] full, double[] lo, double[] hi) {
        for (int j = 0; j < x.length; j++) {
            if (onBound(x[j], lo[j]) && !onBound(full[j], lo[j]) || onBound(x[j], hi[j]) && !onBound(full[j], hi[j])) {
                return true;
            }
        }
        return false;
    }

    private static boolean onBound(double v, double bound) {
        return Double.isFinite(bound) && Math.abs(v - bound) <= 1e-8 * Math.max(1, Math.abs(bound));
    }
}
