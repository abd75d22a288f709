package io.augur.forecast.api;

import io.augur.platform.api.BootstrapReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies of the forecast endpoints. Non-finite numbers are sent as null (JSON has no NaN or
 * Infinity); an interval whose end is infinite says so in its method.
 */
public final class ForecastResponses {

    private ForecastResponses() {
    }

    @Schema(name = "ForecastInterval", description = "Interval estimate: [lower, upper] at level, obtained by method; "
            + "a null end is unbounded (e.g. a target some bootstrap replicates never reach)")
    public record IntervalOut(
            @Schema(example = "0.28") Double lower,
            @Schema(example = "0.41") Double upper,
            @Schema(example = "0.95") double level,
            @Schema(example = "percentile bootstrap, 1000 rounds (resampled observations), seed 20261122") String method) {
    }

    @Schema(name = "ForecastEstimate", description = "A point estimate and its interval")
    public record ValueOut(Double estimate, IntervalOut interval) {
    }

    @Schema(name = "FittedParameter", description = "A fitted (or derived) parameter with its bootstrap interval")
    public record ParameterOut(
            @Schema(example = "alpha") String name,
            @Schema(example = "0.34") Double estimate,
            IntervalOut interval,
            @Schema(description = "True for quantities derived from the fitted parameters (e.g. A = exp(a))") boolean derived) {
    }

    @Schema(name = "CurveFit", description = "One fitted curve: parameters with intervals, objective, residuals, "
            + "convergence (a fit that did not converge says so in converged, status and warnings) and the bootstrap")
    public record CurveFit(
            @Schema(example = "power-law") String form,
            @Schema(example = "[\"x\"]") List<String> inputs,
            @Schema(example = "huber on log residuals, delta 0.001") String loss,
            List<ParameterOut> parameters,
            @Schema(description = "Objective at the optimum") Double objective,
            @Schema(description = "Residuals at the optimum, in the loss's space, in the order of the fitted points") List<Double> residuals,
            boolean converged,
            @Schema(example = "converged: relative reduction below tolerance") String status,
            @Schema(description = "Starting points searched") int starts,
            int iterations,
            BootstrapReport bootstrap,
            List<String> warnings) {
    }

    @Schema(name = "ForecastData", description = "Where the fitted points came from")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataOut(
            @Schema(enumeration = { "inline", "selection" }) String source,
            @Schema(description = "Points fitted (after averaging repeated evaluations)") int points,
            String benchmark,
            String metric,
            Double chanceLevel,
            @Schema(description = "What was done to the stored data (skipped or averaged evaluations)") List<String> notes) {
    }

    @Schema(name = "BacktestSummary", description = "How one candidate form extrapolated to the held-out points")
    public record CandidateOut(String form, int trainPoints, int heldOutPoints, Double cutoffScale,
            Double meanAbsoluteError, Double meanRelativeError,
            @Schema(description = "Share of held-out points inside their prediction interval") Double coverage) {
    }

    @Schema(name = "AutoChoice", description = "form = auto: the chosen form (lowest held-out mean absolute error) and "
            + "every candidate's backtest")
    public record AutoOut(String chosenForm, String holdout, List<CandidateOut> candidates, List<String> failures) {
    }

    @Schema(name = "FitResponse", description = "A fitted curve; two-stage fits carry the second stage (loss -> score) "
            + "in lossToScore, auto fits the backtest of every candidate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FitResponse(
            @Schema(description = "The form requested", example = "power-law") String form,
            CurveFit fit,
            @Schema(description = "Two-stage only: the loss -> score sigmoid") CurveFit lossToScore,
            @Schema(description = "Auto only") AutoOut auto,
            DataOut data) {
    }

    @Schema(name = "ForecastPrediction", description = "Predicted value at an input with the interval of the curve "
            + "(confidence) and of a new observation (prediction); two-stage predictions carry the predicted loss")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PredictionOut(
            ForecastRequests.InputAt at,
            Double value,
            IntervalOut confidence,
            IntervalOut prediction,
            @Schema(description = "Two-stage only: the stage-1 loss prediction") LossPredictionOut loss,
            @Schema(description = "Extrapolation warnings (more than 3 orders of magnitude beyond the data)") List<String> warnings) {
    }

