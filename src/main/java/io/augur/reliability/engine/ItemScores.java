package io.augur.reliability.engine;

import io.augur.stats.InvalidInputException;

/**
 * Item-level results of one model on one benchmark: {@code samples[i]} holds the scores of item i (one
 * or more samples, e.g. several generations per question), and optionally {@code clusters[i]} the group
 * the item belongs to (a passage, a subject) for clustered standard errors. Validated on construction:
 * at least two items, finite scores, a cluster for every item when clusters are given.
 */
public record ItemScores(double[][] samples, String[] clusters) {

    public ItemScores {
        validate(samples, clusters, "scores");
    }

    public static ItemScores of(double[] oneSamplePerItem) {
        if (oneSamplePerItem == null) {
            throw new InvalidInputException("scores", "missing");
        }
        double[][] s = new double[oneSamplePerItem.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new double[] {oneSamplePerItem[i]};
        }
        return new ItemScores(s, null);
    }

    public int items() {
        return samples.length;
    }

    /** The item's mean over its samples. */
    public double itemMean(int i) {
        double s = 0;
        for (double v : samples[i]) {
            s += v;
        }
        return s / samples[i].length;
    }

    public double[] itemMeans() {
        double[] m = new double[samples.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = itemMean(i);
        }
        return m;
    }

    /** True when every item has one sample and every score is 0 or 1. */
    public boolean binary() {
        for (double[] s : samples) {
            if (s.length != 1 || (s[0] != 0 && s[0] != 1)) {
                return false;
            }
        }
        return true;
    }

    static void validate(double[][] samples, String[] clusters, String field) {
        if (samples == null) {
            throw new InvalidInputException(field, "missing");
        }
        if (samples.length < 2) {
            throw new InvalidInputException(field, "need at least 2 items, got " + samples.length);
        }
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] == null || samples[i].length == 0) {
                throw new InvalidInputException(field + "[" + i + "]", "an item needs at least one score");
            }
            for (int k = 0; k < samples[i].length; k++) {
                if (!Double.isFinite(samples[i][k])) {
                    throw new InvalidInputException(field + "[" + i + "]" + (samples[i].length > 1 ? "[" + k + "]" : ""),
                            "must be a finite number, was " + samples[i][k]);
                }
            }
        }
        if (clusters != null) {
            if (clusters.length != samples.length) {
                throw new InvalidInputException("clusters", "give one cluster per item: " + clusters.length
                        + " clusters for " + samples.length + " items");
            }
            for (int i = 0; i < clusters.length; i++) {
                if (clusters[i] == null || clusters[i].isBlank()) {
                    throw new InvalidInputException("clusters[" + i + "]", "missing or blank");
                }
            }
        }
    }
}
