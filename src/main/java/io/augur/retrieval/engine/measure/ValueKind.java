package io.augur.retrieval.engine.measure;

/** How a measure's value is printed by trec_eval: "%6.4f", "%ld", a quoted string, or the run id. */
public enum ValueKind {
    FLOAT, COUNT, TEXT, RUNID
}
