/**
 * Time-horizon engine (pure Java, no framework): METR's measure of how long the tasks an agent can do
 * are, and how fast that grows.
 * <ul>
 * <li>{@link io.augur.horizon.engine.TimeHorizons}: per agent a weighted, slope-penalised logistic regression
 * of success on log2(human minutes) ({@link io.augur.horizon.engine.PenalizedLogistic}), the 50% and 80%
 * horizons, and METR's hierarchical bootstrap (task families, tasks, runs); settings in
 * {@link io.augur.horizon.engine.HorizonSettings}, weights in {@link io.augur.horizon.engine.Weighting}.</li>
 * <li>{@link io.augur.horizon.engine.HorizonTrend}: METR's frontier, the doubling time with a bootstrap over
 * models, the date a horizon is reached, a backtest, and exponential against a change of slope.</li>
 * </ul>
 * Bad input raises {@link io.augur.stats.InvalidInputException} naming the field; bootstrap loops throw
 * {@link java.util.concurrent.CancellationException} when the calling thread is interrupted.
 */
package io.augur.horizon.engine;
