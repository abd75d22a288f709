package io.augur.forecast.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies of the forecast endpoints. Every curve request takes its data either inline
 * ({@code points}) or as a {@code selection} of stored evaluations; the form is a plain string.
 */
public final class ForecastRequests {

    private ForecastRequests() {
    }

    public static final int MAX_POINTS = 100_000;
    public static final int MAX_ROUNDS = 10_000;
    public static final int MAX_STARTS = 10_000;

    static final String FORM_DESCRIPTION = "Curve form: power-law (y = E + A x^-alpha), chinchilla "
            + "(L = E + A/N^alpha + B/D^beta, points carry n, d, loss), sigmoid (score against log10 x, floor = chance "
            + "level), pass-counts (sigmoid fitted by binomial likelihood to successes of attempts), two-stage (x -> loss "
            + "by power-law or chinchilla, then loss -> score by a sigmoid; points carry loss and, where measured, y), a "
            + "learning-curve family (vap, pow3, loglog_linear, hill3, log_power, pow4, mmf, exp4, janoschek, weibull, "
            + "ilog2), or auto (backtest the candidates and fit the best)";

    /** The fields shared by every curve-fitting request. */
    public interface CurveRequest {
        String form();

        List<PointInput> points();

        SelectionInput selection();

        String loss();

        BootstrapSettings bootstrap();

        List<List<Double>> starts();

        Double floor();

        Double ceiling();

        Boolean fitCeiling();

        List<String> candidates();
    }

    @Schema(name = "ForecastPoint", description = "One measured point: x and y; or n, d and loss (chinchilla); or x, "
            + "successes and attempts (pass counts); two-stage points carry x (or n, d), loss and the score y")
    public record PointInput(
            @Finite @Schema(description = "Scale: parameters, tokens, compute or step (> 0 for log forms)", example = "1e20") Double x,
            @Finite @Schema(description = "Parameters N (chinchilla)", example = "4.0e8") Double n,
            @Finite @Schema(description = "Training tokens D (chinchilla)", example = "8.0e9") Double d,
            @Finite @Schema(description = "Measured value (loss, score, accuracy)", example = "3.1") Double y,
            @Finite @Schema(description = "Measured loss (chinchilla and two-stage)", example = "2.9") Double loss,
            @PositiveOrZero @Schema(description = "Successes k (pass counts)", example = "3") Long successes,
            @Positive @Schema(description = "Attempts n (pass counts), k <= n", example = "10000") Long attempts) {
    }

    @Schema(name = "ForecastInputAt", description = "Where to predict: x, or n and d for chinchilla")
    public record InputAt(
            @Finite @Schema(example = "1e23") Double x,
            @Finite @Schema(example = "7.0e10") Double n,
            @Finite @Schema(example = "1.4e12") Double d) {
    }

    @Schema(name = "EvaluationSelection", description = "Stored evaluations to fit instead of inline points: one "
            + "benchmark and metric (default: the benchmark's metric), optionally restricted to named models or a "
            + "family; x is read from the model (parameters, trainingTokens, trainingCompute) or the evaluation's step. "
            + "Chinchilla reads N = parameters and D = trainingTokens (or trainingCompute / 6N). Repeated evaluations at "
            + "the same x are averaged (counts summed).")
    public record SelectionInput(
            @NotBlank @Size(max = 200) @Schema(required = true, example = "arc-challenge") String benchmark,
            @Size(max = 100) @Schema(example = "accuracy") String metric,
            @Size(max = 10_000) @Schema(example = "[\"pythia-70m\", \"pythia-160m\"]") List<@NotBlank String> models,
            @Size(max = 200) @Schema(example = "pythia") String family,
            @Pattern(regexp = "parameters|trainingTokens|trainingCompute|step", message = "must be one of parameters, trainingTokens, trainingCompute, step")
            @Schema(enumeration = { "parameters", "trainingTokens", "trainingCompute", "step" }, defaultValue = "trainingCompute") String x) {
    }

    @Schema(name = "Holdout", description = "Which points a backtest holds out: the top ordersOfMagnitude of scale "
            + "(default 1) or the lastFraction of points by scale; give at most one")
    public record HoldoutInput(
            @Finite @Positive @Schema(example = "1") Double ordersOfMagnitude,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(example = "0.2") Double lastFraction) {
    }

