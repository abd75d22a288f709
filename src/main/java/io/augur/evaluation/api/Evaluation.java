package io.augur.evaluation.api;

import io.augur.evaluation.store.EvaluationEntity;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored evaluation. */
@Schema(name = "Evaluation")
public record Evaluation(
        @Schema(example = "1") long id,
        @Schema(example = "pythia-1.4b") String model,
        @Schema(example = "arc-challenge") String benchmark,
        @Schema(example = "accuracy") String metric,
        @Schema(example = "1") Long seed,
        @Schema(example = "143000") Long step,
        @Schema(example = "0.2807") double value,
        @Schema(example = "0.0131") Double stdError,
        @Schema(example = "329") Long successes,
        @Schema(example = "1172") Long attempts,
        Instant createdAt,
        Instant updatedAt) {

    static Evaluation of(EvaluationEntity e) {
        return new Evaluation(e.id, e.model.name, e.benchmark.name, e.metric, e.seed, e.step, e.value, e.stdError,
                e.successes, e.attempts, e.createdAt, e.updatedAt);
    }
}
