package io.augur.retrieval.engine.measure;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one explicit list of trec_eval measures, in trec_eval v10's order (measures.c), which is also
 * the order results are printed in; plus v10's nicknames (official, set, all_trec). Adding a measure
 * means writing its class and adding one line to {@link #ENTRIES}. No reflection or service loading,
 * so the registry is native-image friendly.
 *
 * <p>trec_eval measures that Augur does not implement (the preference measures, the *_avgjg
 * multi-judge measures and num_nonjudged_ret) are listed by name so that asking for them fails with
 * an "unsupported measure" error instead of being confused with a typo.
 */
public final class MeasureRegistry {

    /** A registered measure: its root name and how to build it from its parameter text (null = defaults). */
    public record Entry(String name, Function<String, TrecMeasure> factory) {
        public boolean supported() {
            return factory != null;
        }
    }

    private static Entry e(String name, Function<String, TrecMeasure> factory) {
        return new Entry(name, factory);
    }

    private static Function<String, TrecMeasure> noParams(String name, java.util.function.Supplier<TrecMeasure> s) {
        return params -> {
            if (params != null) {
                throw new InvalidInputException("measure " + name, "takes no parameters, got '" + params + "'");
            }
            return s.get();
        };
    }

    private static Entry unsupported(String name) {
        return new Entry(name, null);
    }

    /** All measures in trec_eval v10 order. */
    public static final List<Entry> ENTRIES = List.of(
            e("runid", noParams("runid", RunId::new)),
            e("num_q", noParams("num_q", NumQ::new)),
            e("num_ret", noParams("num_ret", NumRet::new)),
            e("num_rel", noParams("num_rel", NumRel::new)),
            e("num_rel_ret", noParams("num_rel_ret", NumRelRet::new)),
            e("map", noParams("map", AveragePrecision::new)),
            e("gm_map", noParams("gm_map", GmMap::new)),
            e("Rprec", noParams("Rprec", Rprec::new)),
            e("bpref", noParams("bpref", Bpref::new)),
            e("recip_rank", noParams("recip_rank", RecipRank::new)),
            e("iprec_at_recall", IprecAtRecall::new),
            e("P", Precision::new),
            e("relstring", RelString::new),
            e("recall", Recall::new),
            e("infAP", noParams("infAP", InfAP::new)),
            e("gm_bpref", noParams("gm_bpref", GmBpref::new)),
            e("Rprec_mult", RprecMult::new),
            e("utility", Utility::new),
            e("11pt_avg", ElevenPointAverage::new),
            e("binG", noParams("binG", BinG::new)),
            e("G", G::new),
            e("dcg", p -> new Ndcg("dcg", Ndcg.Kind.DCG, p)),
            e("ideal_dcg", p -> new Ndcg("ideal_dcg", Ndcg.Kind.IDEAL_DCG, p)),
            e("ndcg", p -> new Ndcg("ndcg", Ndcg.Kind.NDCG, p)),
            e("ndcg_rel", NdcgRel::new),
            e("Rndcg", Rndcg::new),
            e("ndcg_cut", NdcgCut::new),
            e("map_cut", MapCut::new),
            e("relative_P", RelativeP::new),
            e("success", Success::new),
            e("set_P", noParams("set_P", SetP::new)),
            e("set_relative_P", noParams("set_relative_P", SetRelativeP::new)),
            e("set_recall", noParams("set_recall", SetRecall::new)),
            e("set_map", noParams("set_map", SetMap::new)),
            e("set_F", SetF::new),
            e("num_nonrel_judged_ret", noParams("num_nonrel_judged_ret", NumNonrelJudgedRet::new)),
            unsupported("num_nonjudged_ret"),
            unsupported("prefs_num_prefs_poss"),
            unsupported("prefs_num_prefs_ful"),
            unsupported("prefs_num_prefs_ful_ret"),
            unsupported("prefs_simp"),
            unsupported("prefs_pair"),
            unsupported("prefs_avgjg"),
            unsupported("prefs_avgjg_Rnonrel"),
            unsupported("prefs_simp_ret"),
            unsupported("prefs_pair_ret"),
            unsupported("prefs_avgjg_ret"),
            unsupported("prefs_avgjg_Rnonrel_ret"),
            unsupported("prefs_simp_imp"),
            unsupported("prefs_pair_imp"),
            unsupported("prefs_avgjg_imp"),
            unsupported("map_avgjg"),
            unsupported("P_avgjg"),
            unsupported("Rprec_mult_avgjg"),
            e("yaap", noParams("yaap", Yaap::new)),
            e("rbp", Rbp::new),
            e("rbp_resid", RbpResidual::new),
            e("unj", Unjudged::new));

    /** trec_eval v10 nicknames for measure sets. */
    public static final java.util.Map<String, List<String>> NICKNAMES;

    static {
        java.util.Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("official", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map",
                "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P"));
        m.put("set", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P",
                "set_recall", "set_relative_P", "set_map", "set_F"));
        m.put("all_trec", List.of("runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map",
                "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P", "relstring",
                "recall", "unj", "rbp", "rbp_resid", "infAP", "gm_bpref",
                "utility", "11pt_avg", "ndcg", "relative_P", "Rprec_mult", "success",
                "map_cut", "ndcg_cut", "ndcg_rel", "Rndcg", "binG", "G",
                "set_P", "set_recall", "set_relative_P", "set_map", "set_F",
                "num_nonrel_judged_ret"));
        NICKNAMES = java.util.Collections.unmodifiableMap(m);
    }

    /** trec_eval measure sets that Augur does not implement (preference and multi-judge measures). */
    public static final Set<String> UNSUPPORTED_NICKNAMES = Set.of("all_prefs", "prefs", "qrels_jg");

    private MeasureRegistry() {
    }

    /**
     * Resolves trec_eval -m arguments ("P.5,10", "all_trec", "ndcg.1=3,2=9") to configured measures in
     * registry order. As in trec_eval, the text before the first '.' names a measure or nickname and
     * the rest are its parameters; when a measure is given parameters more than once, the first wins.
     * An empty list means trec_eval's default, "official".
     */
    public static List<TrecMeasure> resolve(List<String> args) {
        List<String> effective = args.isEmpty() ? List.of("official") : args;
        java.util.Map<String, String> marked = new LinkedHashMap<>();
        java.util.Map<String, String> params = new LinkedHashMap<>();
        for (String arg : effective) {
            int dot = arg.indexOf('.');
            String name = dot < 0 ? arg : arg.substring(0, dot);
            if (dot >= 0) {
                String p = arg.substring(dot + 1);
                if (p.isEmpty()) {
                    throw new InvalidInputException("measures", "improper measure parameter in '" + arg + "'");
                }
                params.putIfAbsent(name, p);
            }
            if (UNSUPPORTED_NICKNAMES.contains(name)) {
                throw new InvalidInputException("measures", "unsupported measure set '" + name
                        + "': Augur does not implement trec_eval's preference or multi-judge measures");
            }
            List<String> set = NICKNAMES.get(name);
            if (set != null) {
                for (String n : set) {
                    marked.put(n, n);
                }
                continue;
            }
            Entry entry = find(name);
            if (entry == null) {
                throw new InvalidInputException("measures", "unknown measure '" + name + "'");
            }
            if (!entry.supported()) {
                throw new InvalidInputException("measures", "unsupported measure '" + name
                        + "': it is a trec_eval measure that Augur does not implement");
            }
            marked.put(name, name);
        }
        List<TrecMeasure> out = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (marked.containsKey(entry.name())) {
                out.add(entry.factory().apply(params.get(entry.name())));
            }
        }
        return out;
    }

    public static Entry find(String name) {
        for (Entry entry : ENTRIES) {
            if (entry.name().equals(name)) {
                return entry;
            }
        }
        return null;
    }
}
