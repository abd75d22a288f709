package io.augur.evaluation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import stored: every row, in one transaction. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "Rows received", example = "3") int received,
        @Schema(description = "Rows stored as new evaluations", example = "2") int inserted,
        @Schema(description = "Rows that replaced the value of an existing identity (a row equal to the stored one counts here and is left as it is)", example = "1") int replaced) {
}
