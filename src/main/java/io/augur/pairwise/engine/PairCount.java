package io.augur.pairwise.engine;

/**
 * Merged battles of one ordered pair: how often A beat B, B beat A, and how often they tied. This is
 * the unit a store persists per (arena, modelA, modelB) (one count per outcome).
 */
public record PairCount(String modelA, String modelB, long winsA, long winsB, long ties) {

    public long total() {
        return winsA + winsB + ties;
    }
}
