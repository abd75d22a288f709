package io.augur.matrix.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import io.augur.matrix.api.MatrixRequests.CellInput;
import io.augur.matrix.api.MatrixRequests.FeaturesInput;
import io.augur.matrix.engine.Backtest;
import io.augur.matrix.engine.CapabilityIndex;
import io.augur.matrix.engine.MatrixCompletion;
import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.ModelChoice;
import io.augur.matrix.engine.ModelFeatures;
import io.augur.matrix.engine.NextMeasurement;
import io.augur.matrix.engine.ObservationalScaling;
import io.augur.matrix.engine.RouterEvaluation;
import io.augur.matrix.engine.ScoreMatrix;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fill the matrix and choose a model: stateless computations over an inline model x benchmark table
 * (rows = models, columns = benchmarks, null = missing). Thin: mapping here, every number from
 * {@code io.augur.matrix.engine} on the compute pool; engine errors name the request's fields.
 */
@Computation
@Path("/api/v1/matrix")
@Tag(name = "matrix", description = "Predict missing benchmark scores (matrix completion, observational scaling, capability index) "
        + "with intervals, backtest them, pick the next benchmark to run, choose a model for a budget, evaluate a router")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool full or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { MatrixRequests.CompletionRequest.class, MatrixRequests.CapabilityIndexRequest.class,
    MatrixRequests.ObservationalScalingRequest.class, MatrixRequests.BacktestRequest.class, MatrixRequests.NextMeasurementRequest.class,
    MatrixRequests.ModelChoiceRequest.class, MatrixRequests.RouterEvaluationRequest.class, MatrixRequests.ItemResult.class,
    MatrixRequests.HoldoutInput.class, BootstrapSettings.class, MatrixRequests.FeaturesInput.class, MatrixRequests.CellInput.class })
public class MatrixResource implements JobOperation.Source {

    static final int MAX_CELLS = 1_000_000;
    static final long DEFAULT_SEED = BootstrapSettings.DEFAULT_SEED;
    static final String TABLE = " The table: `models` (row names), `benchmarks` (column names), `scores` one row per model with one "
            + "number or null (missing) per benchmark; at most 1,000,000 cells. A model or benchmark with no observed score, or a "
            + "benchmark whose scores are all equal, is refused.";
    static final String BOOTSTRAP = " Intervals: bootstrap over models (seeded; `bootstrap` {rounds 10 to 5000, default 1000; seed, "
            + "default 42; level, default 0.95}), echoed in the response.";
    /** What the matrix operations resample, as their bootstrap reports say. */
    static final String BOOTSTRAP_METHOD = "bootstrap over models (rows resampled with replacement, refitted each round), percentile intervals";

    private final ComputePool compute;
    private final RequestBodies bodies;

    public MatrixResource(ComputePool compute, RequestBodies bodies) {
        this.compute = compute;
        this.bodies = bodies;
    }

