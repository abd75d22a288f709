package io.augur.aggregate.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import io.augur.aggregate.engine.Aggregate;
import io.augur.aggregate.engine.PerformanceProfile;
import io.augur.aggregate.engine.ProbabilityOfImprovement;
import io.augur.aggregate.engine.ScoreAggregates;
import io.augur.aggregate.engine.ScoreTable;
import io.augur.aggregate.engine.SocialChoiceRanking;
import io.augur.aggregate.engine.StratifiedBootstrap;
import io.augur.platform.api.Plots;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.InvalidInputException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stateless computations over a table of scores per (system, task, run): rliable's aggregates,
 * performance profiles, probability of improvement, and social-choice rankings. Each accepts the
 * scores inline or a stored selection (models x benchmarks x seeds) and answers the same shape either
 * way. Thin: validation and mapping here, every number from {@code io.augur.aggregate.engine} on the
 * compute pool.
 */
@Computation
@Path("/api/v1/score-tables")
@Tag(name = "score-tables", description = "Aggregate and rank systems from per-task scores over several runs "
        + "(rliable's IQM and friends with stratified-bootstrap intervals; Borda, Copeland, Kemeny)")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool full or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { AggregatesRequest.class, PerformanceProfileRequest.class, PerformanceProfileRequest.TauGrid.class,
        ProbabilityOfImprovementRequest.class, RankingRequest.class, ScoreInput.class, ScoreSelection.class, NormalizationInput.class,
        NormalizationInput.Baseline.class, BootstrapSettings.class })
public class ScoreTableResource implements JobOperation.Source {

    static final String TABLE = " The table: either `scores` inline, [{system, task, run, value}], or `selection`, stored evaluations "
            + "read as systems = models, tasks = benchmarks, runs = seeds (filtered by metric, benchmarks, models, family, step; "
            + "the latest step per model, benchmark and seed unless a step is given). `normalization`: none (default), min-max, or "
            + "baselines {task: {low, high}} giving (x - low) / (high - low) (random and human scores give Atari's human-normalised score). "
            + "`missingTasks`: a system without a score on some task rejects the table (reject, default) or drops that task for "
            + "everyone (common-tasks, listed in table.droppedTasks).";
    static final String BOOTSTRAP = " Intervals: stratified bootstrap (runs resampled within each task; each system on its own "
            + "stream derived from the seed and its name), percentile intervals; rounds 1 to 100000 (default 1000), seed default 42, "
            + "level default 0.95; the response echoes the settings and whether the seed was the default.";

    private final ScoreTables tables;
    private final ComputePool compute;
    private final RequestBodies bodies;
    private final Plots plots;

    public ScoreTableResource(ScoreTables tables, ComputePool compute, RequestBodies bodies, Plots plots) {
        this.plots = plots;
        this.tables = tables;
        this.compute = compute;
        this.bodies = bodies;
    }

