package io.augur.retrieval.engine.measure;

/**
 * How per-query values become the "all" value (trec_eval meas_avg.c): arithmetic MEAN over the
 * evaluated queries, SUM (counts), GEOMETRIC_MEAN (per-query values are stored as logs of
 * max(value, 1e-5) and the summary is exp of their mean), QUERY_COUNT (num_q), or NONE (relstring,
 * runid).
 */
public enum Aggregation {
    MEAN, SUM, GEOMETRIC_MEAN, QUERY_COUNT, NONE
}
