/**
 * Fill the matrix and choose a model (pure Java, no framework): predict missing cells of a model x
 * benchmark score table, each with a bootstrap interval and the method that produced it.
 * <ul>
 * <li>{@link io.augur.matrix.engine.MatrixCompletion}: alternating least squares with model and benchmark
 * features, soft-impute, k nearest models, or the capability index; settings chosen by held-out error;
 * bootstrap over models (seeded, {@link io.augur.stats.RandomStreams}; rounds on any
 * {@link java.util.concurrent.Executor}, sequential by default).</li>
 * <li>{@link io.augur.matrix.engine.ObservationalScaling}: Ruan et al.'s PCA + Huber sigmoid, and the
 * log-compute sigmoid for comparison.</li>
 * <li>{@link io.augur.matrix.engine.CapabilityIndex}: Epoch's benchmark stitching with intervals.</li>
 * <li>{@link io.augur.matrix.engine.Backtest}: random masking, compute threshold, newest models; MAE,
 * RMSE, CPP's MAE@0/MAE@2, coverage.</li>
 * <li>{@link io.augur.matrix.engine.NextMeasurement}, {@link io.augur.matrix.engine.ModelChoice},
 * {@link io.augur.matrix.engine.RouterEvaluation}: decisions from the predictions.</li>
 * </ul>
 * Bad input raises {@link io.augur.stats.InvalidInputException} naming the field; long loops throw
 * {@link java.util.concurrent.CancellationException} when the calling thread is interrupted.
 */
package io.augur.matrix.engine;
