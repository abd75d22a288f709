package io.augur.matrix.engine;

import io.augur.stats.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Regularised low-rank factorisation of the per-benchmark z-scores by alternating least squares
 * (Koren, Bell and Volinsky 2009; CPP's matrix factorisation, Zhang et al. 2024, with design factors):
 * z_mb ~ u_m . v_b + a_m + c_b + beta_b . f_m + gamma_m . g_b, minimising the squared error over observed
 * cells plus lambda (|u|^2 + |v|^2 + a^2 + |beta|^2 + |gamma|^2). f_m are model features (log params,
 * log tokens, log compute, family), g_b benchmark features. With the benchmark side fixed each model's
 * parameters solve one ridge system, and vice versa; each sweep cannot increase the objective.
 */
final class AlternatingLeastSquares implements Completer {

    static final int MAX_SWEEPS = 200;
    /**
     * Bootstrap rounds start from the plain fit and take this many sweeps: a k-step bootstrap (Davison,
     * Hinkley and Schechtman 1986; Andrews 2002), which keeps the first-order variability of the full
     * refit at a fraction of its cost.
     */
    static final int WARM_SWEEPS = 2;
    static final double TOLERANCE = 1e-5;

    private final int rank;
    private final double lambda;
    private final double[][] f;
    private final double[][] g;
    private final long seed;

    AlternatingLeastSquares(int rank, double lambda, ModelFeatures modelFeatures, ModelFeatures benchmarkFeatures, long seed) {
        this.rank = rank;
        this.lambda = lambda;
        this.f = modelFeatures.columns();
        this.g = benchmarkFeatures.columns();
        this.seed = seed;
    }

    @Override
    public String method() {
        return "alternating least squares, rank " + rank + ", lambda " + lambda
                + (f.length > 0 && f[0].length > 0 ? ", model features" : "")
                + (g.length > 0 && g[0].length > 0 ? ", benchmark features" : "");
    }

    /** A starting point for a full fit (not a bootstrap round): e.g. the validation fit, to warm-start the plain fit. */
    static final class Start extends Factors {
        Start(Factors f) {
            super(f.u, f.v, f.t, f.f, f.g, f.k);
        }
    }

    /** Model side [u (k), a, gamma (q)], benchmark side [v (k), c, beta (p)]. */
    static class Factors implements Fitted {
        final double[][] u;
        final double[][] v;
        final Table t;
        final double[][] f;
        final double[][] g;
        final int k;

        Factors(double[][] u, double[][] v, Table t, double[][] f, double[][] g, int k) {
            this.u = u;
            this.v = v;
            this.t = t;
            this.f = f;
            this.g = g;
            this.k = k;
        }

        Table t() {
            return t;
        }

        int k() {
            return k;
        }

        double[][] v() {
            return v;
        }

        double[][] g() {
            return g;
        }

        @Override
        public double predict(int m, int b) {
            return t.st.back(z(m, b), b);
        }

        double z(int m, int b) {
            double[] um = u[m];
            double[] vb = v[b];
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += um[i] * vb[i];
            }
            s += um[k] + vb[k];
            double[] fm = f[m];
            for (int i = 0; i < fm.length; i++) {
                s += vb[k + 1 + i] * fm[i];
            }
            double[] gb = g[b];
            for (int i = 0; i < gb.length; i++) {
                s += um[k + 1 + i] * gb[i];
            }
            return s;
        }
    }

    double lambda() {
        return lambda;
    }

    /**
     * Covariance (z-scale) of the model's fitted cells from the uncertainty of its own parameters given
     * the benchmark side: the ridge solution is the posterior mean of a Gaussian model with noise sd
     * sigma and prior N(0, sigma^2 / lambda), whose covariance is sigma^2 (D^T D + lambda I)^-1 over the
     * design rows D of the model's observed cells; cell a's fitted value is d_a . theta.
     */
    static double[][] modelSideCovariance(Factors fit, int m, int[] cells, double lambda, double sigma) {
        Table t = fit.t();
        int k = fit.k();
        int q = fit.g()[0].length;
        int nu = k + 1 + q;
        double[][] a = new double[nu][nu];
        for (int b : t.byModel[m]) {
            double[] d = design(fit, b, k, q);
            for (int i = 0; i < nu; i++) {
                for (int j = 0; j < nu; j++) {
                    a[i][j] += d[i] * d[j];
                }
            }
        }
        for (int i = 0; i < nu; i++) {
            a[i][i] += lambda;
        }
        org.apache.commons.math3.linear.RealMatrix inv = new org.apache.commons.math3.linear.CholeskyDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false)).getSolver().getInverse();
        double[][] out = new double[cells.length][cells.length];
        for (int x = 0; x < cells.length; x++) {
            double[] dx = design(fit, cells[x], k, q);
            double[] tmp = inv.operate(dx);
            for (int y = 0; y < cells.length; y++) {
                double[] dy = design(fit, cells[y], k, q);
                double c = 0;
                for (int i = 0; i < nu; i++) {
                    c += tmp[i] * dy[i];
                }
                out[x][y] = sigma * sigma * c;
            }
        }
        return out;
    }

    private static double[] design(Factors fit, int b, int k, int q) {
        double[] d = new double[k + 1 + q];
        System.arraycopy(fit.v()[b], 0, d, 0, k);
        d[k] = 1;
        System.arraycopy(fit.g()[b], 0, d, k + 1, q);
        return d;
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        int p = f[0].length;
        int q = g[0].length;
        int nu = rank + 1 + q;
        int nv = rank + 1 + p;
        double[][] u = new double[t.models][nu];
        double[][] v = new double[t.benchmarks][nv];
        int sweeps = MAX_SWEEPS;
        boolean bootstrap = warm instanceof Factors && !(warm instanceof Start);
        if (warm instanceof Factors wf) {
            for (int m = 0; m < t.models; m++) {
                u[m] = wf.u[m].clone();
            }
            for (int b = 0; b < t.benchmarks; b++) {
                v[b] = wf.v[b].clone();
            }
            sweeps = bootstrap ? WARM_SWEEPS : MAX_SWEEPS;
        } else {
            UniformRandomProvider rng = RandomStreams.stream(seed, 0x5EEDL);
            for (double[] r : u) {
                for (int i = 0; i < rank; i++) {
                    r[i] = 0.1 * gaussian(rng);
                }
            }
            for (double[] r : v) {
                for (int i = 0; i < rank; i++) {
                    r[i] = 0.1 * gaussian(rng);
                }
            }
        }
        Factors fit = new Factors(u, v, t, f, g, rank);
        double[] a = new double[Math.max(nu, nv) * Math.max(nu, nv)];
        double[] y = new double[Math.max(nu, nv)];
        // one block's design rows, weights and targets, gathered for SmallLinear.addGramLower (allocated once per fit)
        int longest = 0;
        for (int[] cells : t.byBenchmark) {
            longest = Math.max(longest, cells.length);
        }
        for (int[] cells : t.byModel) {
            longest = Math.max(longest, cells.length);
        }
        double[] rows = new double[longest * Math.max(nu, nv)];
        double[] rw = new double[longest];
        double[] rt = new double[longest];
        double previous = Double.POSITIVE_INFINITY;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new java.util.concurrent.CancellationException("matrix completion interrupted");
            }
            // benchmark side: weighted by the models' resample counts
            for (int b = 0; b < t.benchmarks; b++) {
                java.util.Arrays.fill(a, 0, nv * nv, 0);
                java.util.Arrays.fill(y, 0, nv, 0);
                double[] gb = g[b];
                int count = 0;
                int[] models = t.byBenchmark[b];
                double[] zb = t.zByBenchmark[b];
                for (int j = 0; j < models.length; j++) {
                    int m = models[j];
                    double wm = w[m];
                    if (wm == 0) {
                        continue;
                    }
                    double[] um = u[m];
                    int o = count * nv;
                    System.arraycopy(um, 0, rows, o, rank);
                    rows[o + rank] = 1;
                    System.arraycopy(f[m], 0, rows, o + rank + 1, p);
                    double target = zb[j] - um[rank];
                    for (int i = 0; i < q; i++) {
                        target -= um[rank + 1 + i] * gb[i];
                    }
                    rw[count] = wm;
                    rt[count] = target;
                    count++;
                }
                SmallLinear.addGramLower(a, y, rows, rw, rt, count, nv);
                for (int i = 0; i < nv; i++) {
                    a[i * nv + i] += i == rank ? 1e-6 : lambda;
                }
                if (SmallLinear.choleskySolve(a, y, nv)) {
                    System.arraycopy(y, 0, v[b], 0, nv);
                }
            }
            // model side: every model from its own observed cells
            double loss = 0;
            for (int m = 0; m < t.models; m++) {
                java.util.Arrays.fill(a, 0, nu * nu, 0);
                java.util.Arrays.fill(y, 0, nu, 0);
                double[] fm = f[m];
                int count = 0;
                for (int b : t.byModel[m]) {
                    double[] vb = v[b];
                    int o = count * nu;
                    System.arraycopy(vb, 0, rows, o, rank);
                    rows[o + rank] = 1;
                    System.arraycopy(g[b], 0, rows, o + rank + 1, q);
                    double target = t.z[m][b] - vb[rank];
                    for (int i = 0; i < p; i++) {
                        target -= vb[rank + 1 + i] * fm[i];
                    }
                    rw[count] = 1;
                    rt[count] = target;
                    count++;
                }
                SmallLinear.addGramLower(a, y, rows, rw, rt, count, nu);
                for (int i = 0; i < nu; i++) {
                    a[i * nu + i] += lambda;
                }
                if (SmallLinear.choleskySolve(a, y, nu)) {
                    System.arraycopy(y, 0, u[m], 0, nu);
                }
                if (!bootstrap) {
                    for (int b : t.byModel[m]) {
                        double r = t.z[m][b] - fit.z(m, b);
                        loss += w[m] * r * r;
                    }
                }
            }
            if (!bootstrap && Math.abs(previous - loss) <= TOLERANCE * Math.max(1, loss)) {
                break;
            }
            previous = loss;
        }
        return fit;
    }

    static double gaussian(UniformRandomProvider rng) {
        // Box-Muller; a few hundred draws per fit, not worth a sampler object
        double u1 = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
