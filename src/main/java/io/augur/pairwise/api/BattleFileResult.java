package io.augur.pairwise.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an uploaded battle file stored. */
@Schema(name = "BattleFileResult", description = "How many battles of the file were new and how many were already stored")
public record BattleFileResult(
        @Schema(description = "Battles read from the file (after the anony and dedup filters)", example = "2000000") long received,
        @Schema(description = "Battles stored now", example = "2000000") long added,
        @Schema(description = "Battles whose id was already stored with the same content; not counted again", example = "0") long alreadyKnown,
        @Schema(description = "The file's format: csv, jsonl or json", example = "csv") String format,
        @Schema(description = "Where the battle ids came from: a column or field of the file, or derived from each record's position", example = "column battle_id") String battleIds) {
}
