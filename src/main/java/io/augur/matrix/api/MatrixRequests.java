package io.augur.matrix.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import io.augur.stats.Interval;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the matrix endpoints (inline tables: models x benchmarks, null = missing). */
public final class MatrixRequests {

    private MatrixRequests() {
    }

    @Schema(description = "Side information: numeric columns by name (one value per row, null = unknown; e.g. logParams, "
            + "logTokens, logCompute) and an optional categorical family (one label per row)")
    public record FeaturesInput(Map<String, List<Double>> numeric, List<String> family) {
    }

    public record CellInput(String model, String benchmark) {
    }

    @Schema(description = "Missing-score prediction. `method`: als (alternating least squares, default), soft-impute, "
            + "nearest-models, capability-index. `rank`, `lambda`, `neighbours` are chosen by held-out error when absent. "
            + "`cells`: the cells to predict (default every missing cell).")
    public record CompletionRequest(List<String> models, List<String> benchmarks, List<List<Double>> scores, String method,
            Integer rank, Double lambda, Integer neighbours, FeaturesInput modelFeatures, FeaturesInput benchmarkFeatures,
            Map<String, Double> floors, List<CellInput> cells, BootstrapSettings bootstrap) {
    }

    public record Candidate(String setting, double heldOutRmse) {
    }

    public record PredictedCell(String model, String benchmark, double estimate, Interval interval, String method, String warning) {
    }

    public record CompletionResponse(String method, String setting, List<Candidate> selection, double residualSd,
            int validationCells, List<PredictedCell> predictions, BootstrapReport bootstrap, List<String> warnings) {
    }

    @Schema(description = "Capability index over the table; `floors` gives each benchmark's chance level (default 0); "
            + "`dimensions` 1 + the number of specific factors beside the capability and `prior` the Gaussian prior precision "
            + "(on the capability for one dimension, on the specific factors for more): both chosen by held-out error when absent")
    public record CapabilityIndexRequest(List<String> models, List<String> benchmarks, List<List<Double>> scores,
            Map<String, Double> floors, Integer dimensions, Double prior, List<CellInput> cells, BootstrapSettings bootstrap) {
    }

    public record ModelCapability(String model, double capability, Interval interval, int rank, Interval rankInterval) {
    }

    @Schema(description = "A benchmark on the capability scale: difficulty and slope, its floor (chance level) and fitted ceiling "
            + "(upper asymptote) in its own units, each with a bootstrap interval")
    public record BenchmarkParameters(String benchmark, double difficulty, Interval difficultyInterval, double slope,
            Interval slopeInterval, double floor, double ceiling, Interval ceilingInterval, boolean rescaled) {
    }

    @Schema(description = "`dimensions` 1 + the specific factors used for prediction (the capability ranks models on the general "
            + "factor); `setting` the chosen model and priors, and the nearest models' residual correction of the predicted cells if held-out "
            + "error chose one; `selection` each candidate's held-out RMSE (z-scale)")
    public record CapabilityIndexResponse(List<ModelCapability> models, List<BenchmarkParameters> benchmarks, double rankStability,
            int dimensions, String setting, List<Candidate> selection, List<PredictedCell> predictions, BootstrapReport bootstrap,
            List<String> warnings) {
    }

    @Schema(description = "Observational scaling: `predictorScores` one row per model (null = missing, imputed), `targetScores` "
            + "(null = to predict), `floor` the target's chance level, `compute` training compute per model (null = unknown); the "
            + "training models are those with a target score and compute at or below `threshold` (or `train` flags when given). "
            + "`components` default 3, `delta` (Huber) default 1, `imputationRank` default 1.")
    public record ObservationalScalingRequest(List<String> models, List<String> predictors, List<List<Double>> predictorScores,
            String target, List<Double> targetScores, Double floor, List<Double> compute, Double threshold, List<Boolean> train,
            Integer components, Double delta, Integer imputationRank, BootstrapSettings bootstrap) {
    }

    public record Component(String name, double explainedVarianceRatio, List<Double> loadings) {
    }

    public record HeldOut(int models, Double mse, Double mae) {
    }

    public record ModelPrediction(String model, boolean training, Double observed, double estimate, Interval interval,
            Double computeEstimate) {
    }

