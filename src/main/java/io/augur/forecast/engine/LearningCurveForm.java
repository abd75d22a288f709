package io.augur.forecast.engine;

import java.util.List;
import java.util.function.Function;

/**
 * One learning-curve family y = f(theta; x) of Domhan, Springenberg and Hutter (2015), x the epoch or
 * step (x >= 1), y an increasing performance such as accuracy, roughly in [0, 1]. The families and
 * their formulas are listed in {@link LearningCurveForms}. Fitted by least squares with bounds.
 * Immutable; the kernel gives the value and analytic gradient.
 */
public final class LearningCurveForm implements CurveForm {

    /** Value and gradient of the family at one x. */
    @FunctionalInterface
    interface Kernel {
        double eval(double[] t, double x, double[] g);
    }

    /** Summary of the observed curve used to place the starting grid. */
    record Shape(double first, double last, double max, double maxX) {
    }

    private final String name;
    private final String formula;
    private final List<String> params;
    private final double[] lo;
    private final double[] hi;
    private final Kernel kernel;
    private final Function<Shape, List<double[]>> starts;
    private final int[] levels;

    /**
     * @param levels indices of the parameters that are levels of the curve itself (asymptote, starting value),
     *               which {@link #levelsWithin} confines to the metric's range
     */
    LearningCurveForm(String name, String formula, List<String> params, double[] lo, double[] hi, Kernel kernel,
            Function<Shape, List<double[]>> starts, int... levels) {
        this.name = name;
        this.formula = formula;
        this.params = List.copyOf(params);
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.kernel = kernel;
        this.starts = starts;
        this.levels = levels.clone();
    }

    /**
     * The same family with its level parameters (asymptote, starting value) confined to [lower, upper]: a
     * curve of an accuracy in [0, 1] cannot saturate above 1, so the fit may not either. Families without a
     * level parameter (vap, loglog_linear grow without bound) are returned unchanged.
     */
    public LearningCurveForm levelsWithin(double lower, double upper) {
        double[] l = lo.clone();
        double[] h = hi.clone();
        for (int j : levels) {
            l[j] = Math.max(l[j], lower);
            h[j] = Math.min(h[j], upper);
        }
        return new LearningCurveForm(name, formula, params, l, h, kernel, starts, levels);
    }

    /** True when the family has an asymptote parameter (so {@link #levelsWithin} bounds its forecasts). */
    public boolean saturates() {
        return levels.length > 0;
    }

    @Override
    public String name() {
        return name;
    }

    /** The formula in plain text, e.g. {@code "c - a * x^(-alpha)"}. */
    public String formula() {
        return formula;
    }

    @Override
    public List<String> parameterNames() {
        return params;
    }

    @Override
    public List<String> inputNames() {
        return List.of("x");
    }

    @Override
    public boolean requiresPositiveX() {
        return true;
    }

    @Override
    public Loss defaultLoss() {
        return Loss.leastSquares();
    }

    @Override
    public double[] lowerBounds() {
        return lo.clone();
    }

    @Override
    public double[] upperBounds() {
        return hi.clone();
    }

    @Override
    public double valueAndGradient(double[] theta, double[] f, double[] grad) {
        return kernel.eval(theta, f[0], grad);
    }

    @Override
    public List<double[]> startingGrid(double[][] features, double[] y) {
        int last = 0;
        double max = Double.NEGATIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        int first = 0;
        for (int i = 0; i < y.length; i++) {
            if (features[i][0] > maxX) {
                maxX = features[i][0];
                last = i;
            }
            if (features[i][0] < features[first][0]) {
                first = i;
            }
            max = Math.max(max, y[i]);
        }
        return starts.apply(new Shape(y[first], y[last], max, maxX));
    }

    @Override
    public String toString() {
        return name + ": y = " + formula;
    }
}
