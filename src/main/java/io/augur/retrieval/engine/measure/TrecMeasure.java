package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;
import java.util.List;

/**
 * A trec_eval measure configured with its parameters: it has one or more named values (e.g. P_5,
 * P_10) computed per query from a {@link RankedQuery}. Subclasses are immutable and stateless, so one
 * instance serves any number of threads. Each subclass documents its formula and reference.
 */
public abstract class TrecMeasure {

    private final String name;
    private final List<String> valueNames;

    protected TrecMeasure(String name, List<String> valueNames) {
        this.name = name;
        this.valueNames = List.copyOf(valueNames);
    }

    /** The measure's root name as given to -m (e.g. "P"). */
    public final String name() {
        return name;
    }

    /** The printed names of its values (e.g. "P_5", "P_10"), in print order. */
    public final List<String> valueNames() {
        return valueNames;
    }

    public ValueKind kind() {
        return ValueKind.FLOAT;
    }

    public Aggregation aggregation() {
        return Aggregation.MEAN;
    }

    /** Whether trec_eval prints it for each query under -q. */
    public boolean perQuery() {
        return true;
    }

    /** Whether trec_eval prints it in the summary ("all") block. */
    public boolean summary() {
        return true;
    }

    /** Where the measure follows a trec_eval quirk that users should know of, a sentence saying so; else null. */
    public String note() {
        return null;
    }

    /** Writes the values of this measure for one query into out[offset ..]. */
    public abstract void compute(RankedQuery q, double[] out, int offset);

    /** The text value of a TEXT measure (relstring). */
    public String text(RankedQuery q) {
        throw new UnsupportedOperationException(name + " has no text value");
    }
}
