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

    LearningCurveForm(String name, String formula, List<String> params, double[] lo, double[] hi, Kernel kernel,
            Function<Shape, List<double[]>> starts) {
        this.name = name;
        this.formula = formula;
        this.params = List.copyOf(params);
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.kernel = kernel;
        this.starts = starts;
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
