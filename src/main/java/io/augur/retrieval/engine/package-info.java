/**
 * Retrieval and recommendation evaluation engine (pure Java, no framework imports).
 *
 * <ul>
 *   <li>{@link io.augur.retrieval.engine.TrecEval}: trec_eval v10 measures over a qrels and a run,
 *       with per-query and aggregate results and trec_eval's text output byte for byte
 *       ({@link io.augur.retrieval.engine.TrecEvalText}).</li>
 *   <li>{@link io.augur.retrieval.engine.Qrels} and {@link io.augur.retrieval.engine.TrecEval}:
 *       streamed parsers of the TREC qrels and run formats.</li>
 *   <li>{@code measure}: one class per trec_eval measure behind the explicit
 *       {@link io.augur.retrieval.engine.measure.MeasureRegistry}.</li>
 *   <li>{@code significance}: paired tests between runs (t, Wilcoxon, randomization, bootstrap),
 *       Holm and Bonferroni corrections, effect sizes.</li>
 *   <li>{@code recommendation}: precision, recall, nDCG, MRR at k per user, item coverage and
 *       popularity bias of recommendation lists.</li>
 * </ul>
 */
package io.augur.retrieval.engine;
