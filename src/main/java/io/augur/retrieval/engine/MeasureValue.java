package io.augur.retrieval.engine;

import io.augur.retrieval.engine.measure.ValueKind;

/**
 * One printed value of a measure: {@code measure} is the root name ("P"), {@code name} the value's name
 * ("P_10"), {@code value} the number (counts are whole numbers), {@code text} the string for TEXT
 * (relstring) and RUNID values, else null.
 */
public record MeasureValue(String measure, String name, ValueKind kind, double value, String text) {
}
