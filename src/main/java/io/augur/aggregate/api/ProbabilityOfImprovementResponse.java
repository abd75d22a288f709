package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.stats.Interval;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P(X > Y): mean over tasks of the Mann-Whitney probability, with its interval. */
@Schema(name = "ProbabilityOfImprovementResponse")
public record ProbabilityOfImprovementResponse(TableSummary table, BootstrapReport bootstrap,
        @Schema(example = "SPR") String x, @Schema(example = "CURL") String y,
        @Schema(description = "Mean over tasks of P_t(X > Y), ties counting half", example = "0.78") double probability,
        Interval interval, List<TaskProbability> perTask) {

    @Schema(name = "TaskProbability")
    public record TaskProbability(@Schema(example = "Alien") String task, @Schema(example = "0.75") double probability) {
    }
}
