package io.augur.forecast.engine;

import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fitted curve: the estimates (with bootstrap percentile intervals), the objective and residuals
 * at the optimum, the convergence status of the best local search, the bootstrap description (rounds,
 * seed, level, failed rounds) and warnings. A fit that did not converge has {@code converged = false}
 * and says why in {@code status}. {@link #predict(double...)} extrapolates with intervals. Bootstrap rounds
 * that failed or were degenerate are counted in {@code failedRounds} and {@code degenerateRounds}; when
 * too many were, no replicates are kept and every interval is null (the warnings say why).
 *
 * <p>{@code bootstrapEstimates} holds one parameter vector per successful bootstrap round (rows) and
 * {@code residuals} the residuals of the full-data fit in the loss's space. Arrays are copied in and
 * out, so the record is immutable.
 */
public record FitResult(CurveForm form, Loss loss, List<ParameterEstimate> parameters, double[] estimate,
        double objective, double[] residuals, boolean converged, String status, int starts, int iterations,
        int bootstrapRounds, int failedRounds, int degenerateRounds, long seed, double level, List<String> warnings,
        double minScale, double maxScale, double[] minInputs, double[] maxInputs, double[][] bootstrapEstimates) {

    public FitResult {
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
        estimate = estimate.clone();
        residuals = residuals.clone();
        minInputs = minInputs.clone();
        maxInputs = maxInputs.clone();
        bootstrapEstimates = deepCopy(bootstrapEstimates);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public double[] estimate() {
        return estimate.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public double[] minInputs() {
        return minInputs.clone();
    }

    @Override
    public double[] maxInputs() {
        return maxInputs.clone();
    }

    @Override
    public double[][] bootstrapEstimates() {
        return deepCopy(bootstrapEstimates);
    }

    /** Number of successful bootstrap replicates (rows of {@link #bootstrapEstimates()}). */
    public int replicateCount() {
        return bootstrapEstimates.length;
    }

    /** The estimate of a fitted or derived parameter by name. */
    public ParameterEstimate parameter(String name) {
        for (ParameterEstimate p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new io.augur.stats.InvalidInputException("parameter", "form " + form.name() + " has no parameter " + name);
    }

    /** The fitted curve's value at raw inputs x (no interval). */
    public double value(double... x) {
        return form.value(estimate, x);
    }

    /** Bootstrap method description used in every interval of this fit. */
    public String intervalMethod() {
        return "percentile bootstrap, " + bootstrapRounds + " rounds (resampled observations), seed " + seed;
    }

    /** Prediction at raw inputs x with confidence and prediction intervals and extrapolation warnings. */
    public Prediction predict(double... x) {
        if (x.length != form.inputNames().size()) {
            throw new io.augur.stats.InvalidInputException("x", "form " + form.name() + " takes inputs " + form.inputNames());
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j]) || (form.requiresPositiveX() && !(x[j] > 0))) {
                throw new io.augur.stats.InvalidInputException("x." + form.inputNames().get(j),
                        "must be a finite" + (form.requiresPositiveX() ? " positive" : "") + " number, was " + x[j]);
            }
        }
        double[] f = form.features(x);
        double[] g = new double[estimate.length];
        double v = form.valueAndGradient(estimate, f, g);
        Interval conf = null;
        Interval pred = null;
        if (bootstrapEstimates.length > 1) {
            int b = bootstrapEstimates.length;
            double[] curve = new double[b];
            double[] obs = new double[b];
            UniformRandomProvider rng = RandomStreams.stream(seed, -1L);
            for (int r = 0; r < b; r++) {
                curve[r] = form.valueAndGradient(bootstrapEstimates[r], f, g);
                double e = residuals[rng.nextInt(residuals.length)];
                obs[r] = switch (loss.kind()) {
                    case HUBER_LOG -> curve[r] * Math.exp(-e);
                    case LEAST_SQUARES -> curve[r] - e;
                    case BINOMIAL -> curve[r];
                };
            }
            conf = Quantiles.percentileInterval(curve, level, intervalMethod() + ", curve value");
            pred = Quantiles.percentileInterval(obs, level, intervalMethod()
                    + (loss.kind() == Loss.Kind.BINOMIAL ? ", success probability" : ", curve plus resampled residual"));
        }
        List<Double> xs = new ArrayList<>();
        for (double d : x) {
            xs.add(d);
        }
        return new Prediction(xs, v, conf, pred, extrapolationWarnings(x));
    }

    /** Warnings when x lies more than 3 orders of magnitude beyond the fitted data (scale or any input). */
    public List<String> extrapolationWarnings(double... x) {
        List<String> w = new ArrayList<>();
        if (!form.requiresPositiveX()) {
            return w;
        }
        double s = form.scale(x);
        if (s > 1000 * maxScale || s < minScale / 1000) {
            w.add(String.format("extrapolation: scale %.3g is %.1f orders of magnitude beyond the fitted range [%.3g, %.3g]",
                    s, Math.max(Math.log10(s / maxScale), Math.log10(minScale / s)), minScale, maxScale));
        }
        for (int j = 0; j < x.length; j++) {
            if (x[j] > 1000 * maxInputs[j] || x[j] < minInputs[j] / 1000) {
                w.add(String.format("extrapolation: %s = %.3g is more than 3 orders of magnitude beyond the fitted range [%.3g, %.3g]",
                        form.inputNames().get(j), x[j], minInputs[j], maxInputs[j]));
            }
        }
        return w;
    }
}
