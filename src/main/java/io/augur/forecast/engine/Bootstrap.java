package io.augur.forecast.engine;

import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import io.augur.stats.Workers;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Nonparametric (case-resampling) bootstrap of a curve fit (Efron and Tibshirani 1993, ch. 9): round r
 * draws n observations with replacement using stream r of the seed ({@link RandomStreams#stream}), and
 * refits by weighting each observation with its multiplicity, warm-started from the full-data estimate.
 * Rounds run in parallel on the compute pool ({@link Workers}) and are independent of the thread count. Refits that fail (non-finite
 * objective) are dropped and counted by the caller.
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

    static double[][] replicates(Objective obj, double[] theta, int rounds, long seed, Cancellation cancel) {
        double[] lo = obj.form.lowerBounds();
        double[] hi = obj.form.upperBounds();
        double[][] out = new double[rounds][];
        Workers.current().forEach(rounds, r -> {
            cancel.check();
            double[] w = weights(obj.size(), seed, r);
            Lbfgs.Result res = Lbfgs.minimize((th, g) -> obj.evaluate(th, w, g), theta, lo, hi, CurveFitter.BOOTSTRAP_OPTIONS, cancel);
            out[r] = Double.isFinite(res.value()) ? res.x() : null;
        });
        List<double[]> ok = new ArrayList<>(rounds);
        for (double[] o : out) {
            if (o != null) {
                ok.add(o);
            }
        }
        return ok.toArray(new double[0][]);
    }
}
