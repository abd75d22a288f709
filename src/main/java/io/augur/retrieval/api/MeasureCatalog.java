package io.augur.retrieval.api;

import io.augur.retrieval.engine.measure.MeasureRegistry;
import io.augur.retrieval.engine.measure.TrecMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The trec_eval measures the engine knows, in trec_eval v10's order, with the sets that name them. */
@Schema(name = "MeasureCatalog", description = "trec_eval v10 measures: which Augur computes and which it leaves out")
public record MeasureCatalog(
        @Schema(description = "Every trec_eval v10 measure in print order") List<Measure> measures,
        @Schema(description = "Measure sets (trec_eval nicknames) accepted by measures, with their members")
        Map<String, List<String>> sets,
        @Schema(description = "trec_eval measure sets that are left out (asking for them is a 400)",
                example = "[\"all_prefs\", \"prefs\", \"qrels_jg\"]") List<String> unsupportedSets) {

    @Schema(name = "TrecMeasureInfo")
    public record Measure(
            @Schema(description = "Name as given to measures (trec_eval -m)", example = "P") String name,
            @Schema(description = "False for trec_eval measures Augur leaves out (preference and multi-judge"
                    + " measures, num_nonjudged_ret); asking for one is a 400", example = "true") boolean supported,
            @Schema(description = "Printed value names with default parameters", example = "[\"P_5\", \"P_10\"]")
            List<String> values,
            @Schema(description = "FLOAT, COUNT, TEXT or RUNID", example = "FLOAT") String kind,
            @Schema(description = "How the summary combines queries: MEAN, SUM, GEOMETRIC_MEAN, QUERY_COUNT, NONE",
                    example = "MEAN") String aggregation,
            @Schema(description = "Reported per query with perQuery", example = "true") Boolean perQuery,
            @Schema(description = "Reported in the summary", example = "true") Boolean summary,
            @Schema(description = "Measure sets that include it", example = "[\"official\", \"all_trec\"]")
            List<String> sets,
            @Schema(description = "A trec_eval behaviour to know of, where there is one", example = "With complete (-c)"
                    + " the summary counts every qrels line with relevance > 0, ignoring relevanceLevel (-l)")
            String note) {
    }

    static MeasureCatalog build() {
        List<Measure> out = new ArrayList<>();
        for (MeasureRegistry.Entry e : MeasureRegistry.ENTRIES) {
            List<String> sets = new ArrayList<>();
            MeasureRegistry.NICKNAMES.forEach((set, members) -> {
                if (members.contains(e.name())) {
                    sets.add(set);
                }
            });
            if (!e.supported()) {
                out.add(new Measure(e.name(), false, List.of(), null, null, null, null, sets, null));
                continue;
            }
            TrecMeasure m = e.factory().apply(null);
            out.add(new Measure(e.name(), true, m.valueNames(), m.kind().name(), m.aggregation().name(), m.perQuery(),
                    m.summary(), sets, m.note()));
        }
        return new MeasureCatalog(out, MeasureRegistry.NICKNAMES,
                List.copyOf(new TreeSet<>(MeasureRegistry.UNSUPPORTED_NICKNAMES)));
    }
}
