package io.augur.evaluation.api;

import io.augur.evaluation.store.ModelEntity;
import java.util.UUID;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored model. */
@Schema(name = "Model")
public record Model(
        @Schema(required = true, description = "Random id (not guessable)", example = "0b7c6f1e-3d5a-4c2b-9e8f-1a2b3c4d5e6f") UUID id,
        @Schema(example = "pythia-1.4b") String name,
        @Schema(example = "pythia") String family,
        @Schema(example = "1414647808") Long parameters,
        @Schema(example = "300000000000") Double trainingTokens,
        @Schema(example = "2.546e21") Double trainingCompute,
        @Schema(example = "2023-02-13") LocalDate releaseDate,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {

    static Model of(ModelEntity e) {
        return new Model(e.publicId, e.name, e.family, e.parameters, e.trainingTokens, e.trainingCompute, e.releaseDate,
                e.attributes, e.createdAt, e.updatedAt);
    }

    static void apply(ModelInput in, ModelEntity e) {
        e.name = in.name().strip();
        e.family = in.family();
        e.parameters = in.parameters();
        e.trainingTokens = in.trainingTokens();
        e.trainingCompute = in.trainingCompute();
        e.releaseDate = in.releaseDate();
        e.attributes = in.attributes() == null ? Map.of() : in.attributes();
    }
}
