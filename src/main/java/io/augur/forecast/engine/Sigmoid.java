package io.augur.forecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark score as a sigmoid (Owen 2024, "How predictable is language model benchmark performance?";
 * Ruan et al. 2024): y = floor + (ceiling - floor) / (1 + exp(-k (u - x0))), with u = log10 x (score
 * against compute) or u = x (score against loss, the second stage of {@link TwoStage}). The floor is the
 * benchmark's chance level given by the caller (default 0); the ceiling is fixed (default 1) or fitted
 * in [floor, 1]. Fitted by least squares on scores in [0, 1], or by binomial likelihood on pass counts.
 * 10^x0 is the x at the midpoint between floor and ceiling.
 */
public final class Sigmoid implements CurveForm {

    private final double floor;
    private final double ceiling;
    private final boolean fitCeiling;
    private final boolean logX;

    private Sigmoid(double floor, double ceiling, boolean fitCeiling, boolean logX) {
        if (!(floor >= 0 && floor < 1) || !(ceiling > floor && ceiling <= 1)) {
            throw new io.augur.stats.InvalidInputException("floor", "need 0 <= floor < ceiling <= 1, got floor "
                    + floor + ", ceiling " + ceiling);
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.fitCeiling = fitCeiling;
        this.logX = logX;
    }

    /** Score against log10 x with fixed floor (chance level) and ceiling. */
    public static Sigmoid ofLogX(double floor, double ceiling) {
        return new Sigmoid(floor, ceiling, false, true);
    }

    /** Score against log10 x with fixed floor and a fitted ceiling in [floor, 1]. */
    public static Sigmoid ofLogXWithCeiling(double floor) {
        return new Sigmoid(floor, 1, true, true);
    }

    /** Score against x itself (e.g. against loss), fixed floor and ceiling; k is negative when y falls with x. */
    public static Sigmoid ofX(double floor, double ceiling) {
        return new Sigmoid(floor, ceiling, false, false);
    }

    public double floor() {
        return floor;
    }

    public double ceiling() {
        return ceiling;
    }

    @Override
    public String name() {
        return logX ? "sigmoid_log" : "sigmoid";
    }

    @Override
    public List<String> parameterNames() {
        return fitCeiling ? List.of("k", "x0", "ceiling") : List.of("k", "x0");
    }

    @Override
    public boolean requiresPositiveX() {
        return logX;
    }

    @Override
    public boolean requiresUnitInterval() {
        return true;
    }

    @Override
    public Loss defaultLoss() {
        return Loss.leastSquares();
    }

    @Override
    public double[] lowerBounds() {
        return fitCeiling ? new double[] {-100, -1e3, floor} : new double[] {-100, -1e3};
    }

    @Override
    public double[] upperBounds() {
        return fitCeiling ? new double[] {100, 1e3, 1} : new double[] {100, 1e3};
    }

    @Override
    public double[] features(double[] x) {
        return new double[] {logX ? Math.log10(x[0]) : x[0]};
    }

    @Override
    public double valueAndGradient(double[] t, double[] f, double[] g) {
        double c = fitCeiling ? t[2] : ceiling;
        double z = t[0] * (f[0] - t[1]);
        double s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        double ds = (c - floor) * s * (1 - s);
        g[0] = ds * (f[0] - t[1]);
        g[1] = -ds * t[0];
        if (fitCeiling) {
            g[2] = s;
        }
        return floor + (c - floor) * s;
    }

    @Override
    public List<double[]> startingGrid(double[][] features, double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] f : features) {
            lo = Math.min(lo, f[0]);
            hi = Math.max(hi, f[0]);
        }
        double range = Math.max(1e-6, hi - lo);
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            double x0 = lo - 0.5 * range + i * (2.5 * range / 8);
            for (double k : new double[] {0.5, 1.5, 4, -1.5}) {
                double kk = k * 4 / range;
                if (fitCeiling) {
                    starts.add(new double[] {kk, x0, 1});
                    starts.add(new double[] {kk, x0, floor + 0.5 * (1 - floor)});
                } else {
                    starts.add(new double[] {kk, x0});
                }
            }
        }
        return starts;
    }
}
