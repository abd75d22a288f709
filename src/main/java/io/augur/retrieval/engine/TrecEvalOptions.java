package io.augur.retrieval.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * trec_eval's command-line options as an immutable value.
 *
 * @param perQuery            -q: also report each query
 * @param complete            -c: average over all qrels queries; a query absent from the run is
 *                            evaluated on trec_eval v10's stand-in ranking (one unjudged document) and
 *                            then reports 0 retrieved
 * @param relevanceLevel      -l: minimum relevance value that counts as relevant (default 1), within
 *                            +-{@link Qrels#MAX_RELEVANCE}
 * @param maxDocsPerQuery     -M: evaluate only the top M documents of each query (default unlimited)
 * @param measures            -m arguments in order, e.g. "all_trec", "P.5,10", "ndcg.1=3,2=9"; empty
 *                            means trec_eval's default set "official"
 * @param judgedDocsOnly      -J: drop unjudged documents from each ranking before evaluating
 * @param numDocsInCollection -N: collection size, used by utility's fourth coefficient (default 0)
 * @param summary             false for -n: no "all" block in the text output
 */
public record TrecEvalOptions(boolean perQuery, boolean complete, int relevanceLevel, long maxDocsPerQuery,
        List<String> measures, boolean judgedDocsOnly, long numDocsInCollection, boolean summary) {

    public TrecEvalOptions {
        measures = List.copyOf(measures);
        if (relevanceLevel > Qrels.MAX_RELEVANCE || relevanceLevel < -Qrels.MAX_RELEVANCE) {
            throw new InvalidInputException("options.relevanceLevel", "must be between " + -Qrels.MAX_RELEVANCE + " and "
                    + Qrels.MAX_RELEVANCE + ", was " + relevanceLevel);
        }
        if (maxDocsPerQuery <= 0) {
            throw new InvalidInputException("options.maxDocsPerQuery", "must be positive, was " + maxDocsPerQuery);
        }
    }

    /** trec_eval with no flags: official measures, summary only. */
    public static TrecEvalOptions defaults() {
        return new TrecEvalOptions(false, false, 1, Long.MAX_VALUE, List.of(), false, 0, true);
    }

    public TrecEvalOptions withPerQuery(boolean q) {
        return new TrecEvalOptions(q, complete, relevanceLevel, maxDocsPerQuery, measures, judgedDocsOnly,
                numDocsInCollection, summary);
    }

    public TrecEvalOptions withMeasures(String... m) {
        return new TrecEvalOptions(perQuery, complete, relevanceLevel, maxDocsPerQuery, List.of(m), judgedDocsOnly,
                numDocsInCollection, summary);
    }

    /**
     * Parses trec_eval flags, e.g. {@code fromArgs("-q", "-c", "-M100", "-m", "all_trec", "-l2")}. Accepts
     * -q -c -n -J, -l/-M/-N/-m with the value attached or as the next argument.
     */
    public static TrecEvalOptions fromArgs(String... args) {
        boolean q = false;
        boolean c = false;
        boolean summary = true;
        boolean judged = false;
        int level = 1;
        long max = Long.MAX_VALUE;
        long n = 0;
        List<String> measures = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.length() < 2 || a.charAt(0) != '-') {
                throw new InvalidInputException("options", "unexpected argument '" + a + "'");
            }
            char f = a.charAt(1);
            switch (f) {
                case 'q' -> q = true;
                case 'c' -> c = true;
                case 'n' -> summary = false;
                case 'J' -> judged = true;
                case 'l', 'M', 'N', 'm' -> {
                    String v = a.length() > 2 ? a.substring(2) : (i + 1 < args.length ? args[++i] : null);
                    if (v == null || v.isEmpty()) {
                        throw new InvalidInputException("options", "flag -" + f + " needs a value");
                    }
                    try {
                        switch (f) {
                            case 'l' -> level = Integer.parseInt(v);
                            case 'M' -> max = Long.parseLong(v);
                            case 'N' -> n = Long.parseLong(v);
                            default -> measures.add(v);
                        }
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("options", "flag -" + f + " needs an integer, got '" + v + "'");
                    }
                }
                default -> throw new InvalidInputException("options", "unsupported trec_eval flag '" + a + "'");
            }
        }
        return new TrecEvalOptions(q, c, level, max, measures, judged, n, summary);
    }
}