    static final String POWER_LAW_EXAMPLE = """
            {"form": "power-law",
             "points": [{"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                        {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
             "bootstrap": {"rounds": 200, "seed": 7}}""";

    @Schema(name = "FitRequest", description = "A curve to fit: a form and its points (or a selection)")
    public record FitRequest(
            @NotBlank @Schema(required = true, description = FORM_DESCRIPTION, example = "power-law") String form,
            @Size(max = MAX_POINTS) @Schema(description = "Inline points (or give a selection)") List<@NotNull @Valid PointInput> points,
            @Valid @Schema(description = "Stored evaluations instead of points") SelectionInput selection,
            @Pattern(regexp = "huber|least-squares|binomial", message = "must be one of huber, least-squares, binomial")
            @Schema(enumeration = { "huber", "least-squares", "binomial" }, description = "Default: huber on log residuals "
                    + "for power-law and chinchilla, least-squares for sigmoids and learning curves, binomial for counts") String loss,
            @Valid BootstrapSettings bootstrap,
            @Size(max = MAX_STARTS) @Schema(description = "Starting points of the multi-start search (default: the form's grid)")
            List<@NotNull @Size(min = 1, max = 20) List<@NotNull @Finite Double>> starts,
            @Finite @Schema(description = "Sigmoid floor (default: the benchmark's chance level, else 0)", example = "0.25") Double floor,
            @Finite @Schema(description = "Sigmoid ceiling (default 1)", example = "1") Double ceiling,
            @Schema(description = "Fit the sigmoid ceiling in [floor, 1] instead of fixing it", example = "false") Boolean fitCeiling,
            @Size(max = 20) @Schema(description = "Candidate forms for auto (default: power-law, sigmoid and the "
                    + "learning-curve families; chinchilla for n, d points)") List<@NotBlank String> candidates)
            implements CurveRequest {
    }

    @Schema(name = "PredictRequest", description = "A curve to fit and the inputs to predict at")
    public record PredictRequest(
            @NotBlank @Schema(required = true, description = FORM_DESCRIPTION, example = "power-law") String form,
            @Size(max = MAX_POINTS) List<@NotNull @Valid PointInput> points,
            @Valid SelectionInput selection,
            @Pattern(regexp = "huber|least-squares|binomial", message = "must be one of huber, least-squares, binomial")
            @Schema(enumeration = { "huber", "least-squares", "binomial" }) String loss,
            @Valid BootstrapSettings bootstrap,
            @Size(max = MAX_STARTS) List<@NotNull @Size(min = 1, max = 20) List<@NotNull @Finite Double>> starts,
            @Finite Double floor,
            @Finite Double ceiling,
            Boolean fitCeiling,
            @Size(max = 20) List<@NotBlank String> candidates,
            @NotNull @Size(min = 1, max = 1000) @Schema(required = true, description = "Inputs to predict at")
            List<@NotNull @Valid InputAt> at) implements CurveRequest {
    }

    @Schema(name = "BacktestRequest", description = "Hold out the largest points, fit the rest, score the held-out points")
    public record BacktestRequest(
            @NotBlank @Schema(required = true, description = FORM_DESCRIPTION, example = "auto") String form,
            @Size(max = MAX_POINTS) List<@NotNull @Valid PointInput> points,
            @Valid SelectionInput selection,
            @Pattern(regexp = "huber|least-squares|binomial", message = "must be one of huber, least-squares, binomial")
            @Schema(enumeration = { "huber", "least-squares", "binomial" }) String loss,
            @Valid BootstrapSettings bootstrap,
            @Size(max = MAX_STARTS) List<@NotNull @Size(min = 1, max = 20) List<@NotNull @Finite Double>> starts,
            @Finite Double floor,
            @Finite Double ceiling,
            Boolean fitCeiling,
            @Size(max = 20) List<@NotBlank String> candidates,
            @Valid @Schema(description = "Default: the top order of magnitude of scale when the data span at least two "
                    + "orders of magnitude, else the last 20% of points (learning curves)") HoldoutInput holdout,
            @Valid @Schema(description = "Plot only: axis labels and log-y") PlotInput plot)
            implements CurveRequest {
    }

    @Schema(name = "PlotOptions", description = "Axis labels (default: from the selection's x quantity and metric, else x "
            + "and y) and a logarithmic y axis (for losses spanning orders of magnitude)")
    public record PlotInput(
            @Size(max = 200) @Schema(example = "training compute (FLOP)") String xLabel,
            @Size(max = 200) @Schema(example = "validation loss") String yLabel,
            @Schema(defaultValue = "false") Boolean logY) {
    }