    @POST
    @Path("completions")
    @Operation(operationId = "predictMissingScores", summary = "Predict missing benchmark scores, each with an interval and its method",
            description = "Matrix completion over per-benchmark z-scores: als = regularised low-rank factorisation by alternating "
                    + "least squares with optional model features (e.g. logParams, logTokens, logCompute, family) and benchmark "
                    + "features; soft-impute (Mazumder et al. 2010); nearest-models (k nearest models baseline); capability-index. "
                    + "Settings not given are chosen by held-out error on a seeded 10% validation split, whose RMSE is also the "
                    + "residual added to each bootstrap draw." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.CompletionRequest.class),
            examples = @ExampleObject(name = "four models, three benchmarks", value = MatrixExamples.COMPLETION)))
    @APIResponse(responseCode = "200", description = "Predicted cells", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.CompletionResponse.class)))
    public Uni<MatrixRequests.CompletionResponse> completions(byte[] body) {
        return bodies.read(body, MatrixRequests.CompletionRequest.class).flatMap(request -> compute.submit(() -> {
            ScoreMatrix table = table(request.models(), request.benchmarks(), request.scores());
            MatrixCompletion.Settings s = settings(table, request.method(), request.rank(), request.lambda(), request.neighbours(),
                    request.modelFeatures(), request.benchmarkFeatures(), request.floors(), request.bootstrap());
            MatrixCompletion.Result r = MatrixCompletion.complete(table, cells(table, request.cells()), s);
            return new MatrixRequests.CompletionResponse(methodName(r.method()), r.setting(),
                    r.selection().stream().map(c -> new MatrixRequests.Candidate(c.setting(), c.heldOutRmse())).toList(),
                    r.residualSd(), r.validationCells(), predicted(r), used(request.bootstrap(), s), r.warnings());
        }));
    }

    @POST
    @Path("capability-index")
    @Operation(operationId = "fitCapabilityIndex", summary = "Place models and benchmarks on one capability scale, with intervals",
            description = "Epoch's benchmark stitching as a four-parameter logistic with optional specific factors: score = floor_b + "
                    + "(ceiling_b - floor_b) sigmoid(slope_b (capability_m - difficulty_b) + u_m . v_b), floor_b the chance level, "
                    + "ceiling_b fitted, u, v the specific factors (none for `dimensions` 1); fitted jointly by a robust "
                    + "(pseudo-Huber) loss with Gaussian priors, dimensions and prior chosen by held-out error unless given; "
                    + "capability has mean 0 and sd 1 over the table's models. Benchmarks outside [0, 1] use their "
                    + "observed range widened by 5% (flagged `rescaled`); slopes may be negative (lower is better). Returns each "
                    + "model's capability and rank, each benchmark's difficulty and slope, intervals, the rank stability (mean "
                    + "Spearman of bootstrap vs point capabilities) and the missing cells predicted: the logistic's prediction "
                    + "plus a share of the residuals of the model's k nearest models (a baseline-plus-neighbourhood model), "
                    + "k and the share chosen by held-out error and left out when no correction beats the plain index there "
                    + "(`setting` says which). The capabilities and ranks are the logistic's alone." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.CapabilityIndexRequest.class),
            examples = @ExampleObject(name = "four models, three benchmarks", value = MatrixExamples.CAPABILITY)))
    @APIResponse(responseCode = "200", description = "Capabilities, benchmark parameters, predicted cells",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatrixRequests.CapabilityIndexResponse.class)))
    public Uni<MatrixRequests.CapabilityIndexResponse> capabilityIndex(byte[] body) {
        return bodies.read(body, MatrixRequests.CapabilityIndexRequest.class).flatMap(request -> compute.submit(() -> {
            ScoreMatrix table = table(request.models(), request.benchmarks(), request.scores());
            if (request.prior() != null && !(request.prior() > 0 && Double.isFinite(request.prior()))) {
                throw ProblemException.invalid("prior", "must be a positive finite precision, was " + request.prior());
            }
            MatrixCompletion.Settings s;
            try {
                s = settings(table, "capability-index", request.dimensions(), request.prior(), null, null, null, request.floors(),
                        request.bootstrap());
                CapabilityIndex.Result r = CapabilityIndex.estimate(table, cells(table, request.cells()), s);
                return new MatrixRequests.CapabilityIndexResponse(
                        r.models().stream().map(m -> new MatrixRequests.ModelCapability(m.model(), m.capability(), m.interval(), m.rank(), m.rankInterval())).toList(),
                        r.benchmarks().stream().map(b -> new MatrixRequests.BenchmarkParameters(b.benchmark(), b.difficulty(), b.difficultyInterval(),
                                b.slope(), b.slopeInterval(), b.floor(), b.ceiling(), b.ceilingInterval(), b.rescaled())).toList(),
                        r.rankStability(), r.dimensions(), r.setting(),
                        r.selection().stream().map(c -> new MatrixRequests.Candidate(c.setting(), c.heldOutRmse())).toList(),
                        predicted(r.completion()), used(request.bootstrap(), s), r.warnings());
            } catch (io.augur.stats.InvalidInputException e) {
                // the engine's rank is this endpoint's dimensions
                throw "rank".equals(e.field()) ? ProblemException.invalid("dimensions", e.reason().replace("rank", "dimensions")) : e;
            }
        }));
    }

    @POST
    @Path("observational-scaling")
    @Operation(operationId = "fitObservationalScaling", summary = "Predict a target benchmark from principal components of others",
            description = "Observational scaling laws (Ruan et al. 2024), as their code: impute missing predictor scores (rank-r "
                    + "PCA on z-scores, training models only), principal components of the predictors (loadings, explained "
                    + "variance), then target = floor + (1 - floor) sigmoid(w0 + w . PC_1..k) by a Huber fit; the same sigmoid of log "
                    + "compute is fitted for comparison, and both are scored on the held-out models (MSE on the (score - floor) / "
                    + "(1 - floor) scale, as ObsScaling reports; MAE on the raw scale). Intervals: bootstrap over the training "
                    + "models plus a residual." + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.ObservationalScalingRequest.class),
            examples = @ExampleObject(name = "eight models, three predictors", value = MatrixExamples.OBSERVATIONAL)))
    @APIResponse(responseCode = "200", description = "Components, sigmoid, held-out errors, predictions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatrixRequests.ObservationalScalingResponse.class)))
    public Uni<MatrixRequests.ObservationalScalingResponse> observationalScaling(byte[] body) {
        return bodies.read(body, MatrixRequests.ObservationalScalingRequest.class).flatMap(request -> compute.submit(() -> {
            List<String> models = names(request.models(), "models");
            List<String> predictors = names(request.predictors(), "predictors");
            int n = models.size();
            double[][] x = matrix(request.predictorScores(), n, predictors.size(), "predictorScores");
            double[] y = vector(request.targetScores(), n, "targetScores", true);
            require(request.target(), "target");
            double[] c = request.compute() == null ? null : vector(request.compute(), n, "compute", true);
            boolean[] train = null;
            if (request.train() != null) {
                if (request.train().size() != n) {
                    throw ProblemException.invalid("train", "needs one flag per model");
                }
                train = new boolean[n];
                for (int i = 0; i < n; i++) {
                    train[i] = Boolean.TRUE.equals(request.train().get(i));
                }
            } else if (request.threshold() == null) {
                throw ProblemException.invalid("threshold", "give a compute threshold (or `train` flags) to choose the training models");
            }
            BootstrapSettings.Used b = bootstrap(request.bootstrap());
            ObservationalScaling.Settings s = new ObservationalScaling.Settings(request.components() == null ? 3 : request.components(),
                    request.delta() == null ? 1.0 : request.delta(), request.imputationRank() == null ? 1 : request.imputationRank(),
                    b.rounds(), b.seed(), b.level(), null);
            ObservationalScaling.Result r = ObservationalScaling.fit(new ObservationalScaling.Input(models, predictors, x,
                    request.target(), y, request.floor() == null ? 0 : request.floor(), c,
                    request.threshold() == null ? Double.NaN : request.threshold(), train), s);
            String method = r.predictions().isEmpty() ? "" : r.predictions().get(0).method();
            return new MatrixRequests.ObservationalScalingResponse(r.target(), r.floor(), r.predictors(),
                    r.components().stream().map(k -> new MatrixRequests.Component(k.name(), k.explainedVarianceRatio(), k.loadings())).toList(),
                    r.explainedVarianceRatios(), r.coefficients(), r.computeCoefficients(), heldOut(r.heldOut()), heldOut(r.computeHeldOut()),
                    r.trainingModels(), method, r.predictions().stream().map(p -> new MatrixRequests.ModelPrediction(p.model(), p.training(),
                            finite(p.observed()), p.estimate(), p.interval(), finite(p.computeEstimate()))).toList(), b.report(BOOTSTRAP_METHOD), r.warnings());
        }));
    }

    @POST
    @Path("backtests")
    @Operation(operationId = "backtestMatrixCompletion", summary = "Hide known cells, predict them, and score each method",
            description = "Protocols of the papers: random (a seeded fraction of the observed cells; CPP's pilot hides half), "
                    + "compute-threshold (ObsScaling: models above the threshold or of unknown compute lose their target cells), "
                    + "newest (the most recently released models lose their target cells). Per method: MAE, RMSE, standardised MAE "
                    + "(|error| / benchmark sd), CPP's MAE@0 and MAE@2 (share of hidden cells whose rank among the benchmark's hidden "
                    + "cells, predicted vs true, differs by at most 0 or 2 places; higher is better) and interval coverage." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.BacktestRequest.class),
            examples = @ExampleObject(name = "random masking", value = MatrixExamples.BACKTEST)))
    @APIResponse(responseCode = "200", description = "Errors per method", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.BacktestResponse.class)))
    public Uni<MatrixRequests.BacktestResponse> backtest(byte[] body) {
        return bodies.read(body, MatrixRequests.BacktestRequest.class).flatMap(request -> compute.submit(() -> {
            ScoreMatrix table = table(request.models(), request.benchmarks(), request.scores());
            Backtest.Protocol protocol = protocol(table, request.holdout());
            List<String> names = request.methods() == null || request.methods().isEmpty()
                    ? List.of("als", "soft-impute", "nearest-models", "capability-index") : request.methods();
            List<MatrixCompletion.Settings> settings = new ArrayList<>();
            MatrixCompletion.Settings first = null;
            for (int i = 0; i < names.size(); i++) {
                MatrixCompletion.Settings s = settings(table, names.get(i), null, null, null, null, null, request.floors(), request.bootstrap(),
                        "methods[" + i + "]");
                settings.add(s);
                first = first == null ? s : first;
            }
            Backtest.Result r = Backtest.run(table, protocol, settings);
            return new MatrixRequests.BacktestResponse(r.heldOutCells(), r.heldOutModels(), r.methods().stream().map(m ->
                    new MatrixRequests.MethodMetrics(methodName(m.method()), m.setting(), m.cells(), m.mae(), m.rmse(), m.standardisedMae(),
                            m.maeAt0(), m.maeAt2(), finite(m.coverage()), m.level(), m.extrapolatedCells(),
                            finite(m.extrapolatedCoverage()))).toList(), used(request.bootstrap(), first), r.warnings());
        }));
    }

    @POST
    @Path("next-measurement")
    @Operation(operationId = "findNextMeasurement", summary = "Which benchmark to run next for a model",
            description = "Ranks the model's missing benchmarks by the expected reduction of the predictive variance of the `asked` "
                    + "benchmarks if that one were measured (Gaussian conditioning on the bootstrap covariances and, for als, the "
                    + "posterior of the model's own latent position)." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.NextMeasurementRequest.class),
            examples = @ExampleObject(name = "what to run for m4", value = MatrixExamples.NEXT)))
    @APIResponse(responseCode = "200", description = "Candidates, most useful first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.NextMeasurementResponse.class)))
    public Uni<MatrixRequests.NextMeasurementResponse> nextMeasurement(byte[] body) {
        return bodies.read(body, MatrixRequests.NextMeasurementRequest.class).flatMap(request -> compute.submit(() -> {
            ScoreMatrix table = table(request.models(), request.benchmarks(), request.scores());
            MatrixCompletion.Settings s = settings(table, request.method(), request.rank(), null, null, null, null, null, request.bootstrap());
            require(request.model(), "model");
            NextMeasurement.Result r = NextMeasurement.rank(table, request.model(), request.asked(), s);
            return new MatrixRequests.NextMeasurementResponse(r.model(), r.asked(), r.askedVariance(), r.candidates().stream()
                    .map(c -> new MatrixRequests.NextCandidate(c.benchmark(), c.varianceReduction(), c.fractionOfAskedVariance())).toList(),
                    r.method(), used(request.bootstrap(), s), r.warnings());
        }));
    }

    @POST
    @Path("model-choice")
    @Operation(operationId = "computeModelChoice", summary = "Choose a model for a task and a budget",
            description = "Quality = the profile-weighted mean of the candidate's scores (missing ones predicted), with intervals; "
                    + "the cost-quality Pareto front; the best candidate within the budget; the probability that each candidate is "
                    + "the best, overall and within the budget (share of bootstrap rounds). Every candidate needs a cost." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.ModelChoiceRequest.class),
            examples = @ExampleObject(name = "three candidates", value = MatrixExamples.CHOICE)))
    @APIResponse(responseCode = "200", description = "Options, best quality first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.ModelChoiceResponse.class)))
    public Uni<MatrixRequests.ModelChoiceResponse> modelChoice(byte[] body) {
        return bodies.read(body, MatrixRequests.ModelChoiceRequest.class).flatMap(request -> compute.submit(() -> {
            ScoreMatrix table = table(request.models(), request.benchmarks(), request.scores());
            MatrixCompletion.Settings s = settings(table, request.method(), null, null, null, null, null, null, request.bootstrap());
            ModelChoice.Result r = ModelChoice.choose(table, request.candidates(), request.profile(), request.costs(), request.budget(), s);
            return new MatrixRequests.ModelChoiceResponse(r.profile(), r.options().stream().map(o -> new MatrixRequests.Option(o.model(),
                    o.cost(), o.quality(), o.interval(), o.predictedCells(), o.pareto(), o.probabilityBest(),
                    finite(o.probabilityBestWithinBudget()))).toList(), r.bestWithinBudget(), r.budget(), used(request.bootstrap(), s), r.warnings());
        }));
    }

    @POST
    @Path("router-evaluation")
    @Operation(operationId = "evaluateRouter", summary = "Evaluate a strong/weak router from item-level results",
            description = "RouteLLM's and RouterBench's measures: the quality-cost curve over router thresholds, its area (AUC over "
                    + "the share of strong calls), APGR (average performance gap recovered), the strong-call share and cost needed to "
                    + "reach 50% and 80% of the quality gap between the weak and the strong model, and RouterBench's AIQ (area under "
                    + "the non-decreasing convex hull of quality against cost, over the cost range). Deterministic: no seed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.RouterEvaluationRequest.class),
            examples = @ExampleObject(name = "four prompts", value = MatrixExamples.ROUTER)))
    @APIResponse(responseCode = "200", description = "Curve and summary measures", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatrixRequests.RouterEvaluationResponse.class)))
    public Uni<MatrixRequests.RouterEvaluationResponse> routerEvaluation(byte[] body) {
        return bodies.read(body, MatrixRequests.RouterEvaluationRequest.class).flatMap(request -> compute.submit(() -> {
            require(request.results(), "results");
            if (request.results().size() > 2_000_000) {
                throw ProblemException.invalid("results", "at most 2,000,000 results");
            }
            List<RouterEvaluation.Result> rows = new ArrayList<>(request.results().size());
            for (int i = 0; i < request.results().size(); i++) {
                MatrixRequests.ItemResult r = request.results().get(i);
                if (r == null || r.score() == null || r.cost() == null) {
                    throw ProblemException.invalid("results[" + i + "]", "needs model, prompt, score and cost");
                }
                rows.add(new RouterEvaluation.Result(r.model(), r.prompt(), r.score(), r.cost()));
            }
            RouterEvaluation.Evaluation e = RouterEvaluation.evaluate(rows, request.strong(), request.weak(), request.routerScores());
            return new MatrixRequests.RouterEvaluationResponse(e.prompts(), e.weakQuality(), e.strongQuality(), e.weakCost(), e.strongCost(),
                    e.curve().stream().map(p -> new MatrixRequests.CurvePoint(finite(p.threshold()), p.strongShare(), p.cost(), p.quality())).toList(),
                    e.auc(), finite(e.apgr()), e.strongShareFor50(), e.costFor50(), e.strongShareFor80(), e.costFor80(), e.aiq(), e.warnings());
        }));
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static MatrixRequests.HeldOut heldOut(ObservationalScaling.HeldOut h) {
        return new MatrixRequests.HeldOut(h.models(), finite(h.mse()), finite(h.mae()));
    }

    static List<String> names(List<String> names, String field) {
        require(names, field);
        if (names.isEmpty()) {
            throw ProblemException.invalid(field, "must not be empty");
        }
        return names;
    }

    static ScoreMatrix table(List<String> models, List<String> benchmarks, List<List<Double>> scores) {
        names(models, "models");
        names(benchmarks, "benchmarks");
        if ((long) models.size() * benchmarks.size() > MAX_CELLS) {
            throw ProblemException.invalid("scores", models.size() + " x " + benchmarks.size() + " cells exceeds " + MAX_CELLS);
        }
        return new ScoreMatrix(models, benchmarks, matrix(scores, models.size(), benchmarks.size(), "scores"));
    }

    static double[][] matrix(List<List<Double>> rows, int n, int p, String field) {
        require(rows, field);
        if (rows.size() != n) {
            throw ProblemException.invalid(field, "has " + rows.size() + " rows for " + n + " models");
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = vector(rows.get(i), p, field + "[" + i + "]", true);
        }
        return x;
    }

    static double[] vector(List<Double> values, int n, String field, boolean nullIsMissing) {
        require(values, field);
        if (values.size() != n) {
            throw ProblemException.invalid(field, "has " + values.size() + " values, expected " + n);
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            Double v = values.get(j);
            if (v == null) {
                if (!nullIsMissing) {
                    throw ProblemException.invalid(field + "[" + j + "]", "is required");
                }
                out[j] = Double.NaN;
            } else if (!Double.isFinite(v)) {
                throw ProblemException.invalid(field + "[" + j + "]", "must be finite");
            } else {
                out[j] = v;
            }
        }
        return out;
    }

    static List<MatrixCompletion.Cell> cells(ScoreMatrix table, List<CellInput> cells) {
        if (cells == null) {
            return null;
        }
        List<MatrixCompletion.Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellInput c = cells.get(i);
            if (c == null) {
                throw ProblemException.invalid("cells[" + i + "]", "is required");
            }
            out.add(new MatrixCompletion.Cell(table.modelIndex(c.model(), "cells[" + i + "].model"),
                    table.benchmarkIndex(c.benchmark(), "cells[" + i + "].benchmark")));
        }
        return out;
    }

    static Method method(String name, String field) {
        if (name == null) {
            return Method.ALTERNATING_LEAST_SQUARES;
        }
        return switch (name) {
            case "als" -> Method.ALTERNATING_LEAST_SQUARES;
            case "soft-impute" -> Method.SOFT_IMPUTE;
            case "nearest-models" -> Method.NEAREST_MODELS;
            case "capability-index" -> Method.CAPABILITY_INDEX;
            default -> throw ProblemException.invalid(field, "must be als, soft-impute, nearest-models or capability-index, was '" + name + "'");
        };
    }

    static String methodName(Method m) {
        return switch (m) {
            case ALTERNATING_LEAST_SQUARES -> "als";
            case SOFT_IMPUTE -> "soft-impute";
            case NEAREST_MODELS -> "nearest-models";
            case CAPABILITY_INDEX -> "capability-index";
        };
    }

    static MatrixCompletion.Settings settings(ScoreMatrix table, String method, Integer rank, Double lambda, Integer neighbours,
            FeaturesInput modelFeatures, FeaturesInput benchmarkFeatures, Map<String, Double> floors, BootstrapSettings bootstrap) {
        return settings(table, method, rank, lambda, neighbours, modelFeatures, benchmarkFeatures, floors, bootstrap, "method");
    }

    static MatrixCompletion.Settings settings(ScoreMatrix table, String method, Integer rank, Double lambda, Integer neighbours,
            FeaturesInput modelFeatures, FeaturesInput benchmarkFeatures, Map<String, Double> floors, BootstrapSettings bootstrap, String field) {
        BootstrapSettings.Used b = bootstrap(bootstrap);
        double[] f = null;
        if (floors != null) {
            f = new double[table.benchmarkCount()];
            java.util.Arrays.fill(f, Double.NaN);
            for (Map.Entry<String, Double> e : floors.entrySet()) {
                int j = table.benchmarkIndex(e.getKey(), "floors." + e.getKey());
                if (e.getValue() == null || !(e.getValue() >= 0 && e.getValue() < 1)) {
                    throw ProblemException.invalid("floors." + e.getKey(), "a chance level must be in [0, 1)");
                }
                f[j] = e.getValue();
            }
        }
        if (neighbours != null && neighbours >= table.modelCount()) {
            throw ProblemException.invalid("neighbours", "must be smaller than the number of models (" + table.modelCount() + ")");
        }
        return new MatrixCompletion.Settings(method(method, field), rank, lambda, neighbours,
                features(modelFeatures, table.modelCount(), "modelFeatures"), features(benchmarkFeatures, table.benchmarkCount(), "benchmarkFeatures"),
                f, b.rounds(), b.seed(), b.level(), null);
    }

    static ModelFeatures features(FeaturesInput in, int rows, String field) {
        if (in == null) {
            return null;
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        if (in.numeric() != null) {
            for (Map.Entry<String, List<Double>> e : in.numeric().entrySet()) {
                numeric.put(e.getKey(), vector(e.getValue(), rows, field + ".numeric." + e.getKey(), true));
            }
        }
        String[] family = null;
        if (in.family() != null) {
            if (in.family().size() != rows) {
                throw ProblemException.invalid(field + ".family", "has " + in.family().size() + " labels for " + rows + " rows");
            }
            family = in.family().toArray(String[]::new);
        }
        return ModelFeatures.of(rows, numeric, family, field);
    }

    static BootstrapSettings.Used bootstrap(BootstrapSettings in) {
        return BootstrapSettings.resolve(in, 10, 5000, "bootstrap.rounds");
    }

    static BootstrapReport used(BootstrapSettings in, MatrixCompletion.Settings s) {
        return new BootstrapSettings.Used(s.rounds(), s.seed(), s.level(), in != null && in.seed() != null).report(BOOTSTRAP_METHOD);
    }

    static List<MatrixRequests.PredictedCell> predicted(MatrixCompletion.Result r) {
        return r.predictions().stream().map(p -> new MatrixRequests.PredictedCell(p.model(), p.benchmark(), p.estimate(), p.interval(),
                p.method(), p.warning())).toList();
    }

    static Backtest.Protocol protocol(ScoreMatrix table, MatrixRequests.HoldoutInput h) {
        require(h, "holdout");
        require(h.kind(), "holdout.kind");
        return switch (h.kind()) {
            case "random" -> new Backtest.RandomMask(h.fraction() == null ? 0.5 : h.fraction(), h.seed() == null ? DEFAULT_SEED : h.seed());
            case "compute-threshold" -> {
                require(h.threshold(), "holdout.threshold");
                double[] c = new double[table.modelCount()];
                java.util.Arrays.fill(c, Double.NaN);
                if (h.compute() != null) {
                    for (Map.Entry<String, Double> e : h.compute().entrySet()) {
                        c[table.modelIndex(e.getKey(), "holdout.compute." + e.getKey())] = e.getValue() == null ? Double.NaN : e.getValue();
                    }
                }
                yield new Backtest.ComputeThreshold(h.threshold(), c, h.targets());
            }
            case "newest" -> {
                require(h.count(), "holdout.count");
                LocalDate[] d = new LocalDate[table.modelCount()];
                if (h.released() != null) {
                    for (Map.Entry<String, LocalDate> e : h.released().entrySet()) {
                        d[table.modelIndex(e.getKey(), "holdout.released." + e.getKey())] = e.getValue();
                    }
                }
                yield new Backtest.NewestModels(h.count(), d, h.targets());
            }
            default -> throw ProblemException.invalid("holdout.kind", "must be random, compute-threshold or newest, was '" + h.kind() + "'");
        };
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("predictMissingScores", "/api/v1/matrix/completions", MatrixRequests.CompletionRequest.class,
                        this::completions),
                JobOperation.of("fitCapabilityIndex", "/api/v1/matrix/capability-index", MatrixRequests.CapabilityIndexRequest.class,
                        this::capabilityIndex),
                JobOperation.of("fitObservationalScaling", "/api/v1/matrix/observational-scaling", MatrixRequests.ObservationalScalingRequest.class,
                        this::observationalScaling),
                JobOperation.of("backtestMatrixCompletion", "/api/v1/matrix/backtests", MatrixRequests.BacktestRequest.class,
                        this::backtest),
                JobOperation.of("findNextMeasurement", "/api/v1/matrix/next-measurement", MatrixRequests.NextMeasurementRequest.class,
                        this::nextMeasurement),
                JobOperation.of("computeModelChoice", "/api/v1/matrix/model-choice", MatrixRequests.ModelChoiceRequest.class,
                        this::modelChoice),
                JobOperation.of("evaluateRouter", "/api/v1/matrix/router-evaluation", MatrixRequests.RouterEvaluationRequest.class,
                        this::routerEvaluation));
    }
}
