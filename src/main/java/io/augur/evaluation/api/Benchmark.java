package io.augur.evaluation.api;

import io.augur.evaluation.store.BenchmarkEntity;
import java.util.UUID;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored benchmark (task). */
@Schema(name = "Benchmark")
public record Benchmark(
        @Schema(required = true, description = "Random id (not guessable)", example = "0b7c6f1e-3d5a-4c2b-9e8f-1a2b3c4d5e6f") UUID id,
        @Schema(example = "arc-challenge") String name,
        @Schema(example = "accuracy") String metric,
        @Schema(example = "true") boolean higherIsBetter,
        @Schema(example = "0.25") Double chanceLevel,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    static Benchmark of(BenchmarkEntity e) {
        return new Benchmark(e.publicId, e.name, e.metric, e.higherIsBetter, e.chanceLevel, e.description, e.createdAt,
                e.updatedAt);
    }

    static void apply(BenchmarkInput in, BenchmarkEntity e) {
        e.name = in.name().strip();
        e.metric = in.metric().strip();
        e.higherIsBetter = in.higherIsBetter() == null || in.higherIsBetter();
        e.chanceLevel = in.chanceLevel();
        e.description = in.description();
    }
}
