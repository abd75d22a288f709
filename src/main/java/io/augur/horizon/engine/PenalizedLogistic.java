package io.augur.horizon.engine;

/**
 * Weighted logistic regression of success on x = log2(human minutes) with an L2 penalty on the slope
 * only, as scikit-learn's {@code LogisticRegression(C = 1 / lambda)} with the lbfgs solver fits it
 * (the intercept is not penalised): minimise
 * {@code sum_i w_i [log(1 + e^{z_i}) - y_i z_i] + (lambda / 2) beta^2} with {@code z_i = alpha + beta x_i}.
 * The data come aggregated by distinct x: {@code W_j = sum w_i}, {@code WY_j = sum w_i y_i} (a fractional
 * y splits into weighted 0 and 1 as METR does, which gives the same objective). Solved by Newton's
 * method on the two parameters with step halving; the objective is strictly convex when lambda > 0.
 * Hand-written because no Commons optimiser is needed for a 2 x 2 Newton step and this runs thousands of
 * times inside the bootstrap.
 */
final class PenalizedLogistic {

    /** A fitted curve: P(success | x) = 1 / (1 + exp(-(intercept + slope x))). */
    record Fit(double intercept, double slope, int iterations, boolean converged) {

        /** x at which the success probability is q: (logit(q) - intercept) / slope. */
        double xAt(double q) {
            return (Math.log(q / (1 - q)) - intercept) / slope;
        }
    }

    private PenalizedLogistic() {
    }

    static Fit fit(double[] x, double[] w, double[] wy, int n, double lambda) {
        double sw = 0;
        double swy = 0;
        for (int j = 0; j < n; j++) {
            sw += w[j];
            swy += wy[j];
        }
        // start from the weighted mean success with slope 0
        double p0 = Math.min(Math.max(swy / sw, 1e-6), 1 - 1e-6);
        double a = Math.log(p0 / (1 - p0));
        double b = 0;
        double f = objective(x, w, wy, n, lambda, a, b);
        for (int it = 1; it <= 100; it++) {
            double ga = 0;
            double gb = lambda * b;
            double haa = 0;
            double hab = 0;
            double hbb = lambda;
            for (int j = 0; j < n; j++) {
                if (w[j] == 0) {
                    continue;
                }
                double z = a + b * x[j];
                double p = sigmoid(z);
                double r = w[j] * p - wy[j];
                ga += r;
                gb += r * x[j];
                double h = w[j] * p * (1 - p);
                haa += h;
                hab += h * x[j];
                hbb += h * x[j] * x[j];
            }
            double det = haa * hbb - hab * hab;
            double da;
            double db;
            if (det > 1e-300 * Math.max(1, haa * hbb)) {
                da = (hbb * ga - hab * gb) / det;
                db = (haa * gb - hab * ga) / det;
            } else {
                da = ga / Math.max(haa, 1e-12);
                db = gb / hbb;
            }
            double step = 1;
            double na = a - da;
            double nb = b - db;
            double nf = objective(x, w, wy, n, lambda, na, nb);
            while (!(nf <= f) && step > 1e-10) {
                step /= 2;
                na = a - step * da;
                nb = b - step * db;
                nf = objective(x, w, wy, n, lambda, na, nb);
            }
            double change = Math.abs(na - a) + Math.abs(nb - b);
            a = na;
            b = nb;
            f = nf;
            if (change < 1e-12 * (1 + Math.abs(a) + Math.abs(b))) {
                return new Fit(a, b, it, true);
            }
            if (Math.abs(ga) + Math.abs(gb) < 1e-15 * Math.max(sw, 1e-300)) {
                return new Fit(a, b, it, true);
            }
        }
        return new Fit(a, b, 100, false);
    }

    static double objective(double[] x, double[] w, double[] wy, int n, double lambda, double a, double b) {
        double s = 0.5 * lambda * b * b;
        for (int j = 0; j < n; j++) {
            if (w[j] == 0) {
                continue;
            }
            double z = a + b * x[j];
            s += w[j] * softplus(z) - wy[j] * z;
        }
        return s;
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
