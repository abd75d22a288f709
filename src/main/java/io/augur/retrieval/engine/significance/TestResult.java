package io.augur.retrieval.engine.significance;

/**
 * One two-sided test of "no difference between the paired runs".
 *
 * @param test       "paired t-test", "Wilcoxon signed-rank", "randomization (sign-flip)", "paired bootstrap"
 * @param statistic  the test statistic (t; Wilcoxon W+; |mean difference| for the resampling tests)
 * @param pValue     two-sided p-value
 * @param samples    permutations or bootstrap rounds used (2^n when exact; 0 for the analytic tests)
 * @param exact      true when the p-value is exact (full enumeration or exact distribution)
 * @param seed       seed of a resampling test, null for the analytic ones
 * @param method     how the p-value was obtained, in words
 */
public record TestResult(String test, double statistic, double pValue, long samples, boolean exact, Long seed,
        String method) {
}
