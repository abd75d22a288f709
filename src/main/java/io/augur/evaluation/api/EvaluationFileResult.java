package io.augur.evaluation.api;

import io.augur.evaluation.store.EvaluationStore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an evaluations file stored, in one transaction. */
@Schema(name = "EvaluationFileResult", description = "What an imported evaluations file stored")
public record EvaluationFileResult(
        @Schema(description = "Rows read", example = "1000000") long received,
        @Schema(description = "Rows stored as new evaluations", example = "999000") long inserted,
        @Schema(description = "Rows that replaced the value of a stored identity, or of an earlier row of the file (a row equal to the stored one counts here and is left as it is)", example = "1000") long replaced,
        @Schema(description = "Models created on the fly (createMissing)", example = "12") int modelsCreated,
        @Schema(description = "Benchmarks created on the fly (createMissing)", example = "3") int benchmarksCreated,
        @Schema(description = "The file's format: csv or jsonl", example = "csv") String format) {

    /** What {@code imported} stored, read from a file of {@code format}. */
    static EvaluationFileResult of(EvaluationStore.Imported imported, String format) {
        return new EvaluationFileResult(imported.received(), imported.inserted(), imported.replaced(),
                imported.modelsCreated(), imported.benchmarksCreated(), format);
    }
}
