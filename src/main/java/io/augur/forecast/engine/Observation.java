package io.augur.forecast.engine;

import java.util.Arrays;

/**
 * One measured point: inputs {@code x} (e.g. [N] or [N, D] or [step]) and the measured value
 * {@code y}. For pass counts, {@code successes} of {@code trials} attempts with y = successes /
 * trials; for plain measurements trials = 0.
 */
public record Observation(double[] x, double y, long successes, long trials) {

    public Observation {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** The i-th input without copying. */
    public double x(int i) {
        return x[i];
    }

    public int dimension() {
        return x.length;
    }

    public boolean isCount() {
        return trials > 0;
    }

    /** A plain measurement y at inputs x. */
    public static Observation of(double y, double... x) {
        return new Observation(x, y, 0, 0);
    }

    /** A pass count: k successes of n trials at inputs x (y = k / n). */
    public static Observation passCount(long k, long n, double... x) {
        return new Observation(x, n > 0 ? (double) k / n : Double.NaN, k, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && Arrays.equals(x, other.x)
                && Double.compare(y, other.y) == 0 && successes == other.successes && trials == other.trials;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Double.hashCode(y) + 7 * Long.hashCode(successes) + Long.hashCode(trials);
    }

    @Override
    public String toString() {
        return "Observation" + Arrays.toString(x) + " -> " + y + (trials > 0 ? " (" + successes + "/" + trials + ")" : "");
    }
}
