package io.augur.pairwise.engine;

/** A model and its point rating on the Elo scale. */
public record ModelRating(String model, double rating) {
}
