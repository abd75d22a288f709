package io.augur.horizon.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.horizon.engine.AgentRun;
import io.augur.horizon.engine.HorizonSettings;
import io.augur.horizon.engine.HorizonTrend;
import io.augur.horizon.engine.ModelHorizon;
import io.augur.horizon.engine.TimeHorizons;
import io.augur.horizon.engine.Weighting;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.InvalidInputException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * METR-style time horizons and their trend. Thin: parse and validate, then {@code io.augur.horizon.engine}
 * on the compute pool.
 */
@Computation
@Path("/api/v1/horizons")
@RegisterForReflection(targets = { HorizonTrend.DateForecast.class, HorizonTrend.BacktestPoint.class,
    HorizonTrend.ShapeComparison.class, HorizonTrend.ShapeFit.class, io.augur.stats.Interval.class,
    // request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
    HorizonRequests.TimeHorizons.class, HorizonRequests.Run.class, HorizonRequests.Trend.class, HorizonRequests.ModelPoint.class,
    BootstrapSettings.class })
@Tag(name = "horizons", description = "METR time horizons of agents (the task length they complete 50% or 80% of the time) and how fast they grow")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool full or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HorizonResource implements JobOperation.Source {

    static final String JSONL = "application/x-ndjson";

    static final String RUNS_EXAMPLE = """
            {"runs": [
              {"agent": "A", "taskId": "f1/t1", "taskFamily": "f1", "runId": "1", "humanMinutes": 1, "score": 1, "weight": 1},
              {"agent": "A", "taskId": "f1/t2", "taskFamily": "f1", "runId": "2", "humanMinutes": 4, "score": 1, "weight": 1},
              {"agent": "A", "taskId": "f2/t3", "taskFamily": "f2", "runId": "3", "humanMinutes": 15, "score": 0, "weight": 1},
              {"agent": "A", "taskId": "f2/t4", "taskFamily": "f2", "runId": "4", "humanMinutes": 30, "score": 1, "weight": 1},
              {"agent": "A", "taskId": "f3/t5", "taskFamily": "f3", "runId": "5", "humanMinutes": 60, "score": 0, "weight": 1},
              {"agent": "A", "taskId": "f3/t6", "taskFamily": "f3", "runId": "6", "humanMinutes": 240, "score": 0, "weight": 1}],
             "bootstrap": {"rounds": 200, "seed": 7}}""";

    static final String JSONL_EXAMPLE = """
            {"run_id":"1","task_id":"f1/t1","task_family":"f1","alias":"A","human_minutes":1,"score_binarized":1,"invsqrt_task_weight":0.2}
            {"run_id":"2","task_id":"f1/t2","task_family":"f1","alias":"A","human_minutes":4,"score_binarized":1,"invsqrt_task_weight":0.2}
            {"run_id":"3","task_id":"f2/t3","task_family":"f2","alias":"A","human_minutes":15,"score_binarized":0,"invsqrt_task_weight":0.2}
            {"run_id":"4","task_id":"f2/t4","task_family":"f2","alias":"A","human_minutes":30,"score_binarized":1,"invsqrt_task_weight":0.2}
            {"run_id":"5","task_id":"f3/t5","task_family":"f3","alias":"A","human_minutes":60,"score_binarized":0,"invsqrt_task_weight":0.2}
            """;

    static final String TREND_EXAMPLE = """
            {"models": [
              {"model": "gpt2-xl", "releaseDate": "2019-02-14", "minutes": 0.0398},
              {"model": "davinci-002", "releaseDate": "2020-05-28", "minutes": 0.149},
              {"model": "gpt-3.5-turbo-instruct", "releaseDate": "2022-03-15", "minutes": 0.605},
              {"model": "gpt-4-0314", "releaseDate": "2023-03-14", "minutes": 5.36},
              {"model": "gpt-4-1106-preview", "releaseDate": "2023-11-06", "minutes": 8.56},
              {"model": "gpt-4o", "releaseDate": "2024-05-13", "minutes": 9.17},
              {"model": "claude-3-5-sonnet-20240620", "releaseDate": "2024-06-20", "minutes": 18.2},
              {"model": "o1-preview", "releaseDate": "2024-09-12", "minutes": 22.2},
              {"model": "claude-3-5-sonnet-20241022", "releaseDate": "2024-10-22", "minutes": 29.0},
              {"model": "o1", "releaseDate": "2024-12-05", "minutes": 39.2},
              {"model": "claude-3-7-sonnet", "releaseDate": "2025-02-24", "minutes": 54.2}],
             "targetMinutes": [480], "backtestCutoff": "2024-06-01", "bootstrap": {"rounds": 1000, "seed": 7}}""";

    private final ComputePool compute;
    private final RequestBodies bodies;
    private final ObjectMapper json;

    public HorizonResource(ComputePool compute, RequestBodies bodies, ObjectMapper json) {
        this.compute = compute;
        this.bodies = bodies;
        this.json = json;
    }

    @POST
    @Path("time-horizons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "computeTimeHorizons", summary = "50% and 80% time horizons per agent, with hierarchical-bootstrap intervals",
            description = TIME_HORIZONS + " Body: JSON; computeTimeHorizonsFromJsonl takes METR's runs JSONL as is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HorizonRequests.TimeHorizons.class),
            examples = @ExampleObject(name = "one agent", value = RUNS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Horizons per agent", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HorizonResponses.TimeHorizons.class)))
    public Uni<HorizonResponses.TimeHorizons> timeHorizons(byte[] body) {
        return timeHorizons(false, body, null, null, null, null, null);
    }

    @POST
    @Path("time-horizons/jsonl")
    @Consumes({ JSONL, "application/jsonl" })
    @Operation(operationId = "computeTimeHorizonsFromJsonl", summary = "Time horizons from METR's runs JSONL, as is",
            description = TIME_HORIZONS + " Body: METR's runs JSONL as is (Content-Type application/x-ndjson; columns alias, "
                    + "task_id, task_family, run_id, human_minutes, score_binarized, invsqrt_task_weight; other columns ignored), "
                    + "with the settings as query parameters; a bad line is named as `line N.column`.")
    @RequestBody(required = true, content = @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "METR runs", value = JSONL_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Horizons per agent", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HorizonResponses.TimeHorizons.class)))
    public Uni<HorizonResponses.TimeHorizons> timeHorizonsFromJsonl(byte[] body,
            @Parameter(description = "rounds, 0 to 100000 (default 1000)") @QueryParam("rounds") @Min(0) @Max(100_000) Integer rounds,
            @Parameter(description = "seed (default " + BootstrapSettings.DEFAULT_SEED + ")") @QueryParam("seed") Long seed,
            @Parameter(description = "level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level,
            @Parameter(description = "reject (default) or report") @QueryParam("degenerateAgents") @Pattern(regexp = "reject|report", message = "must be reject or report") String degenerate,
            @Parameter(description = "the score column (default score_binarized)") @QueryParam("scoreColumn") @Pattern(regexp = "score_binarized|score", message = "must be score_binarized or score") String scoreColumn) {
        return timeHorizons(true, body, rounds, seed, level, degenerate, scoreColumn);
    }

    static final String TIME_HORIZONS = "METR's method (Kwa et al. 2025; eval-analysis-public): per agent a weighted logistic regression of the "
            + "run's score on log2(human minutes), L2 penalty 0.1 on the slope only (scikit-learn C = 10), weights normalised "
            + "to sum 1 per agent; the q-horizon is 2^((logit(q) - intercept) / slope), 2^(-intercept/slope) at 50%. "
            + "Intervals: bootstrap over task families, then tasks, then runs (METR's hierarchy), percentile. An agent whose "
            + "runs all succeed or all fail has no finite horizon: 400 by default, or with degenerateAgents=report its horizon "
            + "is reported UNBOUNDED_ABOVE / UNBOUNDED_BELOW with no number. Horizons outside the task lengths the agent ran "
            + "are flagged as extrapolations. Bootstrap: rounds 0 to 100000 (0: no intervals), default 1000, seed 42, level 0.95.";

    private Uni<HorizonResponses.TimeHorizons> timeHorizons(boolean jsonl, byte[] body, Integer rounds, Long seed,
            Double level, String degenerate, String scoreColumn) {
        return compute.submit(() -> {
            List<AgentRun> runs;
            HorizonSettings settings;
            BootstrapSettings.Used b;
            List<Integer> lines = new ArrayList<>();
            if (jsonl) {
                runs = readJsonl(body, scoreColumn == null ? "score_binarized" : scoreColumn, lines);
                b = BootstrapSettings.resolve(rounds, seed, level, 0, BootstrapSettings.MAX_ROUNDS, "rounds");
                settings = new HorizonSettings(0.1, List.of(0.5, 0.8), Weighting.GIVEN, b.rounds(), b.seed(), b.level(),
                        !"report".equals(degenerate));
            } else {
                HorizonRequests.TimeHorizons req = bodies.parse(body, HorizonRequests.TimeHorizons.class);
                runs = req.runs().stream().map(r -> new AgentRun(r.agent().strip(), r.taskId().strip(), r.taskFamily().strip(),
                        r.runId(), r.humanMinutes(), r.score(), r.weight())).toList();
                b = BootstrapSettings.resolve(req.bootstrap(), 0, BootstrapSettings.MAX_ROUNDS, "bootstrap.rounds");
                Weighting w = req.weighting() == null ? Weighting.GIVEN : switch (req.weighting()) {
                    case "invsqrt-task-family" -> Weighting.INVSQRT_TASK_FAMILY;
                    case "equal-task" -> Weighting.EQUAL_TASK;
                    default -> Weighting.GIVEN;
                };
                settings = new HorizonSettings(req.regularization() == null ? 0.1 : req.regularization(),
                        req.successLevels() == null || req.successLevels().isEmpty() ? List.of(0.5, 0.8) : req.successLevels(), w,
                        b.rounds(), b.seed(), b.level(), !"report".equals(req.degenerateAgents()));
            }
            try {
                return HorizonResponses.TimeHorizons.of(TimeHorizons.estimate(runs, settings), b.seedGiven());
            } catch (InvalidInputException e) {
                throw jsonl ? ProblemException.invalid(jsonlField(e.field(), lines), e.reason()) : e;
            }
        });
    }

    /** The engine's {@code runs[i].humanMinutes} as the JSONL's {@code line N.human_minutes}. */
    static String jsonlField(String field, List<Integer> lines) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^runs\\[(\\d+)\\]\\.?(.*)$").matcher(field);
        if (!m.matches()) {
            return field;
        }
        int i = Integer.parseInt(m.group(1));
        String column = switch (m.group(2)) {
            case "humanMinutes" -> "human_minutes";
            case "score" -> "score";
            case "weight" -> "invsqrt_task_weight";
            case "taskFamily" -> "task_family";
            case "taskId" -> "task_id";
            case "agent" -> "alias";
            default -> m.group(2);
        };
        return "line " + (i < lines.size() ? lines.get(i) : i + 1) + (column.isEmpty() ? "" : "." + column);
    }

    @POST
    @Path("trend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "computeHorizonTrend", summary = "Doubling time of the frontier horizon, forecasts, backtest and trend shapes",
            description = "METR's trend (compute_trendline_ci.py): ordinary least squares of ln(horizon) on the release date; "
                    + "doubling time = ln 2 / slope (months of 365.25/12 days), on METR's frontier by default (models whose horizon is "
                    + "at least the best released on or before their date). Interval: bootstrap over the models (percentile; `bootstrap` rounds 0 to 100000, default 1000, seed 42; resamples "
                    + "without a positive slope are left out and counted). targetMinutes: the date the trend reaches each horizon, "
                    + "with its bootstrap interval. backtestCutoff: fit on the models before the date, predict the later ones with "
                    + "the OLS prediction interval (errors in doublings). Shapes: exponential against a change of slope (continuous "
                    + "hinge at an observed date, 3 models on each side), compared by AICc, BIC and leave-one-out error.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HorizonRequests.Trend.class),
            examples = @ExampleObject(name = "TH1.0 frontier to Claude 3.7 Sonnet", value = TREND_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The trend", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HorizonResponses.Trend.class)))
    public Uni<HorizonResponses.Trend> trend(byte[] body) {
        return bodies.read(body, HorizonRequests.Trend.class).flatMap(request -> compute.submit(() -> {
            List<ModelHorizon> models = request.models().stream()
                    .map(m -> new ModelHorizon(m.model().strip(), m.releaseDate(), m.minutes())).toList();
            boolean frontierOnly = request.frontierOnly() == null || request.frontierOnly();
            List<ModelHorizon> points = frontierOnly
                    ? HorizonTrend.frontier(models, request.releasedOnOrAfter(), request.releasedBefore())
                    : models.stream().filter(m -> request.releasedOnOrAfter() == null || !m.releaseDate().isBefore(request.releasedOnOrAfter()))
                            .filter(m -> request.releasedBefore() == null || m.releaseDate().isBefore(request.releasedBefore())).toList();
            BootstrapSettings.Used b = BootstrapSettings.resolve(request.bootstrap(), 0, BootstrapSettings.MAX_ROUNDS,
                    "bootstrap.rounds");
            HorizonTrend.Settings s = new HorizonTrend.Settings(b.rounds(), b.seed(), b.level());
            HorizonTrend.Trend trend = HorizonTrend.fit(points, s);
            List<HorizonTrend.DateForecast> forecasts = new ArrayList<>();
            if (request.targetMinutes() != null) {
                for (int i = 0; i < request.targetMinutes().size(); i++) {
                    try {
                        forecasts.add(HorizonTrend.dateReaching(trend, request.targetMinutes().get(i)));
                    } catch (InvalidInputException e) {
                        throw ProblemException.invalid(e.field().equals("targetMinutes") ? "targetMinutes[" + i + "]" : e.field(), e.reason());
                    }
                }
            }
            HorizonTrend.Backtest backtest;
            try {
                backtest = request.backtestCutoff() == null ? null : HorizonTrend.backtest(points, request.backtestCutoff(), s);
            } catch (InvalidInputException e) {
                throw ProblemException.invalid(e.field().equals("cutoff") ? "backtestCutoff" : e.field(), e.reason());
            }
            HorizonTrend.ShapeComparison shapes = points.size() >= 3 ? HorizonTrend.compareShapes(points) : null;
            return HorizonResponses.Trend.of(frontierOnly, trend, forecasts, backtest, shapes, b.seedGiven());
        }));
    }

    /** METR's runs JSONL, line by line; a bad line is a 400 naming the line and column. */
    List<AgentRun> readJsonl(byte[] body, String scoreColumn, List<Integer> lineOfRun) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "the request body is empty");
        }
        List<AgentRun> runs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (runs.size() >= HorizonRequests.MAX_RUNS) {
                    throw ProblemException.invalid("line " + n, "more than " + HorizonRequests.MAX_RUNS + " runs");
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw ProblemException.invalid("line " + n, "not a JSON object: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw ProblemException.invalid("line " + n, "not a JSON object");
                }
                String at = "line " + n + ".";
                lineOfRun.add(n);
                JsonNode weight = node.get("invsqrt_task_weight");
                runs.add(new AgentRun(text(node, "alias", at), text(node, "task_id", at), text(node, "task_family", at),
                        node.hasNonNull("run_id") ? node.get("run_id").asText() : null, number(node, "human_minutes", at),
                        number(node, scoreColumn, at), weight == null || weight.isNull() ? null : number(node, "invsqrt_task_weight", at)));
            }
        }
        if (runs.isEmpty()) {
            throw ProblemException.invalid("body", "no runs in the JSONL body");
        }
        return runs;
    }

    private static String text(JsonNode node, String column, String at) {
        JsonNode v = node.get(column);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw ProblemException.invalid(at + column, "missing or blank");
        }
        return v.asText().strip();
    }

    private static double number(JsonNode node, String column, String at) {
        JsonNode v = node.get(column);
        if (v == null || v.isNull()) {
            throw ProblemException.invalid(at + column, "missing");
        }
        if (!v.isNumber()) {
            throw ProblemException.invalid(at + column, "must be a number, was " + v);
        }
        return v.asDouble();
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("computeTimeHorizons", "/api/v1/horizons/time-horizons", HorizonRequests.TimeHorizons.class,
                        this::timeHorizons),
                JobOperation.of("computeHorizonTrend", "/api/v1/horizons/trend", HorizonRequests.Trend.class,
                        this::trend));
    }
}
