package io.augur.forecast.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import java.util.List;
import io.augur.forecast.api.ForecastRequests.BacktestRequest;
import io.augur.forecast.api.ForecastRequests.ComputeOptimalRequest;
import io.augur.forecast.api.ForecastRequests.CurveRequest;
import io.augur.forecast.api.ForecastRequests.FitRequest;
import io.augur.forecast.api.ForecastRequests.LearningCurveRequest;
import io.augur.forecast.api.ForecastRequests.PredictRequest;
import io.augur.forecast.api.ForecastRequests.TargetRequest;
import io.augur.forecast.api.ForecastResponses.BacktestResponse;
import io.augur.forecast.api.ForecastResponses.ComputeOptimalResponse;
import io.augur.forecast.api.ForecastResponses.FitResponse;
import io.augur.forecast.api.ForecastResponses.LearningCurveResponse;
import io.augur.forecast.api.ForecastResponses.PredictResponse;
import io.augur.forecast.api.ForecastResponses.TargetResponse;
import io.augur.forecast.api.SelectionLoader.Selected;
import io.augur.platform.api.Plots;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Stateless forecasting computations: fit a curve form (or choose one by backtest), predict with
 * intervals, backtest, compute-optimal allocation, x for a target, learning-curve ensembles. Each takes
 * its points inline or as a selection of stored evaluations and returns the same shape either way.
 * Every engine call runs on the {@link ComputePool}, off the event loop.
 */
@Computation
@Path("/api/v1/forecasts")
@Tag(name = "forecasts", description = "Scaling laws, benchmark sigmoids, pass counts and learning curves: fits with "
        + "bootstrap intervals, predictions, backtests and derived answers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input (the field names the offending JSON path)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The compute pool is full or the time budget ran out",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { ForecastRequests.FitRequest.class, ForecastRequests.PredictRequest.class, ForecastRequests.BacktestRequest.class,
        ForecastRequests.TargetRequest.class, ForecastRequests.ComputeOptimalRequest.class, ForecastRequests.LearningCurveRequest.class,
        ForecastRequests.PointInput.class, ForecastRequests.InputAt.class, BootstrapSettings.class,
        ForecastRequests.SelectionInput.class, ForecastRequests.HoldoutInput.class })
public class ForecastResource implements JobOperation.Source {

    private static final String CHINCHILLA_POINTS = """
            [{"n": 4.0e7, "d": 8.0e9, "loss": 3.93}, {"n": 4.0e7, "d": 3.2e10, "loss": 3.71},
             {"n": 1.6e8, "d": 8.0e9, "loss": 3.48}, {"n": 1.6e8, "d": 3.2e10, "loss": 3.23},
             {"n": 6.4e8, "d": 8.0e9, "loss": 3.26}, {"n": 6.4e8, "d": 3.2e10, "loss": 2.99},
             {"n": 2.56e9, "d": 8.0e9, "loss": 3.15}, {"n": 2.56e9, "d": 3.2e10, "loss": 2.86},
             {"n": 2.56e9, "d": 1.28e11, "loss": 2.69}, {"n": 6.4e8, "d": 1.28e11, "loss": 2.85}]""";

    private final ComputePool compute;
    private final SelectionLoader loader;
    private final RequestBodies bodies;
    private final Plots plots;

    public ForecastResource(ComputePool compute, SelectionLoader loader, RequestBodies bodies, Plots plots) {
        this.plots = plots;
        this.compute = compute;
        this.loader = loader;
        this.bodies = bodies;
    }

