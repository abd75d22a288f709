/**
 * Score-table aggregation engine (pure Java, no framework): rank systems from per-task scores over
 * several runs.
 * <ul>
 * <li>{@link io.augur.aggregate.engine.ScoreTable}: validated input, normalisation
 * ({@link io.augur.aggregate.engine.Normalization}), missing-task policy
 * ({@link io.augur.aggregate.engine.MissingTasks}).</li>
 * <li>{@link io.augur.aggregate.engine.ScoreAggregates}: rliable's mean, median, IQM and optimality
 * gap ({@link io.augur.aggregate.engine.Aggregate}) with
 * {@link io.augur.aggregate.engine.StratifiedBootstrap} intervals.</li>
 * <li>{@link io.augur.aggregate.engine.PerformanceProfile} and
 * {@link io.augur.aggregate.engine.ProbabilityOfImprovement}.</li>
 * <li>{@link io.augur.aggregate.engine.SocialChoiceRanking}: Borda, Copeland, Kemeny across tasks;
 * {@link io.augur.aggregate.engine.RankAgreement}: Kendall tau-b and Spearman between rankings.</li>
 * </ul>
 * Bad input raises {@link io.augur.stats.InvalidInputException} naming the field; long bootstrap and
 * Kemeny loops throw {@link java.util.concurrent.CancellationException} when the computation's
 * {@link io.augur.stats.CancellationToken} is tripped.
 */
package io.augur.aggregate.engine;
