package io.augur.retrieval.engine.significance;

import java.util.List;

/**
 * Pairwise comparisons of several runs on one measure, with the p-values of each test corrected for
 * the number of comparisons by Holm's step-down and by Bonferroni ({@link io.augur.stats.MultipleTesting}).
 */
public record MultiRunComparison(String measure, List<String> queryIds, List<Row> comparisons) {

    /** p-values of the four tests after a correction. */
    public record Corrected(double tTest, double wilcoxon, double randomization, double bootstrap) {
    }

    public record Row(PairedComparison comparison, Corrected holm, Corrected bonferroni) {
    }

    public MultiRunComparison {
        queryIds = List.copyOf(queryIds);
        comparisons = List.copyOf(comparisons);
    }
}
