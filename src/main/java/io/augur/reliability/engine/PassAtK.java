package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;

/**
 * Unbiased pass@k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code", eq. 1): from n
 * samples of which c pass, pass@k = 1 - C(n - c, k) / C(n, k), computed in the numerically stable product
 * form 1 - prod_{i = n - c + 1}^{n} (1 - k / i) (1 when n - c < k). Over problems, the mean with its
 * standard error sd / sqrt(problems).
 */
public final class PassAtK {

    private PassAtK() {
    }

    public record PassAtKResult(int k, int problems, double passAtK, double standardError, double[] perProblem) {
    }

    public static double unbiased(int n, int c, int k) {
        return unbiased(n, c, k, "");
    }

    private static double unbiased(int n, int c, int k, String at) {
        if (n < 1) {
            throw new InvalidInputException(at + "n", "needs at least one sample, was " + n);
        }
        if (c < 0 || c > n) {
            throw new InvalidInputException(at + "c", "correct samples must be between 0 and n = " + n + ", was " + c);
        }
        if (k < 1 || k > n) {
            throw new InvalidInputException("k", "must be between 1 and the samples n = " + n + ", was " + k);
        }
        if (n - c < k) {
            return 1.0;
        }
        double prod = 1;
        for (int i = n - c + 1; i <= n; i++) {
            prod *= 1 - (double) k / i;
        }
        return 1 - prod;
    }

    public static PassAtKResult estimate(int[] n, int[] c, int k) {
        if (n == null || c == null || n.length == 0 || n.length != c.length) {
            throw new InvalidInputException("problems", "give n and c for at least one problem, as many of each");
        }
        double[] per = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            per[i] = unbiased(n[i], c[i], k, "problems[" + i + "].");
        }
        double mean = ScoreErrorBars.mean(per);
        double se = per.length > 1 ? Math.sqrt(ScoreErrorBars.variance(per, mean) / per.length) : Double.NaN;
        return new PassAtKResult(k, n.length, mean, se, per);
    }
}
