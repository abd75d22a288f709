package io.augur.retrieval.engine.significance;

import io.augur.stats.Interval;

/**
 * The comparison of run A with run B on one measure over n shared queries. The difference is A - B.
 *
 * @param meanDifference          mean over queries of A - B
 * @param meanDifferenceInterval  t-based confidence interval of the mean difference
 * @param bootstrapInterval       percentile bootstrap interval of the mean difference (same seed)
 * @param cohensD                 standardized mean difference of the pairs, d_z = mean(d) / sd(d)
 *                                (Cohen 1988; Lakens 2013 for the paired form)
 * @param tTest                   paired t-test
 * @param wilcoxon                Wilcoxon signed-rank test
 * @param randomization           Fisher's randomization test by sign flips of the differences
 * @param bootstrap               paired bootstrap test (shift method)
 */
public record PairedComparison(String runA, String runB, String measure, int queries, double meanA, double meanB,
        double meanDifference, Interval meanDifferenceInterval, Interval bootstrapInterval, double cohensD,
        TestResult tTest, TestResult wilcoxon, TestResult randomization, TestResult bootstrap) {
}
