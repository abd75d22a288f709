package io.augur.matrix.engine;

/**
 * The capability index of Epoch's benchmark stitching, as a completer: an item-response model
 * score_mb = lo_b + (hi_b - lo_b) * sigmoid(alpha_b (C_m - D_b)) with one capability C_m per model and
 * a difficulty D_b and slope alpha_b per benchmark, fitted jointly by least squares on the observed cells
 * (a N(0, 1/{@value #PRIOR}) prior on C and a weak ridge on alpha and D keep it identified), alternating
 * Gauss-Newton steps with Levenberg damping on the models (1 parameter each) and on the benchmarks (2
 * each). lo_b is the benchmark's chance level (floor) and hi_b = 1 for scores in [0, 1]; a benchmark
 * measured on another scale (BLEU, bits per byte) takes its observed range widened by 5% on each side,
 * and slopes may be negative (lower is better). The scale is then fixed: capability has mean 0 and sd 1
 * over the table's models (D and alpha transformed to leave every prediction unchanged).
 */
final class CapabilityModel implements Completer {

    static final double PRIOR = 0.01;
    static final double RIDGE = 1e-4;
    static final int MAX_SWEEPS = 400;
    static final int WARM_SWEEPS = 40;
    static final double TOLERANCE = 1e-9;

    private final double[] floors;

    /** @param floors chance level per benchmark (NaN = 0) */
    CapabilityModel(double[] floors) {
        this.floors = floors;
    }

    @Override
    public String method() {
        return "capability index (2-parameter logistic, floor at chance)";
    }

    record Fit(double[] capability, double[] slope, double[] difficulty, double[] lo, double[] hi, boolean[] rescaled)
            implements Fitted {
        @Override
        public double predict(int m, int b) {
            return lo[b] + (hi[b] - lo[b]) * sigmoid(slope[b] * (capability[m] - difficulty[b]));
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        int nm = t.models;
        int nb = t.benchmarks;
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
        int sweeps = MAX_SWEEPS;
        if (warm instanceof Fit f && f.lo.length == nb) {
            System.arraycopy(f.capability, 0, c, 0, nm);
            System.arraycopy(f.slope, 0, alpha, 0, nb);
            System.arraycopy(f.difficulty, 0, diff, 0, nb);
            sweeps = WARM_SWEEPS;
        } else {
            for (int m = 0; m < nm; m++) {
                double s = 0;
                for (int b : t.byModel[m]) {
                    s += t.z[m][b];
                }
                c[m] = s / t.byModel[m].length;
            }
            for (int b = 0; b < nb; b++) {
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
                double p = Math.min(0.98, Math.max(0.02, my));
                diff[b] = mc - Math.log(p / (1 - p)) / alpha[b];
            }
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new java.util.concurrent.CancellationException("capability index interrupted");
            }
            for (int b = 0; b < nb; b++) {
                benchmarkStep(t, y, w, c, alpha, diff, b);
            }
            double loss = 0;
            for (int m = 0; m < nm; m++) {
                loss += w[m] * modelStep(t, y, c, alpha, diff, m);
            }
            if (Math.abs(previous - loss) <= TOLERANCE * Math.max(1, loss)) {
                break;
            }
            previous = loss;
        }
        // fix the scale: mean 0, sd 1 over the models; alpha (C - D) unchanged
        double mean = 0;
        for (double v : c) {
            mean += v;
        }
        mean /= nm;
        double ss = 0;
        for (double v : c) {
            ss += (v - mean) * (v - mean);
        }
        double sd = nm > 1 ? Math.sqrt(ss / nm) : 1;
        if (!(sd > 0)) {
            sd = 1;
        }
        for (int m = 0; m < nm; m++) {
            c[m] = (c[m] - mean) / sd;
        }
        for (int b = 0; b < nb; b++) {
            diff[b] = (diff[b] - mean) / sd;
            alpha[b] *= sd;
        }
        return new Fit(c, alpha, diff, lo, hi, rescaled);
    }

    /** Weighted least squares over the benchmark's models, Gauss-Newton with Levenberg damping on (alpha, D). */
    private static void benchmarkStep(Table t, double[][] y, double[] w, double[] c, double[] alpha, double[] diff, int b) {
        double mu = 1e-3;
        double current = benchmarkLoss(t, y, w, c, alpha[b], diff[b], b);
        for (int it = 0; it < 4; it++) {
            double haa = 0;
            double had = 0;
            double hdd = 0;
            double ga = 0;
            double gd = 0;
            for (int m : t.byBenchmark[b]) {
                if (w[m] == 0) {
                    continue;
                }
                double s = sigmoid(alpha[b] * (c[m] - diff[b]));
                double r = y[m][b] - s;
                double ds = s * (1 - s);
                double ja = ds * (c[m] - diff[b]);
                double jd = -ds * alpha[b];
                haa += w[m] * ja * ja;
                had += w[m] * ja * jd;
                hdd += w[m] * jd * jd;
                ga += w[m] * ja * r;
                gd += w[m] * jd * r;
            }
            ga -= RIDGE * alpha[b];
            gd -= RIDGE * diff[b];
            haa += RIDGE;
            hdd += RIDGE;
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                double a11 = haa * (1 + mu);
                double a22 = hdd * (1 + mu);
                double det = a11 * a22 - had * had;
                if (!(det > 0)) {
                    mu *= 10;
                    continue;
                }
                double da = (a22 * ga - had * gd) / det;
                double dd = (a11 * gd - had * ga) / det;
                double na = alpha[b] + da;
                double nd = diff[b] + dd;
                double trial = benchmarkLoss(t, y, w, c, na, nd, b);
                if (trial <= current) {
                    alpha[b] = na;
                    diff[b] = nd;
                    current = trial;
                    mu = Math.max(mu / 10, 1e-9);
                    improved = true;
                } else {
                    mu *= 10;
                }
            }
            if (!improved) {
                break;
            }
        }
    }

    private static double benchmarkLoss(Table t, double[][] y, double[] w, double[] c, double a, double d, int b) {
        double s = RIDGE * (a * a + d * d);
        for (int m : t.byBenchmark[b]) {
            if (w[m] != 0) {
                double r = y[m][b] - sigmoid(a * (c[m] - d));
                s += w[m] * r * r;
            }
        }
        return s;
    }

    /** The model's capability from its own cells; returns its squared error. */
    private static double modelStep(Table t, double[][] y, double[] c, double[] alpha, double[] diff, int m) {
        double mu = 1e-3;
        double current = modelLoss(t, y, c[m], alpha, diff, m);
        for (int it = 0; it < 4; it++) {
            double h = PRIOR;
            double g = -PRIOR * c[m];
            for (int b : t.byModel[m]) {
                double s = sigmoid(alpha[b] * (c[m] - diff[b]));
                double j = s * (1 - s) * alpha[b];
                h += j * j;
                g += j * (y[m][b] - s);
            }
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                double nc = c[m] + g / (h * (1 + mu));
                double trial = modelLoss(t, y, nc, alpha, diff, m);
                if (trial <= current) {
                    c[m] = nc;
                    current = trial;
                    mu = Math.max(mu / 10, 1e-9);
                    improved = true;
                } else {
                    mu *= 10;
                }
            }
            if (!improved) {
                break;
            }
        }
        return current - PRIOR * c[m] * c[m];
    }

    private static double modelLoss(Table t, double[][] y, double cm, double[] alpha, double[] diff, int m) {
        double s = PRIOR * cm * cm;
        for (int b : t.byModel[m]) {
            double r = y[m][b] - sigmoid(alpha[b] * (cm - diff[b]));
            s += r * r;
        }
        return s;
    }
}
