package io.augur.pairwise.engine;

/**
 * A cursor over the battles of a file, read in one pass: {@link #next} hands up to {@code max} battles to
 * a sink and returns how many it read (0 at the end). Bad records raise an
 * {@link io.augur.stats.InvalidInputException} naming the line and the field. Not thread-safe.
 */
public interface BattleSource {

    int next(int max, BattleSink sink);

    /** csv, jsonl or json. */
    String format();

    /** Where battle ids come from ("column battle_id"), or null when the file has none. */
    String idSource();
}
