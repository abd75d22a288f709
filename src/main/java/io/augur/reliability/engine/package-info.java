/**
 * Reliability engine (pure Java, no framework): how sure a benchmark score is.
 * <ul>
 * <li>{@link io.augur.reliability.engine.ScoreErrorBars}: standard errors (plain, clustered, several samples
 * per item), normal, Wilson and bootstrap intervals of a score from {@link io.augur.reliability.engine.ItemScores}.</li>
 * <li>{@link io.augur.reliability.engine.PairedComparison}: paired differences, McNemar, sign-flip
 * permutation test, Holm across many comparisons.</li>
 * <li>{@link io.augur.reliability.engine.Power}: minimum detectable effect, items and seeds needed.</li>
 * <li>{@link io.augur.reliability.engine.SeedVariance} and {@link io.augur.reliability.engine.SignalToNoise}:
 * seed standard deviation, monotonicity, signal, noise, their ratio and decision accuracy.</li>
 * <li>{@link io.augur.reliability.engine.PassAtK}: unbiased pass@k.</li>
 * </ul>
 * Bad input raises {@link io.augur.stats.InvalidInputException} naming the field; resampling loops throw
 * {@link java.util.concurrent.CancellationException} when the calling thread is interrupted.
 */
package io.augur.reliability.engine;
