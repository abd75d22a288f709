package io.augur.pairwise.engine;

/** One pairwise battle: model A against model B and who won. */
public record Battle(String modelA, String modelB, Outcome outcome) {
}