    @POST
    @Path("fit")
    @Operation(operationId = "fitCurve", summary = "Fit a curve form to points (or stored evaluations) with bootstrap intervals",
            description = "Multi-start L-BFGS fit with the form's robust default loss; every parameter carries a percentile "
                    + "bootstrap interval and the seed that reproduces it (`bootstrap`: default seed 42, 1000 rounds; rounds 0 to 10000, 0 gives no intervals). A fit that "
                    + "did not converge says so (converged = false, status, warnings). form = auto backtests the "
                    + "candidates and fits the one that extrapolated best.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FitRequest.class), examples = {
                    @ExampleObject(name = "power law", value = ForecastRequests.POWER_LAW_EXAMPLE),
                    @ExampleObject(name = "chinchilla", value = "{\"form\": \"chinchilla\", \"bootstrap\": {\"rounds\": 100, \"seed\": 1},\n \"points\": "
                            + CHINCHILLA_POINTS + "}"),
                    @ExampleObject(name = "pass counts", value = """
                            {"form": "pass-counts", "points": [{"x": 1e19, "successes": 0, "attempts": 10000},
                             {"x": 1e20, "successes": 3, "attempts": 10000}, {"x": 1e21, "successes": 41, "attempts": 10000},
                             {"x": 1e22, "successes": 460, "attempts": 10000}, {"x": 1e23, "successes": 2900, "attempts": 10000}],
                             "bootstrap": {"rounds": 100}}"""),
                    @ExampleObject(name = "stored evaluations", value = """
                            {"form": "sigmoid", "selection": {"benchmark": "arc-challenge", "family": "pythia", "x": "trainingCompute"}}""") }))
    @APIResponse(responseCode = "200", description = "The fit", content = @Content(schema = @Schema(implementation = FitResponse.class)))
    public Uni<FitResponse> fit(byte[] body) {
        return run(body, FitRequest.class, (r, sel) -> ForecastMapper.fitResponse(ForecastMapper.fit(r, sel, null)));
    }

    /** The multipart form of fitCurveFromFile, and its OpenAPI schema (filled by RESTEasy Reactive, no reflection). */
    @Schema(name = "ScalingPointsUpload", description = "A CSV of training runs (Epoch's Chinchilla layout) and the fit options")
    public static class ScalingUpload {
        @RestForm
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "CSV with the columns Model Size "
                + "(parameters N), Training FLOP (compute C; tokens D = C / 6N) or Training Tokens (D), and loss; other columns are skipped")
        public FileUpload file;
        @RestForm
        @Schema(type = SchemaType.INTEGER, format = "int32", description = "Bootstrap rounds, 0 to 10000; default 1000", example = "100")
        public String rounds;
        @RestForm
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Seed; default 20261122", example = "1")
        public String seed;
    }

    @POST
    @Path("fit/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "fitCurveFromFile", summary = "Fit the Chinchilla form to a CSV of training runs, as Epoch publishes it",
            description = "fitCurve with form chinchilla (L = E + A/N^alpha + B/D^beta) over the rows of the file: N from "
                    + "Model Size, D from Training Tokens or else Training FLOP / (6 N), loss from loss (column names are "
                    + "matched without case). A row with an empty or non-positive cell is a 400 naming its line and column.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ScalingUpload.class)))
    @APIResponse(responseCode = "200", description = "The fit", content = @Content(schema = @Schema(implementation = FitResponse.class)))
    public Uni<FitResponse> fitFile(@BeanParam ScalingUpload form) {
        Uploads.Part file = Uploads.part("file", form.file);
        Long r = Uploads.integer("rounds", form.rounds, 0, ForecastRequests.MAX_ROUNDS);
        Long sd = Uploads.integer("seed", form.seed, Long.MIN_VALUE, Long.MAX_VALUE);
        return compute.submit(() -> ScalingCsv.points(file)).flatMap(points -> run(new FitRequest("chinchilla",
                points, null, null, new BootstrapSettings(r == null ? null : r.intValue(), sd, null), null,
                null, null, null, null), (req, sel) -> ForecastMapper.fitResponse(ForecastMapper.fit(req, sel, null))));
    }

    @POST
    @Path("predict")
    @Operation(operationId = "predictCurve", summary = "Fit a curve and predict at new inputs with intervals",
            description = "Each prediction carries the interval of the curve (confidence) and of a new observation "
                    + "(prediction), and a warning when it lies more than 3 orders of magnitude beyond the data.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictRequest.class), examples = {
                    @ExampleObject(name = "power law", value = """
                            {"form": "power-law",
                             "points": [{"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                                        {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
                             "bootstrap": {"rounds": 200, "seed": 7},
                             "at": [{"x": 1e24}, {"x": 1e27}]}"""),
                    @ExampleObject(name = "two-stage", value = """
                            {"form": "two-stage",
                             "points": [{"x": 1e19, "loss": 3.10, "y": 0.26}, {"x": 1e20, "loss": 2.80, "y": 0.29},
                                        {"x": 1e21, "loss": 2.57, "y": 0.36}, {"x": 1e22, "loss": 2.41, "y": 0.47},
                                        {"x": 1e23, "loss": 2.30, "y": 0.58}],
                             "floor": 0.25, "bootstrap": {"rounds": 100}, "at": [{"x": 1e24}]}""") }))
    @APIResponse(responseCode = "200", description = "The fit and the predictions", content = @Content(schema = @Schema(implementation = PredictResponse.class)))
    public Uni<PredictResponse> predict(byte[] body) {
        return run(body, PredictRequest.class, ForecastMapper::predict);
    }

    @POST
    @Path("backtest")
    @Operation(operationId = "backtestCurve", summary = "Backtest a form (or every candidate) by extrapolating to held-out points",
            description = "Holds out the largest points along the scale axis (default: the top order of magnitude, or the "
                    + "last 20% when the data span less than two orders of magnitude), fits the rest and reports absolute "
                    + "error, relative error and interval coverage on the held-out points. form = auto backtests every "
                    + "candidate, picks the lowest mean absolute error and fits it on all points.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BacktestRequest.class), examples = @ExampleObject(name = "auto", value = """
                    {"form": "auto", "candidates": ["power-law"],
                     "points": [{"x": 1e17, "y": 4.21}, {"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                                {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
                     "bootstrap": {"rounds": 100, "seed": 3}}""")))
    @APIResponse(responseCode = "200", description = "The backtest", content = @Content(schema = @Schema(implementation = BacktestResponse.class)))
    public Uni<BacktestResponse> backtest(byte[] body) {
        return run(body, BacktestRequest.class, ForecastMapper::backtest);
    }

    @POST
    @Path("plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotCurve", summary = "Draw a fit as SVG: points, fitted curve, interval band, held-out points",
            description = "Takes the backtest request. Without a holdout: the fit on all points with its bootstrap band. With "
                    + "a holdout: the fit on the kept points, and the held-out points marked, so one sees how the form "
                    + "extrapolated. Axis labels from the selection (x quantity, benchmark and metric) or plot.xLabel / "
                    + "plot.yLabel; plot.logY for a log y axis; a legend; the chance level of a sigmoid as a dashed line. "
                    + "A band reaching far beyond the data is clipped to the axis and the plot says so; when the bootstrap "
                    + "was degenerate no band is drawn. Chinchilla is drawn as loss against compute C = 6ND, the curve "
                    + "being the loss at the compute-optimal allocation. Not two-stage.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BacktestRequest.class), examples = @ExampleObject(name = "backtest plot", value = """
                    {"form": "power-law", "holdout": {"ordersOfMagnitude": 1},
                     "points": [{"x": 1e17, "y": 4.21}, {"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                                {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
                     "bootstrap": {"rounds": 100, "seed": 3}}""")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plot(@HeaderParam("Accept") String accept, byte[] body) {
        return run(body, BacktestRequest.class, (r, sel) -> plots.respond(accept, ForecastMapper.plot(r, sel)));
    }

    @POST
    @Path("backtest/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotBacktest", summary = "Draw a backtest: each candidate fitted on the kept points, extrapolated over the held-out ones",
            description = "Takes the backtestCurve body. Each form (every candidate for auto) is fitted on the kept points "
                    + "and drawn over the whole range with its bootstrap band; the kept and the held-out points are marked, "
                    + "so one sees which form extrapolated best. The caption gives the band's method, level and seed and each "
                    + "form's held-out mean absolute error and interval coverage. One-input forms and chinchilla.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BacktestRequest.class), examples = @ExampleObject(name = "auto", value = """
                    {"form": "auto", "candidates": ["power-law"],
                     "points": [{"x": 1e17, "y": 4.21}, {"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                                {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
                     "bootstrap": {"rounds": 100, "seed": 3}}""")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotBacktest(@HeaderParam("Accept") String accept, byte[] body) {
        return run(body, BacktestRequest.class, (r, sel) -> plots.respond(accept, ForecastPlots.backtest(r, sel)));
    }

    @POST
    @Path("compute-optimal")
    @Operation(operationId = "computeOptimalAllocation", summary = "Compute-optimal parameters and tokens for a budget (C = 6ND)",
            description = "Fits the Chinchilla law to (n, d, loss) points and answers N, D, tokens per parameter and the "
                    + "loss at the optimum for the budget, each with a bootstrap interval; optionally the compute a target "
                    + "loss needs.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComputeOptimalRequest.class), examples = @ExampleObject(name = "chinchilla",
                    value = "{\"compute\": 5.76e23, \"targetLoss\": 2.4, \"bootstrap\": {\"rounds\": 100, \"seed\": 1},\n \"points\": "
                            + CHINCHILLA_POINTS + "}")))
    @APIResponse(responseCode = "200", description = "The allocation", content = @Content(schema = @Schema(implementation = ComputeOptimalResponse.class)))
    public Uni<ComputeOptimalResponse> computeOptimal(byte[] body) {
        return run(body, ComputeOptimalRequest.class, ForecastMapper::computeOptimal);
    }

    @POST
    @Path("target")
    @Operation(operationId = "findInputForTarget", summary = "The x (compute, size or step) at which the curve reaches a target value",
            description = "The interval counts bootstrap replicates that never reach the target as unbounded (a null upper "
                    + "end). For chinchilla the target is a loss and the answer is compute along the optimal frontier.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TargetRequest.class), examples = @ExampleObject(name = "power law", value = """
                    {"form": "power-law", "target": 2.2,
                     "points": [{"x": 1e18, "y": 3.62}, {"x": 1e19, "y": 3.12}, {"x": 1e20, "y": 2.78},
                                {"x": 1e21, "y": 2.55}, {"x": 1e22, "y": 2.40}, {"x": 1e23, "y": 2.30}],
                     "bootstrap": {"rounds": 200, "seed": 7}}""")))
    @APIResponse(responseCode = "200", description = "The x for the target", content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    public Uni<TargetResponse> target(byte[] body) {
        return run(body, TargetRequest.class, ForecastMapper::target);
    }

    @POST
    @Path("learning-curve")
    @Operation(operationId = "forecastLearningCurve", summary = "Forecast the final value of a partial learning curve",
            description = "Stacked ensemble of the eleven learning-curve families of Domhan et al. (2015): weights learned "
                    + "across 265 CIFAR-10 learning curves (see docs/performance.md for their cross-validated accuracy), "
                    + "families confined to the metric's bounds (default [0, 1]); answers the value at the horizon with an "
                    + "interval that stays within the bounds (logit mixture) and, given a threshold, the probabilities of "
                    + "ending above and below it (for early stopping).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LearningCurveRequest.class), examples = @ExampleObject(name = "ten epochs", value = """
                    {"points": [{"x": 1, "y": 0.42}, {"x": 2, "y": 0.53}, {"x": 3, "y": 0.59}, {"x": 4, "y": 0.63},
                                {"x": 5, "y": 0.66}, {"x": 6, "y": 0.68}, {"x": 7, "y": 0.695}, {"x": 8, "y": 0.707},
                                {"x": 9, "y": 0.716}, {"x": 10, "y": 0.724}],
                     "horizon": 40, "threshold": 0.75}""")))
    @APIResponse(responseCode = "200", description = "The forecast", content = @Content(schema = @Schema(implementation = LearningCurveResponse.class)))
    public Uni<LearningCurveResponse> learningCurve(byte[] body) {
        return bodies.read(body, LearningCurveRequest.class)
                .flatMap(request -> compute.submit(() -> ForecastMapper.learningCurve(request)));
    }

    @POST
    @Path("learning-curve/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotLearningCurve", summary = "Draw a learning-curve ensemble forecast: the curve, the forecast with its interval, each member",
            description = "Takes the forecastLearningCurve body. The observed curve, the ensemble's value at the horizon with "
                    + "its interval, and the forecast of each member with a positive weight (its weight in the legend).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LearningCurveRequest.class), examples = @ExampleObject(name = "ten epochs", value = """
                    {"points": [{"x": 1, "y": 0.42}, {"x": 2, "y": 0.53}, {"x": 3, "y": 0.59}, {"x": 4, "y": 0.63},
                                {"x": 5, "y": 0.66}, {"x": 6, "y": 0.68}, {"x": 7, "y": 0.695}, {"x": 8, "y": 0.707},
                                {"x": 9, "y": 0.716}, {"x": 10, "y": 0.724}],
                     "horizon": 40, "threshold": 0.75}""")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotLearningCurve(@HeaderParam("Accept") String accept, byte[] body) {
        return bodies.read(body, LearningCurveRequest.class).flatMap(request -> compute.submit(() -> plots.respond(accept,
                ForecastPlots.learningCurve(request, ForecastMapper.learningCurve(request)))));
    }

    /** The pipeline: parse and validate the body on the compute pool, load the selection (if any), run the engine on the pool. */
    private <R extends CurveRequest, T> Uni<T> run(byte[] body, Class<R> type, BiFunction<R, Selected, T> work) {
        return bodies.read(body, type).flatMap(request -> run(request, work));
    }

    private <R extends CurveRequest, T> Uni<T> run(R request, BiFunction<R, Selected, T> work) {
        // an empty points list beside a selection counts as absent: generated clients send [] for an unset list
        boolean hasPoints = request.points() != null && !(request.points().isEmpty() && request.selection() != null);
        if (hasPoints == (request.selection() != null)) {
            throw ProblemException.invalid(hasPoints ? "selection" : "points",
                    hasPoints ? "give points or a selection, not both" : "give the points inline or a selection of stored evaluations");
        }
        if (hasPoints && request.points().isEmpty()) {
            throw ProblemException.invalid("points", "at least one point is required");
        }
        Uni<Selected> selected = hasPoints ? Uni.createFrom().nullItem() : loader.load(request.selection());
        return selected.flatMap(sel -> compute.submit(() -> work.apply(request, sel)));
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("fitCurve", "/api/v1/forecasts/fit", FitRequest.class,
                        this::fit),
                JobOperation.of("predictCurve", "/api/v1/forecasts/predict", PredictRequest.class,
                        this::predict),
                JobOperation.of("backtestCurve", "/api/v1/forecasts/backtest", BacktestRequest.class,
                        this::backtest),
                new JobOperation("plotCurve", "/api/v1/forecasts/plot", BacktestRequest.class, Plots.SVG,
                        body -> plot(Plots.SVG, body)),
                JobOperation.of("computeOptimalAllocation", "/api/v1/forecasts/compute-optimal", ComputeOptimalRequest.class,
                        this::computeOptimal),
                JobOperation.of("findInputForTarget", "/api/v1/forecasts/target", TargetRequest.class,
                        this::target),
                JobOperation.of("forecastLearningCurve", "/api/v1/forecasts/learning-curve", LearningCurveRequest.class,
                        this::learningCurve));
    }
}
