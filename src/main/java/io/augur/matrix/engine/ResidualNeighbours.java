package io.augur.matrix.engine;

/**
 * A fitted completer corrected by the k nearest models' residuals: the baseline-plus-neighbourhood
 * model of collaborative filtering (Bell and Koren 2007; Koren 2008, section 2.2), with the capability index
 * as the baseline:
 * <pre>
 *   x_mb = f_mb + share sd_b sum_{o in N_k(m, b)} w_o r_ob / sum w_o,   r_ob = (x_ob - f_ob) / sd_b
 * </pre>
 * N_k(m, b) the k models nearest to m (root-mean-square z-score distance, as {@link NearestModels}) observed on b,
 * w_o a model's bootstrap count. The baseline places each model from its own cells; the neighbours carry what it
 * cannot: near-duplicates (sizes and re-releases of one family) that share a deviation from the fitted curve.
 * {@code share} in (0, 1] shrinks the correction toward the baseline; k and the share are chosen by held-out error
 * on the validation split ({@link MatrixCompletion}), after the baseline's own setting, and not used when no
 * correction beats the baseline there.
 */
final class ResidualNeighbours implements Completer {

    /** Neighbour counts and shares tried on the validation split. */
    static final int[] NEIGHBOURS = {3, 5, 10, 20};
    static final double[] SHARES = {0.25, 0.5, 0.75, 1};

    private final Completer baseline;
    private final int k;
    private final double share;

    ResidualNeighbours(Completer baseline, int k, double share) {
        this.baseline = baseline;
        this.k = k;
        this.share = share;
    }

    @Override
    public String method() {
        return baseline.method() + " + residuals of the " + k + " nearest models, share " + share;
    }

    /** {@code residual[m][b]}: the baseline's standardised residual on an observed cell (NaN elsewhere). */
    record Fit(Fitted baseline, Table t, NearestModels.Neighbours neighbours, double[][] residual, double[] w, int k, double share)
            implements Fitted {
        @Override
        public double predict(int m, int b) {
            double s = 0;
            double n = 0;
            int found = 0;
            for (int other : neighbours.order()[m]) {
                if (found == k) {
                    break;
                }
                double r = residual[other][b];
                if (w[other] > 0 && !Double.isNaN(r)) {
                    s += w[other] * r;
                    n += w[other];
                    found++;
                }
            }
            double base = baseline.predict(m, b);
            return n == 0 ? base : base + share * t.st.sd[b] * s / n;
        }
    }

    /** The correction of an already fitted baseline (the validation stage tries several k and shares on one fit). */
    static Fit correct(Fitted baseline, Table t, NearestModels.Neighbours neighbours, double[] w, int k, double share) {
        double[][] residual = new double[t.models][t.benchmarks];
        for (int m = 0; m < t.models; m++) {
            java.util.Arrays.fill(residual[m], Double.NaN);
            for (int b : t.byModel[m]) {
                residual[m][b] = (t.x[m][b] - baseline.predict(m, b)) / t.st.sd[b];
            }
        }
        return new Fit(baseline, t, neighbours, residual, w.clone(), k, share);
    }

    @Override
    public Fitted fit(Table t, double[] w, Fitted warm) {
        Fitted baseWarm = warm instanceof Fit f ? f.baseline() : warm;
        Fitted base = baseline.fit(t, w, baseWarm);
        NearestModels.Neighbours nb = warm instanceof Fit f && f.t() == t ? f.neighbours() : NearestModels.neighbours(t);
        return correct(base, t, nb, w, k, share);
    }
}
