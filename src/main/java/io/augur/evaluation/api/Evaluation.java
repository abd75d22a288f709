package io.augur.evaluation.api;

import io.augur.evaluation.store.EvaluationEntity;
import java.util.UUID;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored evaluation. */
@Schema(name = "Evaluation")
public record Evaluation(
        @Schema(required = true, description = "Random id (not guessable)", example = "0b7c6f1e-3d5a-4c2b-9e8f-1a2b3c4d5e6f") UUID id,
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
        return new Evaluation(e.publicId, e.model.name, e.benchmark.name, e.metric, e.seed, e.step, e.value, e.stdError,
                e.successes, e.attempts, e.createdAt, e.updatedAt);
    }
}
