package io.augur.pairwise.engine;

/** Receives battles as a {@link BattleSource} reads them. */
public interface BattleSink {

    /** Interns a model name and returns the sink's index for it (called once per distinct name). */
    int model(String name);

    /**
     * One battle between interned models; {@code outcome} is the {@link Outcome} ordinal, {@code battleId}
     * the file's id or null when it has none, {@code position} the 1-based number of the record in the
     * file (records dropped by a filter are numbered too).
     */
    void battle(int a, int b, int outcome, String battleId, long position);
}
