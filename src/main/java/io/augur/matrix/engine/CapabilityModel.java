package io.augur.matrix.engine;

import io.augur.stats.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The capability index of Epoch's benchmark stitching, as a completer: an item-response model with a
 * floor at chance and a fitted ceiling (the four-parameter logistic of Barton and Lord 1981), and optional
 * specific factors beside the general capability (a bifactor-style multidimensional IRT, Reckase 2009):
 * <pre>
 *   score_mb = lo_b + (hi_b - lo_b) top_b sigmoid(alpha_b (C_m - D_b) + u_m . v_b),   top_b = sigmoid(e_b)
 * </pre>
 * with one capability C_m per model, a difficulty D_b, slope alpha_b and ceiling lo_b + (hi_b - lo_b) top_b per
 * benchmark, and k specific factors u_m, v_b (k = 0: the plain one-dimensional index). lo_b is the benchmark's
 * chance level (floor) and hi_b = 1 for scores in [0, 1]; a benchmark measured on another scale (BLEU, bits
 * per byte) takes its observed range widened by 5% on each side, and slopes may be negative (lower is
 * better). Fitted jointly by a robust (pseudo-Huber, delta {@value #HUBER} of the [lo, hi] span) loss on the
 * observed cells plus Gaussian priors: N(0, 1/{@code capabilityPrior}) on C, N(0, 1/{@code factorPrior}) on
 * u and v, weak ridges on alpha, D and e; alternating Gauss-Newton steps with Levenberg damping and
 * iteratively reweighted residuals on the models (1 + k parameters each) and on the benchmarks (3 + k each),
 * for at most {@value #MAX_SWEEPS} sweeps ({@value #WARM_SWEEPS} from a bootstrap round's warm start). The
 * scale direction (C, D, alpha) -> ((C - a)/s, (D - a)/s, alpha s) leaves every prediction unchanged and is held
 * only by the weak priors, so the sweeps drift slowly along it and usually end at the sweep limit rather than the
 * tolerance; pinning the scale every sweep converged in fewer sweeps but predicted held-out cells worse (ObsScaling
 * standardised MAE 0.342 vs 0.297, HELM 0.535 vs 0.503), so the scale is fixed once, at the end.
 * The priors are cheapest along the (C, alpha) direction, so the general factor lands in C and the specific
 * factors only take what it cannot carry. The scale is then fixed: capability has mean 0 and sd 1 over the
 * table's models (D and alpha transformed to leave every prediction unchanged).
 */
final class CapabilityModel implements Completer {

    static final double RIDGE = 1e-4;
    /** The capability prior of the multidimensional candidates. */
    static final double CAPABILITY_PRIOR = 0.01;
    /** Pseudo-Huber delta on the [lo, hi] scale: residuals beyond 3% of a benchmark's span count linearly. */
    static final double HUBER = 0.03;
    /** Prior mean of the ceiling's logit (95% of the span) and its weak precision. */
    static final double CEILING_LOGIT = 3;
    static final double CEILING_PRIOR = 1e-3;
    static final int MAX_SWEEPS = 500;
    static final int WARM_SWEEPS = 40;
    /** Relative change of the objective between sweeps at which the fit stops. */
    static final double TOLERANCE = 1e-7;

    private final double[] floors;
    private final int factors;
    private final double capabilityPrior;
    private final double factorPrior;
    private final long seed;

    /**
     * @param floors chance level per benchmark (NaN = 0)
     * @param factors number of specific factors beside the capability (0 = one-dimensional)
     */
    CapabilityModel(double[] floors, int factors, double capabilityPrior, double factorPrior, long seed) {
        this.floors = floors;
        this.factors = factors;
        this.capabilityPrior = capabilityPrior;
        this.factorPrior = factorPrior;
        this.seed = seed;
    }

    int factors() {
        return factors;
    }

    @Override
    public String method() {
        return "capability index (logistic with floor at chance and fitted ceiling, " + (factors == 0 ? "one-dimensional"
                : factors + " specific factor" + (factors == 1 ? "" : "s") + ", factor prior " + factorPrior)
                + ", capability prior " + capabilityPrior + ")";
    }

    /** {@code u} and {@code v}: the specific factors (k columns; k = 0 for the one-dimensional index). */
    record Fit(double[] capability, double[] slope, double[] difficulty, double[] lo, double[] hi, double[] top, boolean[] rescaled,
            double[][] u, double[][] v) implements Fitted {
        @Override
        public double predict(int m, int b) {
            return lo[b] + (hi[b] - lo[b]) * top[b] * sigmoid(logit(m, b));
        }

        double logit(int m, int b) {
            double l = slope[b] * (capability[m] - difficulty[b]);
            double[] um = u[m];
            double[] vb = v[b];
            for (int j = 0; j < um.length; j++) {
                l += um[j] * vb[j];
            }
            return l;
        }

        /** The benchmark's upper asymptote in its own units. */
        double ceiling(int b) {
            return lo[b] + (hi[b] - lo[b]) * top[b];
        }
    }

    /** A starting point for a full fit (not a bootstrap round): e.g. the validation fit, to warm-start the plain fit. */
    record Start(Fit fit) implements Fitted {
        @Override
        public double predict(int m, int b) {
            return fit.predict(m, b);
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        int nm = t.models;
        int nb = t.benchmarks;
        int k = factors;
        double[] lo = new double[nb];
        double[] hi = new double[nb];
        boolean[] rescaled = new boolean[nb];
        for (int b = 0; b < nb; b++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int m : t.byBenchmark[b]) {
                min = Math.min(min, t.x[m][b]);
                max = Math.max(max, t.x[m][b]);
            }
            double floor = floors == null || Double.isNaN(floors[b]) ? 0 : floors[b];
            if (min >= Math.min(0, floor) && max <= 1) {
                lo[b] = floor;
                hi[b] = 1;
            } else {
                double range = Math.max(max - min, 1e-12);
                lo[b] = min - 0.05 * range;
                hi[b] = max + 0.05 * range;
                rescaled[b] = true;
            }
        }
        double[][] y = new double[nm][nb];
        for (int m = 0; m < nm; m++) {
            for (int b : t.byModel[m]) {
                y[m][b] = (t.x[m][b] - lo[b]) / (hi[b] - lo[b]);
            }
        }
        double[] c = new double[nm];
        double[] alpha = new double[nb];
        double[] diff = new double[nb];
        double[] e = new double[nb];
        double[][] u = new double[nm][k];
        double[][] v = new double[nb][k];
        int sweeps = MAX_SWEEPS;
        boolean start = warm instanceof Start;
        if (warm instanceof Start st) {
            warm = st.fit();
        }
        if (warm instanceof Fit f && f.lo.length == nb && f.u.length == nm && f.u[0].length == k) {
            System.arraycopy(f.capability, 0, c, 0, nm);
            System.arraycopy(f.slope, 0, alpha, 0, nb);
            System.arraycopy(f.difficulty, 0, diff, 0, nb);
            for (int b = 0; b < nb; b++) {
                e[b] = logit(Math.min(1 - 1e-12, Math.max(1e-12, f.top[b])));
                v[b] = f.v[b].clone();
            }
            for (int m = 0; m < nm; m++) {
                u[m] = f.u[m].clone();
            }
            sweeps = start ? MAX_SWEEPS : WARM_SWEEPS;
        } else {
            start(t, y, c, alpha, diff, e);
            // specific factors start small and random (zero would be a saddle point), seeded
            UniformRandomProvider rng = RandomStreams.stream(seed, 0xCAB1L);
            for (double[] r : u) {
                for (int j = 0; j < k; j++) {
                    r[j] = 0.1 * AlternatingLeastSquares.gaussian(rng);
                }
            }
            for (double[] r : v) {
                for (int j = 0; j < k; j++) {
                    r[j] = 0.1 * AlternatingLeastSquares.gaussian(rng);
                }
            }
        }
        Work work = new Work(3 + k);
        double previous = Double.POSITIVE_INFINITY;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new java.util.concurrent.CancellationException("capability index interrupted");
            }
            for (int b = 0; b < nb; b++) {
                benchmarkStep(t, y, w, c, u, alpha, diff, e, v, b, work);
            }
            double loss = 0;
            for (int m = 0; m < nm; m++) {
                loss += modelStep(t, y, c, u, alpha, diff, e, v, m, work);
            }
            if (Math.abs(previous - loss) <= TOLERANCE * loss) {
                break;
            }
            previous = loss;
        }
        identify(c, alpha, diff);
        double[] top = new double[nb];
        for (int b = 0; b < nb; b++) {
            top[b] = sigmoid(e[b]);
        }
        return new Fit(c, alpha, diff, lo, hi, top, rescaled, u, v);
    }

    /** Fixes the scale: capability mean 0 and sd 1 over the models, D and alpha transformed to leave alpha (C - D) unchanged. */
    private static void identify(double[] c, double[] alpha, double[] diff) {
        int nm = c.length;
        double mean = 0;
        for (double x : c) {
            mean += x;
        }
        mean /= nm;
        double ss = 0;
        for (double x : c) {
            ss += (x - mean) * (x - mean);
        }
        double sd = nm > 1 ? Math.sqrt(ss / nm) : 1;
        if (!(sd > 0)) {
            sd = 1;
        }
        for (int m = 0; m < nm; m++) {
            c[m] = (c[m] - mean) / sd;
        }
        for (int b = 0; b < alpha.length; b++) {
            diff[b] = (diff[b] - mean) / sd;
            alpha[b] *= sd;
        }
    }

    /** Capability from the mean z-score; slope +-1.5 by the sign of the covariance; difficulty at the mean score. */
    private static void start(Table t, double[][] y, double[] c, double[] alpha, double[] diff, double[] e) {
        for (int m = 0; m < t.models; m++) {
            double s = 0;
            for (int b : t.byModel[m]) {
                s += t.z[m][b];
            }
            c[m] = s / t.byModel[m].length;
        }
        for (int b = 0; b < t.benchmarks; b++) {
            double sy = 0;
            double sc = 0;
            int n = 0;
            for (int m : t.byBenchmark[b]) {
                sy += y[m][b];
                sc += c[m];
                n++;
            }
            double my = sy / n;
            double mc = sc / n;
            double cov = 0;
            for (int m : t.byBenchmark[b]) {
                cov += (y[m][b] - my) * (c[m] - mc);
            }
            alpha[b] = cov < 0 ? -1.5 : 1.5;
            e[b] = CEILING_LOGIT;
            double p = Math.min(0.98, Math.max(0.02, my / sigmoid(CEILING_LOGIT)));
            diff[b] = mc - logit(p) / alpha[b];
        }
    }

    /** Scratch space for one block's normal equations. */
    private static final class Work {
        final double[] h;
        final double[] a;
        final double[] g;
        final double[] j;
        final double[] d;
        final double[] trial;

        Work(int n) {
            h = new double[n * n];
            a = new double[n * n];
            g = new double[n];
            j = new double[n];
            d = new double[n];
            trial = new double[n];
        }
    }

    /** Pseudo-Huber loss 2 delta^2 (sqrt(1 + (r/delta)^2) - 1): r^2 near 0, linear in |r| beyond delta. */
    static double rho(double r) {
        double q = r / HUBER;
        return 2 * HUBER * HUBER * (Math.sqrt(1 + q * q) - 1);
    }

    /** The reweighting of iteratively reweighted least squares: rho'(r) / (2 r). */
    static double irls(double r) {
        double q = r / HUBER;
        return 1 / Math.sqrt(1 + q * q);
    }

    /**
     * One damped Gauss-Newton step block for benchmark b over p = [alpha, D, e, v_1..v_k]: weighted robust
     * loss over the benchmark's models plus the ridges.
     */
    private void benchmarkStep(Table t, double[][] y, double[] w, double[] c, double[][] u, double[] alpha, double[] diff,
            double[] e, double[][] v, int b, Work work) {
        int n = 3 + factors;
        double[] p = new double[n];
        p[0] = alpha[b];
        p[1] = diff[b];
        p[2] = e[b];
        System.arraycopy(v[b], 0, p, 3, factors);
        double current = benchmarkLoss(t, y, w, c, u, p, b);
        for (int it = 0; it < 4; it++) {
            java.util.Arrays.fill(work.h, 0);
            java.util.Arrays.fill(work.g, 0);
            double top = sigmoid(p[2]);
            for (int m : t.byBenchmark[b]) {
                if (w[m] == 0) {
                    continue;
                }
                double l = p[0] * (c[m] - p[1]);
                for (int j = 0; j < factors; j++) {
                    l += u[m][j] * p[3 + j];
                }
                double s = sigmoid(l);
                double r = y[m][b] - top * s;
                double ds = top * s * (1 - s);
                work.j[0] = ds * (c[m] - p[1]);
                work.j[1] = -ds * p[0];
                work.j[2] = s * top * (1 - top);
                for (int j = 0; j < factors; j++) {
                    work.j[3 + j] = ds * u[m][j];
                }
                double wr = w[m] * irls(r);
                SmallLinear.addOuterLower(work.h, work.j, wr, n);
                for (int i = 0; i < n; i++) {
                    work.g[i] += wr * work.j[i] * r;
                }
            }
            work.g[0] -= RIDGE * p[0];
            work.g[1] -= RIDGE * p[1];
            work.g[2] -= CEILING_PRIOR * (p[2] - CEILING_LOGIT);
            work.h[0] += RIDGE;
            work.h[n + 1] += RIDGE;
            work.h[2 * n + 2] += CEILING_PRIOR;
            for (int j = 0; j < factors; j++) {
                work.g[3 + j] -= factorPrior * p[3 + j];
                work.h[(3 + j) * n + 3 + j] += factorPrior;
            }
            if (!dampedStep(work, p, n, () -> benchmarkLoss(t, y, w, c, u, work.trial, b), current)) {
                break;
            }
            current = benchmarkLoss(t, y, w, c, u, p, b);
        }
        alpha[b] = p[0];
        diff[b] = p[1];
        e[b] = p[2];
        System.arraycopy(p, 3, v[b], 0, factors);
    }

    private double benchmarkLoss(Table t, double[][] y, double[] w, double[] c, double[][] u, double[] p, int b) {
        double d = p[2] - CEILING_LOGIT;
        double s = RIDGE * (p[0] * p[0] + p[1] * p[1]) + CEILING_PRIOR * d * d;
        for (int j = 0; j < factors; j++) {
            s += factorPrior * p[3 + j] * p[3 + j];
        }
        double top = sigmoid(p[2]);
        for (int m : t.byBenchmark[b]) {
            if (w[m] != 0) {
                double l = p[0] * (c[m] - p[1]);
                for (int j = 0; j < factors; j++) {
                    l += u[m][j] * p[3 + j];
                }
                s += w[m] * rho(y[m][b] - top * sigmoid(l));
            }
        }
        return s;
    }

    /**
     * Levenberg's damping on the normal equations in {@code work} (lower triangle of h, right side g):
     * tries (H + mu diag H) d = g with mu raised tenfold until the loss does not increase; updates p.
     */
    private static boolean dampedStep(Work work, double[] p, int n, java.util.function.DoubleSupplier loss, double current) {
        double mu = 1e-3;
        for (int tries = 0; tries < 8; tries++) {
            System.arraycopy(work.h, 0, work.a, 0, n * n);
            for (int i = 0; i < n; i++) {
                work.a[i * n + i] *= 1 + mu;
                work.d[i] = work.g[i];
            }
            if (!SmallLinear.choleskySolve(work.a, work.d, n)) {
                mu *= 10;
                continue;
            }
            for (int i = 0; i < n; i++) {
                work.trial[i] = p[i] + work.d[i];
            }
            if (loss.getAsDouble() <= current) {
                System.arraycopy(work.trial, 0, p, 0, n);
                return true;
            }
            mu *= 10;
        }
        return false;
    }

    /** The model's capability and specific factors from its own cells (p = [C, u_1..u_k]); returns its loss. */
    private double modelStep(Table t, double[][] y, double[] c, double[][] u, double[] alpha, double[] diff, double[] e,
            double[][] v, int m, Work work) {
        int n = 1 + factors;
        double[] p = new double[n];
        p[0] = c[m];
        System.arraycopy(u[m], 0, p, 1, factors);
        double current = modelLoss(t, y, p, alpha, diff, e, v, m);
        for (int it = 0; it < 4; it++) {
            java.util.Arrays.fill(work.h, 0, n * n, 0);
            java.util.Arrays.fill(work.g, 0, n, 0);
            for (int b : t.byModel[m]) {
                double top = sigmoid(e[b]);
                double l = alpha[b] * (p[0] - diff[b]);
                for (int j = 0; j < factors; j++) {
                    l += p[1 + j] * v[b][j];
                }
                double s = sigmoid(l);
                double r = y[m][b] - top * s;
                double ds = top * s * (1 - s);
                work.j[0] = ds * alpha[b];
                for (int j = 0; j < factors; j++) {
                    work.j[1 + j] = ds * v[b][j];
                }
                double wr = irls(r);
                SmallLinear.addOuterLower(work.h, work.j, wr, n);
                for (int i = 0; i < n; i++) {
                    work.g[i] += wr * work.j[i] * r;
                }
            }
            work.g[0] -= capabilityPrior * p[0];
            work.h[0] += capabilityPrior;
            for (int j = 0; j < factors; j++) {
                work.g[1 + j] -= factorPrior * p[1 + j];
                work.h[(1 + j) * n + 1 + j] += factorPrior;
            }
            if (!dampedStep(work, p, n, () -> modelLoss(t, y, work.trial, alpha, diff, e, v, m), current)) {
                break;
            }
            current = modelLoss(t, y, p, alpha, diff, e, v, m);
        }
        c[m] = p[0];
        System.arraycopy(p, 1, u[m], 0, factors);
        return current;
    }

    private double modelLoss(Table t, double[][] y, double[] p, double[] alpha, double[] diff, double[] e, double[][] v, int m) {
        double s = capabilityPrior * p[0] * p[0];
        for (int j = 0; j < factors; j++) {
            s += factorPrior * p[1 + j] * p[1 + j];
        }
        for (int b : t.byModel[m]) {
            double l = alpha[b] * (p[0] - diff[b]);
            for (int j = 0; j < factors; j++) {
                l += p[1 + j] * v[b][j];
            }
            s += rho(y[m][b] - sigmoid(e[b]) * sigmoid(l));
        }
        return s;
    }
}