    @POST
    @Path("aggregates")
    @Operation(operationId = "computeScoreTableAggregates", summary = "Mean, median, IQM and optimality gap per system, with intervals",
            description = "rliable's aggregates (Agarwal et al. 2021): mean and median over tasks of the per-task mean over runs; "
                    + "interquartile mean (25% trimmed mean of all run x task scores); optimality gap mean(max(gamma - x, 0)), "
                    + "lower is better." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AggregatesRequest.class),
            examples = @ExampleObject(name = "Atari human-normalised", value = Examples.AGGREGATES)))
    @APIResponse(responseCode = "200", description = "Aggregates per system", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AggregatesResponse.class)))
    public Uni<AggregatesResponse> aggregates(byte[] body) {
        return bodies.read(body, AggregatesRequest.class).flatMap(request -> aggregates(request));
    }

    private Uni<AggregatesResponse> aggregates(AggregatesRequest request) {
        return aggregates(request, r -> r);
    }

    /** The aggregates, and {@code then} applied to them on the compute pool (a plot's rendering). */
    private <T> Uni<T> aggregates(AggregatesRequest request, java.util.function.Function<AggregatesResponse, T> then) {
        List<Aggregate> aggregates = aggregates(request.aggregates(), request.optimalityGapTarget());
        StratifiedBootstrap bootstrap = ScoreTables.bootstrap(request.bootstrap());
        return run(request, prepared -> {
            ScoreTable table = prepared.table();
            ScoreAggregates result = ScoreAggregates.estimate(table, aggregates, bootstrap);
            return then.apply(new AggregatesResponse(prepared.summary(table), ScoreTables.report(request.bootstrap()),
                    result.systems().stream().map(s -> new AggregatesResponse.SystemAggregates(s.system(), s.runs(),
                            s.estimates().stream().map(e -> new AggregatesResponse.AggregateEstimate(e.aggregate(), e.value(), e.interval()))
                                    .toList()))
                            .toList()));
        });
    }

    @POST
    @Path("aggregates/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotScoreTableAggregates", summary = "Draw rliable's interval estimates: each aggregate per system with its interval",
            description = "Takes the computeScoreTableAggregates body. One panel per aggregate (each on its own scale), one "
                    + "row per system, the point estimate and its stratified-bootstrap interval, as rliable's "
                    + "plot_interval_estimates; the caption gives the interval method, level and seed." + TABLE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AggregatesRequest.class),
            examples = @ExampleObject(name = "Atari human-normalised", value = Examples.AGGREGATES)))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotAggregates(@HeaderParam("Accept") String accept, byte[] body) {
        return bodies.read(body, AggregatesRequest.class)
                .flatMap(request -> aggregates(request, r -> plots.respond(accept, ScoreTablePlots.aggregates(r))));
    }

    @POST
    @Path("performance-profile/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotPerformanceProfile", summary = "Draw rliable's performance profiles with their bootstrap bands",
            description = "Takes the computePerformanceProfile body. One line per system: the fraction of run x task scores "
                    + "above each threshold tau, with its pointwise stratified-bootstrap band, as rliable's "
                    + "plot_performance_profiles; the caption gives the interval method, level and seed." + TABLE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PerformanceProfileRequest.class),
            examples = @ExampleObject(name = "Atari human-normalised", value = Examples.PERFORMANCE_PROFILE)))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotPerformanceProfile(@HeaderParam("Accept") String accept, byte[] body) {
        return bodies.read(body, PerformanceProfileRequest.class)
                .flatMap(request -> performanceProfile(request, r -> plots.respond(accept, ScoreTablePlots.profiles(r))));
    }

    @POST
    @Path("performance-profile")
    @Operation(operationId = "computePerformanceProfile", summary = "Performance profiles: fraction of run x task scores above each threshold, with bands",
            description = "rliable's score distributions: F(tau) = fraction of all run x task scores strictly above tau, for each "
                    + "threshold (`taus` as a list, or `tauGrid` {from, to, count} evenly spaced, at most 1000), with a pointwise "
                    + "bootstrap band." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PerformanceProfileRequest.class),
            examples = @ExampleObject(name = "Atari human-normalised", value = Examples.PERFORMANCE_PROFILE)))
    @APIResponse(responseCode = "200", description = "One profile per system", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PerformanceProfileResponse.class)))
    public Uni<PerformanceProfileResponse> performanceProfile(byte[] body) {
        return bodies.read(body, PerformanceProfileRequest.class).flatMap(request -> performanceProfile(request));
    }

    private Uni<PerformanceProfileResponse> performanceProfile(PerformanceProfileRequest request) {
        return performanceProfile(request, r -> r);
    }

    /** The profiles, and {@code then} applied to them on the compute pool (a plot's rendering). */
    private <T> Uni<T> performanceProfile(PerformanceProfileRequest request,
            java.util.function.Function<PerformanceProfileResponse, T> then) {
        double[] taus = taus(request);
        StratifiedBootstrap bootstrap = ScoreTables.bootstrap(request.bootstrap());
        return run(request, prepared -> {
            ScoreTable table = prepared.table();
            PerformanceProfile result = PerformanceProfile.estimate(table, taus, bootstrap);
            return then.apply(new PerformanceProfileResponse(prepared.summary(table), ScoreTables.report(request.bootstrap()),
                    result.taus(), result.systems().stream().map(s -> new PerformanceProfileResponse.SystemProfile(s.system(),
                            s.points().stream().map(p -> new PerformanceProfileResponse.ProfilePoint(p.tau(), p.fraction(), p.interval()))
                                    .toList()))
                            .toList()));
        });
    }

    @POST
    @Path("probability-of-improvement")
    @Operation(operationId = "computeProbabilityOfImprovement", summary = "Probability that system x improves on system y, with interval",
            description = "rliable's P(X > Y): per task the Mann-Whitney probability that a run of x beats a run of y (ties half), "
                    + "averaged over tasks; the interval resamples x's and y's runs independently within each task." + TABLE + BOOTSTRAP)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProbabilityOfImprovementRequest.class),
            examples = @ExampleObject(name = "SPR over CURL", value = Examples.PROBABILITY_OF_IMPROVEMENT)))
    @APIResponse(responseCode = "200", description = "P(x > y) with its interval and per-task values", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProbabilityOfImprovementResponse.class)))
    public Uni<ProbabilityOfImprovementResponse> probabilityOfImprovement(byte[] body) {
        return bodies.read(body, ProbabilityOfImprovementRequest.class).flatMap(request -> probabilityOfImprovement(request));
    }

    private Uni<ProbabilityOfImprovementResponse> probabilityOfImprovement(ProbabilityOfImprovementRequest request) {
        StratifiedBootstrap bootstrap = ScoreTables.bootstrap(request.bootstrap());
        return run(request, prepared -> {
            ScoreTable table = prepared.table();
            ProbabilityOfImprovement p = ProbabilityOfImprovement.estimate(table, request.x().strip(), request.y().strip(), bootstrap);
            return new ProbabilityOfImprovementResponse(prepared.summary(table), ScoreTables.report(request.bootstrap()),
                    p.x(), p.y(), p.probability(), p.interval(),
                    p.perTask().stream().map(t -> new ProbabilityOfImprovementResponse.TaskProbability(t.task(), t.probability())).toList());
        });
    }

    @POST
    @Path("rankings")
    @Operation(operationId = "computeScoreTableRanking", summary = "Rank systems across tasks by Borda, Copeland or Kemeny",
            description = "Every task votes with its order of the systems' mean scores over runs (Colombo et al. 2022, \"What are "
                    + "the best systems?\"). borda: sum over tasks of systems beaten (ties half); copeland: pairwise majority contests "
                    + "won (a tied contest half); kemeny: the order closest in Kendall distance to all task orders, exact up to "
                    + "`exactLimit` systems (default 18), a heuristic beyond (the response says which, and whether the order is proven "
                    + "optimal). Tied systems share the best position and are marked tied. `lowerIsBetter` names tasks where a smaller "
                    + "score wins; with a selection, benchmarks stored with higherIsBetter false are added. A ranking is a deterministic "
                    + "function of the table, so it carries no seed." + TABLE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RankingRequest.class),
            examples = @ExampleObject(name = "Kemeny over two games", value = Examples.RANKING)))
    @APIResponse(responseCode = "200", description = "The ranking, best first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingResponse.class)))
    public Uni<RankingResponse> ranking(byte[] body) {
        return bodies.read(body, RankingRequest.class).flatMap(request -> ranking(request));
    }

    private Uni<RankingResponse> ranking(RankingRequest request) {
        return run(request, prepared -> {
            ScoreTable table = prepared.table();
            Set<String> lower = new TreeSet<>();
            if (request.lowerIsBetter() != null) {
                request.lowerIsBetter().forEach(t -> lower.add(t.strip()));
            }
            for (String t : prepared.storedLowerIsBetter()) {
                if (table.tasks().contains(t)) {
                    lower.add(t);
                }
            }
            SocialChoiceRanking r = switch (request.method()) {
                case "borda" -> SocialChoiceRanking.borda(table, lower);
                case "copeland" -> SocialChoiceRanking.copeland(table, lower);
                default -> SocialChoiceRanking.kemeny(table, lower,
                        request.exactLimit() == null ? SocialChoiceRanking.DEFAULT_EXACT_LIMIT : request.exactLimit());
            };
            return new RankingResponse(prepared.summary(table), r.method(), r.algorithm(), r.optimal(),
                    r.ranking().stream().map(e -> new RankingResponse.RankedSystem(e.system(), e.position(), e.score(), e.tied())).toList(),
                    r.kendallDistance(), r.kendallDistanceLowerBound(), List.copyOf(lower));
        });
    }

    /** Loads the table's scores, then runs {@code body} on the compute pool; engine errors name the request's fields. */
    private <T> Uni<T> run(ScoreTableRequest request, Body<T> body) {
        return tables.prepare(request).flatMap(prepared -> compute.submit((Callable<T>) () -> {
            try {
                return body.apply(prepared);
            } catch (InvalidInputException e) {
                throw prepared.renamed(e);
            }
        }));
    }

    @FunctionalInterface
    private interface Body<T> {
        T apply(ScoreTables.Prepared prepared);
    }

    static List<Aggregate> aggregates(List<String> names, Double gamma) {
        if (gamma != null && (names != null && !names.isEmpty() && !names.contains("optimality-gap"))) {
            throw ProblemException.invalid("optimalityGapTarget", "only applies when aggregates include optimality-gap");
        }
        List<String> wanted = names == null || names.isEmpty() ? List.of("mean", "median", "iqm", "optimality-gap") : names;
        List<Aggregate> out = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String n = wanted.get(i);
            if (wanted.indexOf(n) != i) {
                throw ProblemException.invalid("aggregates[" + i + "]", "repeats '" + n + "'");
            }
            out.add(switch (n) {
                case "mean" -> new Aggregate.Mean();
                case "median" -> new Aggregate.Median();
                case "iqm" -> new Aggregate.InterquartileMean();
                default -> gamma == null ? new Aggregate.OptimalityGap() : new Aggregate.OptimalityGap(gamma);
            });
        }
        return out;
    }

    static double[] taus(PerformanceProfileRequest r) {
        if (r.taus() != null && r.tauGrid() != null) {
            throw ProblemException.invalid("tauGrid", "give either taus or tauGrid, not both");
        }
        if (r.tauGrid() != null) {
            PerformanceProfileRequest.TauGrid g = r.tauGrid();
            if (g.to() < g.from()) {
                throw ProblemException.invalid("tauGrid.to", "must not be below from (" + g.from() + ")");
            }
            return PerformanceProfile.linearGrid(g.from(), g.to(), g.count());
        }
        if (r.taus() == null) {
            throw ProblemException.invalid("taus", "is required: give thresholds as taus or as tauGrid {from, to, count}");
        }
        return r.taus().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("computeScoreTableAggregates", "/api/v1/score-tables/aggregates", AggregatesRequest.class,
                        this::aggregates),
                JobOperation.of("computePerformanceProfile", "/api/v1/score-tables/performance-profile", PerformanceProfileRequest.class,
                        this::performanceProfile),
                JobOperation.of("computeProbabilityOfImprovement", "/api/v1/score-tables/probability-of-improvement", ProbabilityOfImprovementRequest.class,
                        this::probabilityOfImprovement),
                JobOperation.of("computeScoreTableRanking", "/api/v1/score-tables/rankings", RankingRequest.class,
                        this::ranking));
    }
}
