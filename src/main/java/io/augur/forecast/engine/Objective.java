package io.augur.forecast.engine;

/**
 * The fitting objective of one form on one data set: sum_i w_i rho(r_i(theta)) with the loss of
 * {@link Loss}, and its analytic gradient. Weights are the bootstrap multiplicities (1 for the plain
 * fit), so a bootstrap round never copies the data. Immutable; {@link #evaluate} is thread-safe as
 * long as each thread passes its own gradient array.
 */
final class Objective {

    final CurveForm form;
    final Loss loss;
    final double[][] features;
    final double[] y;
    final double[] logY;
    final double[] successes;
    final double[] trials;
    /** Flat feature columns for the hand-written Chinchilla loop (null for other forms). */
    private final double[] chinchillaLogN;
    private final double[] chinchillaLogD;

    Objective(CurveForm form, Loss loss, double[][] features, double[] y, double[] successes, double[] trials) {
        this.form = form;
        this.loss = loss;
        this.features = features;
        this.y = y;
        this.successes = successes;
        this.trials = trials;
        this.logY = new double[y.length];
        if (form instanceof Chinchilla && loss.kind() == Loss.Kind.HUBER_LOG) {
            chinchillaLogN = new double[y.length];
            chinchillaLogD = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                chinchillaLogN[i] = features[i][0];
                chinchillaLogD[i] = features[i][1];
            }
        } else {
            chinchillaLogN = null;
            chinchillaLogD = null;
        }
        for (int i = 0; i < y.length; i++) {
            logY[i] = loss.kind() == Loss.Kind.HUBER_LOG ? Math.log(y[i]) : Double.NaN;
        }
    }

    int size() {
        return y.length;
    }

    int parameters() {
        return form.parameterNames().size();
    }

    /** Objective with weights w (null = all ones); writes the gradient into g. */
    double evaluate(double[] theta, double[] w, double[] g) {
        if (chinchillaLogN != null) {
            return Chinchilla.huberLogObjective(theta, chinchillaLogN, chinchillaLogD, logY, w, loss.delta(), g);
        }
        java.util.Arrays.fill(g, 0);
        double[] gi = new double[g.length];
        // one loop per loss so the JIT compiles each hot loop without a per-point switch
        return switch (loss.kind()) {
            case HUBER_LOG -> huberLog(theta, w, g, gi);
            case LEAST_SQUARES -> leastSquares(theta, w, g, gi);
            case BINOMIAL -> binomial(theta, w, g, gi);
        };
    }

    private double huberLog(double[] theta, double[] w, double[] g, double[] gi) {
        double total = 0;
        double delta = loss.delta();
        int p = g.length;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            double r = form.logValueAndGradient(theta, features[i], gi) - logY[i];
            if (!Double.isFinite(r)) {
                return Double.POSITIVE_INFINITY;
            }
            double dl;
            if (r <= delta && r >= -delta) {
                total += wi * 0.5 * r * r;
                dl = wi * r;
            } else {
                total += wi * delta * (Math.abs(r) - 0.5 * delta);
                dl = r > 0 ? wi * delta : -wi * delta;
            }
            for (int j = 0; j < p; j++) {
                g[j] += dl * gi[j];
            }
        }
        return total;
    }

    private double leastSquares(double[] theta, double[] w, double[] g, double[] gi) {
        double total = 0;
        int p = g.length;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            double r = form.valueAndGradient(theta, features[i], gi) - y[i];
            if (!Double.isFinite(r)) {
                return Double.POSITIVE_INFINITY;
            }
            total += wi * 0.5 * r * r;
            double dl = wi * r;
            for (int j = 0; j < p; j++) {
                g[j] += dl * gi[j];
            }
        }
        return total;
    }

    private double binomial(double[] theta, double[] w, double[] g, double[] gi) {
        double total = 0;
        int p = g.length;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            double f = form.valueAndGradient(theta, features[i], gi);
            if (!Double.isFinite(f)) {
                return Double.POSITIVE_INFINITY;
            }
            // clamp the probability away from 0 and 1 so 0-of-n and n-of-n stay finite
            double pr = Math.min(Math.max(f, 1e-15), 1 - 1e-15);
            double k = successes[i];
            double n = trials[i];
            total -= wi * (k * Math.log(pr) + (n - k) * Math.log1p(-pr));
            double dl = (f == pr) ? -wi * (k / pr - (n - k) / (1 - pr)) : 0;
            for (int j = 0; j < p; j++) {
                g[j] += dl * gi[j];
            }
        }
        return total;
    }

    /** Residuals in the loss's own space: log f - log y (Huber-log), f - y otherwise. */
    double[] residuals(double[] theta) {
        double[] r = new double[y.length];
        double[] gi = new double[theta.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = loss.kind() == Loss.Kind.HUBER_LOG
                    ? form.logValueAndGradient(theta, features[i], gi) - logY[i]
                    : form.valueAndGradient(theta, features[i], gi) - y[i];
        }
        return r;
    }
}
