package io.augur.retrieval.api;

import io.augur.platform.api.BootstrapReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.augur.retrieval.engine.significance.MultiRunComparison;
import io.augur.retrieval.engine.significance.PairedComparison;
import io.augur.retrieval.engine.significance.TestResult;
import io.augur.stats.Interval;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Paired comparisons of runs, per measure, with corrected p-values, effect sizes and intervals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RunComparison", description = "Paired significance tests between runs, per measure")
public record RunComparison(
        @Schema(description = "The runs compared, in request order") List<String> runs,
        @Schema(description = "The baseline, when every run was compared with it") String baseline,
        BootstrapReport bootstrap,
        @Schema(example = "10000") int permutations,
        @Schema(example = "16") int exactMaxQueries,
        @Schema(description = "How the Wilcoxon test treated zero differences (scipy's zero_method)", example = "wilcox")
        String wilcoxonZeroMethod,
        @Schema(description = "Whether the Wilcoxon normal approximation used the continuity correction", example = "false")
        boolean wilcoxonCorrection,
        @Schema(description = "How p-values were corrected", example = "Holm step-down and Bonferroni within each test over the comparisons of one measure")
        String correction,
        @Schema(description = "One block per measure value") List<MeasureComparison> measures) {

    @Schema(name = "MeasureComparison")
    public record MeasureComparison(
            @Schema(example = "map") String measure,
            @Schema(description = "Queries the runs share", example = "50") int queries,
            List<Pair> comparisons) {
    }

    /** Run A against run B; differences are A - B. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RunPairComparison")
    public record Pair(
            @Schema(example = "bm25") String runA,
            @Schema(example = "baseline") String runB,
            @Schema(example = "50") int queries,
            @Schema(description = "Mean of the measure over queries for run A", example = "0.31") double meanA,
            @Schema(example = "0.28") double meanB,
            @Schema(description = "Mean over queries of A - B with its intervals") Difference difference,
            @Schema(description = "Standardised mean difference of the pairs d_z = mean(d) / sd(d); absent when all"
                    + " differences are equal and non-zero (infinite)", example = "0.21") Double cohensDz,
            PairedTest tTest, PairedTest wilcoxon, PairedTest randomization, PairedTest bootstrap) {
    }

    @Schema(name = "MeanDifference")
    public record Difference(
            @Schema(example = "0.03") double estimate,
            @Schema(description = "Student t interval of the mean difference") Interval interval,
            @Schema(description = "Percentile bootstrap interval of the mean difference (the seed's stream)") Interval bootstrapInterval) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PairedTest")
    public record PairedTest(
            @Schema(example = "paired t-test") String test,
            @Schema(description = "Test statistic (t; W+; |mean difference|); absent when infinite", example = "0.92") Double statistic,
            @Schema(description = "Two-sided p-value", example = "0.36") double pValue,
            @Schema(description = "Holm-corrected p-value", example = "0.72") double pHolm,
            @Schema(description = "Bonferroni-corrected p-value", example = "1.0") double pBonferroni,
            @Schema(description = "Sign flips or bootstrap rounds used (2^n when exact, 0 for analytic tests)", example = "10000") long samples,
            @Schema(example = "false") boolean exact,
            @Schema(description = "Seed of a resampling test", example = "42") Long seed,
            @Schema(example = "Student t distribution with 49 degrees of freedom") String method) {

        static PairedTest of(TestResult t, double holm, double bonferroni) {
            return new PairedTest(t.test(), TrecInputs.finite(t.statistic()), t.pValue(), holm, bonferroni, t.samples(),
                    t.exact(), t.seed(), t.method());
        }
    }

    static MeasureComparison of(MultiRunComparison m) {
        List<Pair> pairs = m.comparisons().stream().map(row -> {
            PairedComparison c = row.comparison();
            MultiRunComparison.Corrected h = row.holm();
            MultiRunComparison.Corrected b = row.bonferroni();
            return new Pair(c.runA(), c.runB(), c.queries(), c.meanA(), c.meanB(),
                    new Difference(c.meanDifference(), c.meanDifferenceInterval(), c.bootstrapInterval()),
                    TrecInputs.finite(c.cohensD()),
                    PairedTest.of(c.tTest(), h.tTest(), b.tTest()),
                    PairedTest.of(c.wilcoxon(), h.wilcoxon(), b.wilcoxon()),
                    PairedTest.of(c.randomization(), h.randomization(), b.randomization()),
                    PairedTest.of(c.bootstrap(), h.bootstrap(), b.bootstrap()));
        }).toList();
        return new MeasureComparison(m.measure(), m.queryIds().size(), pairs);
    }
}
