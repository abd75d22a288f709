/**
 * Forecasting engine: fit scaling laws, benchmark curves and learning curves, extrapolate with
 * bootstrap intervals, backtest every form. Pure Java (Commons Math / Statistics / RNG only).
 *
 * <ul>
 *   <li>Forms, all behind {@link io.augur.forecast.engine.CurveForm}: {@link io.augur.forecast.engine.SaturatingPowerLaw},
 *       {@link io.augur.forecast.engine.Chinchilla}, {@link io.augur.forecast.engine.Sigmoid},
 *       {@link io.augur.forecast.engine.LearningCurveForms} (11 families); the API names them.</li>
 *   <li>Fitting: {@link io.augur.forecast.engine.CurveFitter#fit(FitSpec)} (multi-start projected
 *       {@link io.augur.stats.Lbfgs}, {@link io.augur.forecast.engine.Loss}: Huber on log residuals,
 *       least squares, binomial) -> {@link io.augur.forecast.engine.FitResult} with
 *       {@link io.augur.forecast.engine.Bootstrap} percentile intervals and
 *       {@link io.augur.forecast.engine.FitResult#predict(double...)}.</li>
 *   <li>Trust: {@link io.augur.forecast.engine.Backtest} (hold out the top of the scale axis; auto form choice).</li>
 *   <li>Derived answers: {@link io.augur.forecast.engine.ComputeOptimal}, {@link io.augur.forecast.engine.Targets},
 *       {@link io.augur.forecast.engine.TwoStage}, {@link io.augur.forecast.engine.LearningCurveEnsemble}
 *       (forecast and P(final value above a threshold)).</li>
 *   <li>Pictures: {@link io.augur.forecast.engine.FitPlot} (SVG).</li>
 * </ul>
 * Bad input raises {@link io.augur.stats.InvalidInputException} naming the field ({@code points[3].x}).
 * Every interval states its method and seed; results are deterministic given the seed and independent
 * of the number of threads. Tripping the computation's {@link io.augur.stats.CancellationToken}
 * cancels long computations with a {@link java.util.concurrent.CancellationException}.
 */
package io.augur.forecast.engine;