    @Schema(name = "LossPrediction", description = "The stage-1 (scale -> loss) prediction of a two-stage forecast")
    public record LossPredictionOut(Double value, IntervalOut confidence, IntervalOut prediction) {
    }

    @Schema(name = "PredictResponse", description = "The fit and its predictions")
    public record PredictResponse(FitResponse fit, List<PredictionOut> predictions,
            @Schema(description = "Every prediction's warnings, collected") List<String> warnings) {
    }

    @Schema(name = "HeldOutPoint", description = "A held-out point and how the backtest fit predicted it")
    public record HeldOutOut(
            @Schema(description = "Index of the point in the request's points (or in the selection's points)") int index,
            List<Double> x, Double observed, Double predicted, IntervalOut prediction, Double absoluteError,
            Double relativeError,
            @Schema(description = "Inside its prediction interval; null when the interval is missing or uninformative "
                    + "(not finite, or more than 100 times the training values' range)") Boolean covered) {
    }

    @Schema(name = "FormBacktest", description = "Backtest of one form: the fit on the training points and the errors "
            + "and interval coverage on the held-out points")
    public record BacktestOut(String form, int trainPoints, int heldOutPoints, Double cutoffScale,
            Double meanAbsoluteError, Double meanRelativeError,
            @Schema(description = "Share of held-out points inside their prediction interval, among those with a "
                    + "trustworthy interval; null when none has one") Double coverage,
            List<HeldOutOut> heldOut, CurveFit trainFit, List<String> warnings) {
    }

    @Schema(name = "BacktestResponse", description = "Backtest of the form, or of every candidate for auto (with the "
            + "chosen form fitted on all points)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BacktestResponse(
            String form,
            @Schema(description = "Auto only: the candidate with the lowest held-out mean absolute error") String chosenForm,
            String holdout,
            List<BacktestOut> candidates,
            List<String> failures,
            @Schema(description = "Auto only: the chosen form fitted on all points") CurveFit fit,
            DataOut data) {
    }

    @Schema(name = "TargetResponse", description = "The x (or, for chinchilla, the compute along the optimal frontier) "
            + "at which the fitted curve first reaches the target")
    public record TargetResponse(FitResponse fit, double target,
            @Schema(description = "What x measures", example = "x") String quantity,
            ValueOut x,
            @Schema(description = "Share of bootstrap replicates that reach the target") Double fractionReachable,
            List<String> warnings) {
    }

    @Schema(name = "ComputeForLoss", description = "Compute needed to reach a target loss on the optimal frontier")
    public record ComputeForLossOut(double targetLoss, ValueOut compute, Double fractionReachable, List<String> warnings) {
    }

    @Schema(name = "ComputeOptimalResponse", description = "Compute-optimal N and D for a budget under C = 6ND")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComputeOptimalResponse(
            CurveFit fit,
            double compute,
            ValueOut parameters,
            ValueOut tokens,
            ValueOut tokensPerParameter,
            ValueOut loss,
            ComputeForLossOut targetLoss,
            List<String> warnings,
            DataOut data) {
    }

    @Schema(name = "LearningCurveMember", description = "One family of the ensemble")
    public record MemberOut(String form, Double weight, Double prediction,
            @Schema(description = "Mean squared error on the held-out suffix") Double heldOutMse,
            @Schema(description = "Predictive standard deviation") Double sd,
            boolean converged, String excludedBecause) {
    }

    @Schema(name = "LearningCurveResponse", description = "Ensemble forecast of the value at the horizon, its interval, "
            + "and the probabilities of ending above and below the threshold (for early stopping). Deterministic: no "
            + "random numbers are drawn, so there is no seed.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearningCurveResponse(
            double horizon,
            Double value,
            IntervalOut interval,
            Double threshold,
            @Schema(description = "P(value at horizon > threshold)") Double probabilityAbove,
            @Schema(description = "P(value at horizon <= threshold)") Double probabilityBelow,
            @Schema(description = "Naive baseline: the last observed value") Double lastValue,
            String weighting,
            List<MemberOut> members,
            List<String> warnings) {
    }
}
