package io.augur.retrieval.engine.significance;

import io.augur.retrieval.engine.EvaluationResult;
import java.util.List;

/** Per-query values of one measure for one run (e.g. AP per query), aligned by query id. */
public record RunScores(String run, List<String> queryIds, double[] values) {

    public RunScores {
        queryIds = List.copyOf(queryIds);
        values = values.clone();
        if (queryIds.size() != values.length) {
            throw new io.augur.stats.InvalidInputException("runs." + run,
                    queryIds.size() + " query ids but " + values.length + " values");
        }
    }

    /** The per-query values of a printed measure name (e.g. "map", "P_10") from an evaluation. */
    public static RunScores of(String run, EvaluationResult result, String valueName) {
        return new RunScores(run, result.queryIds(), result.perQuery(valueName));
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