    @Schema(name = "TargetRequest", description = "A one-input curve (or chinchilla) and the value to reach")
    public record TargetRequest(
            @NotBlank @Schema(required = true, description = FORM_DESCRIPTION, example = "power-law") String form,
            @Size(max = MAX_POINTS) List<@NotNull @Valid PointInput> points,
            @Valid SelectionInput selection,
            @Pattern(regexp = "huber|least-squares|binomial", message = "must be one of huber, least-squares, binomial")
            @Schema(enumeration = { "huber", "least-squares", "binomial" }) String loss,
            @Valid BootstrapSettings bootstrap,
            @Size(max = MAX_STARTS) List<@NotNull @Size(min = 1, max = 20) List<@NotNull @Finite Double>> starts,
            @Finite Double floor,
            @Finite Double ceiling,
            Boolean fitCeiling,
            @Size(max = 20) List<@NotBlank String> candidates,
            @NotNull @Finite @Schema(required = true, description = "Value to reach (chinchilla: a loss, answered as "
                    + "compute along the compute-optimal frontier)", example = "2.35") Double target)
            implements CurveRequest {
    }

    @Schema(name = "ComputeOptimalRequest", description = "Chinchilla points (n, d, loss) or a selection, and a budget")
    public record ComputeOptimalRequest(
            @Size(max = MAX_POINTS) List<@NotNull @Valid PointInput> points,
            @Valid SelectionInput selection,
            @Pattern(regexp = "huber|least-squares", message = "must be one of huber, least-squares")
            @Schema(enumeration = { "huber", "least-squares" }) String loss,
            @Valid BootstrapSettings bootstrap,
            @Size(max = MAX_STARTS) List<@NotNull @Size(min = 5, max = 5) List<@NotNull @Finite Double>> starts,
            @NotNull @Finite @Positive @Schema(required = true, description = "Compute budget C in FLOP (C = 6ND)", example = "5.76e23") Double compute,
            @Finite @Positive @Schema(description = "Optional loss to reach: the compute it needs on the optimal frontier", example = "1.95") Double targetLoss)
            implements CurveRequest {

        @Override
        public String form() {
            return "chinchilla";
        }

        @Override
        public Double floor() {
            return null;
        }

        @Override
        public Double ceiling() {
            return null;
        }

        @Override
        public Boolean fitCeiling() {
            return null;
        }

        @Override
        public List<String> candidates() {
            return null;
        }
    }

    @Schema(name = "LearningCurveRequest", description = "A partial learning curve (x = epoch or step >= 1, y within the metric's bounds) "
            + "to extrapolate to the horizon with a weighted ensemble of learning-curve families")
    public record LearningCurveRequest(
            @NotNull @Size(min = 3, max = MAX_POINTS) @Schema(required = true) List<@NotNull @Valid PointInput> points,
            @NotNull @Finite @Schema(required = true, description = "Step or epoch to forecast", example = "40") Double horizon,
            @Schema(description = "True for error rates and other metrics where lower is better (default false: accuracies)", example = "false") Boolean lowerIsBetter,
            @Finite @Schema(description = "Threshold for the early-stopping probabilities", example = "0.8") Double threshold,
            @Size(min = 1, max = 11) @Schema(description = "Families to combine (default: all eleven)") List<@NotBlank String> forms,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Share of the observed suffix held out to weight the families", defaultValue = "0.2") Double holdoutFraction,
            @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(defaultValue = "0.95") Double level,
            @Size(max = 200) @Schema(description = "Name of the metric (e.g. accuracy, error rate, accuracy %); a name with "
                    + "'%' or 'percent' means bounds [0, 100] unless bounds are given", example = "error rate") String metric,
            @Valid @Schema(description = "The metric's bounds; forecasts and intervals stay within them (default [0, 1], "
                    + "or [0, 100] for a percentage)") BoundsInput bounds) {
    }

    @Schema(name = "MetricBounds", description = "The range a metric can take, e.g. [0, 1] for an error rate")
    public record BoundsInput(
            @NotNull @Finite @Schema(required = true, example = "0") Double lower,
            @NotNull @Finite @Schema(required = true, example = "1") Double upper) {
    }
}