    public record ObservationalScalingResponse(String target, double floor, List<String> predictors, List<Component> components,
            List<Double> explainedVarianceRatios, List<Double> coefficients, List<Double> computeCoefficients, HeldOut heldOut,
            HeldOut computeHeldOut, int trainingModels, String method, List<ModelPrediction> predictions, BootstrapReport bootstrap,
            List<String> warnings) {
    }

    @Schema(description = "Backtest holdout: kind random (a seeded `fraction` of the observed cells), compute-threshold (models "
            + "above `threshold` in `compute` or of unknown compute lose their `targets` cells), newest (the `count` most recently "
            + "`released` models lose their `targets` cells)")
    public record HoldoutInput(String kind, Double fraction, Long seed, Double threshold, Map<String, Double> compute,
            Map<String, LocalDate> released, Integer count, List<String> targets) {
    }

    @Schema(name = "MatrixBacktestRequest", description = "Backtest: the methods (als, soft-impute, nearest-models, capability-index; default all four) "
            + "are run on the same hidden cells")
    public record BacktestRequest(List<String> models, List<String> benchmarks, List<List<Double>> scores, HoldoutInput holdout,
            List<String> methods, Map<String, Double> floors, BootstrapSettings bootstrap) {
    }

    @Schema(description = "Errors of one method on the hidden cells; `coverage` of its intervals at `level`; `extrapolatedCells` the "
            + "hidden cells predicted as extrapolations (model outside the range of those measured on the benchmark, flagged "
            + "as not trustworthy) and `extrapolatedCoverage` their intervals' coverage (null if none)")
    public record MethodMetrics(String method, String setting, int cells, double mae, double rmse, double standardisedMae,
            double maeAt0, double maeAt2, Double coverage, double level, int extrapolatedCells, Double extrapolatedCoverage) {
    }

    @Schema(name = "MatrixBacktestResponse", description = "Errors per method on the hidden cells")
    public record BacktestResponse(int heldOutCells, List<String> heldOutModels, List<MethodMetrics> methods, BootstrapReport bootstrap,
            List<String> warnings) {
    }

    @Schema(description = "Which benchmark to run next for `model`, to most reduce the uncertainty of its `asked` benchmarks")
    public record NextMeasurementRequest(List<String> models, List<String> benchmarks, List<List<Double>> scores, String model,
            List<String> asked, String method, Integer rank, BootstrapSettings bootstrap) {
    }

    public record NextCandidate(String benchmark, double varianceReduction, double fractionOfAskedVariance) {
    }

    public record NextMeasurementResponse(String model, List<String> asked, double askedVariance, List<NextCandidate> candidates,
            String method, BootstrapReport bootstrap, List<String> warnings) {
    }

    @Schema(description = "Choose a model: `candidates`, a task `profile` (benchmark -> weight), `costs` (model -> cost per call), "
            + "optional `budget`")
    public record ModelChoiceRequest(List<String> models, List<String> benchmarks, List<List<Double>> scores, List<String> candidates,
            Map<String, Double> profile, Map<String, Double> costs, Double budget, String method, BootstrapSettings bootstrap) {
    }

    public record Option(String model, double cost, double quality, Interval interval, int predictedCells, boolean pareto,
            double probabilityBest, Double probabilityBestWithinBudget) {
    }

    public record ModelChoiceResponse(Map<String, Double> profile, List<Option> options, String bestWithinBudget, Double budget,
            BootstrapReport bootstrap, List<String> warnings) {
    }

    public record ItemResult(String model, String prompt, Double score, Double cost) {
    }

    @Schema(description = "Router evaluation from item-level results: each prompt needs a result of `strong` and of `weak` and a "
            + "router score (higher = route to the strong model)")
    public record RouterEvaluationRequest(List<ItemResult> results, String strong, String weak, Map<String, Double> routerScores) {
    }

    public record CurvePoint(Double threshold, double strongShare, double cost, double quality) {
    }

    public record RouterEvaluationResponse(int prompts, double weakQuality, double strongQuality, double weakCost, double strongCost,
            List<CurvePoint> curve, double auc, Double apgr, Double strongShareFor50, Double costFor50, Double strongShareFor80,
            Double costFor80, double aiq, List<String> warnings) {
    }
}
