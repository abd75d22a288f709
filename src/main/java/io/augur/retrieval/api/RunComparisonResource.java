package io.augur.retrieval.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.api.Plots;
import io.augur.platform.auth.Computation;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.retrieval.api.TrecInputs.Source;
import io.augur.retrieval.engine.EvaluationResult;
import io.augur.retrieval.engine.MeasureValue;
import io.augur.retrieval.engine.Qrels;
import io.augur.retrieval.engine.TrecEval;
import io.augur.retrieval.engine.TrecEvalOptions;
import io.augur.retrieval.engine.measure.ValueKind;
import io.augur.retrieval.engine.significance.MultiRunComparison;
import io.augur.retrieval.engine.significance.RunComparisons;
import io.augur.retrieval.engine.significance.RunScores;
import io.augur.retrieval.engine.significance.SignificanceOptions;
import io.augur.retrieval.engine.significance.WilcoxonSignedRank;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Paired significance tests between retrieval runs: uploaded TREC runs, JSON runs, or per-query scores. */
@Computation
@Path("/api/v1/retrieval/comparisons")
@Tag(name = "retrieval", description = "Retrieval evaluation with trec_eval v10's exact measures, and significance tests between runs")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input (the problem names the field and, for files, the line)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { RunComparisonRequest.class, RunComparisonRequest.RunInput.class })
public class RunComparisonResource implements JobOperation.Source {

    static final String BOOTSTRAP_METHOD = "paired bootstrap of the per-query differences: test of a zero mean"
            + " difference and percentile interval";
    static final String CORRECTION = "Holm step-down and Bonferroni within each test over the comparisons of one measure";

    static final String SCORES_EXAMPLE = """
            {"runs": [{"name": "bm25", "scores": {"q1": 0.50, "q2": 0.25, "q3": 0.90, "q4": 0.40, "q5": 0.10}},
                      {"name": "dense", "scores": {"q1": 0.60, "q2": 0.35, "q3": 0.85, "q4": 0.55, "q5": 0.30}}],
             "values": ["map"], "bootstrap": {"seed": 7}}""";

    static final String TREC_EXAMPLE = """
            {"qrels": "q1 0 d1 1\\nq1 0 d2 1\\nq2 0 d1 1\\nq2 0 d3 1\\nq3 0 d2 1\\n",
             "runs": [{"name": "a", "run": "q1 Q0 d1 1 2 a\\nq1 Q0 d3 2 1 a\\nq2 Q0 d3 1 2 a\\nq2 Q0 d1 2 1 a\\nq3 Q0 d1 1 2 a\\nq3 Q0 d2 2 1 a\\n"},
                      {"name": "b", "run": "q1 Q0 d3 1 2 b\\nq1 Q0 d2 2 1 b\\nq2 Q0 d2 1 2 b\\nq2 Q0 d1 2 1 b\\nq3 Q0 d2 1 2 b\\nq3 Q0 d3 2 1 b\\n"}],
             "measures": ["map", "P.1"]}""";

    private final ComputePool compute;
    private final RequestBodies bodies;
    private final Plots plots;

    public RunComparisonResource(ComputePool compute, RequestBodies bodies, Plots plots) {
        this.compute = compute;
        this.bodies = bodies;
        this.plots = plots;
    }

    /** Documents the multipart form of compareRetrievalUploads (OpenAPI only). */
    @Schema(name = "RunComparisonUpload", description = "Qrels and two or more run files (TREC text, optionally gzip);"
            + " each run is named by its run tag")
    public static class Upload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary")
        public String qrels;
        @Schema(required = true, description = "Run files, one part each (repeat the part 'run')")
        public List<FileUpload> run;
        @Schema(description = "trec_eval -m arguments separated by spaces (default map; the part may also be repeated)",
                example = "map P.10")
        public String measures;
        @Schema(description = "Measure values to compare, separated by spaces or commas (default: every numeric value)",
                example = "map P_10")
        public String values;
        public String baseline;
        @Schema(example = "true")
        public Boolean complete;
        @Schema(minimum = "-1000000", maximum = "1000000")
        public Integer relevanceLevel;
        public Long maxDocs;
        @Schema(description = "The bootstrap settings' level (default 0.95), as a form field", example = "0.95")
        public Double level;
        @Schema(description = "The bootstrap settings' seed (default 42), as a form field; also drives the randomization test",
                example = "42")
        public Long seed;
        @Schema(example = "10000")
        public Integer permutations;
        @Schema(description = "The bootstrap settings' rounds (default 1000, 1 to 100000), as a form field", example = "1000")
        public Integer bootstrapRounds;
        @Schema(example = "16")
        public Integer exactMaxQueries;
        @Schema(enumeration = {"wilcox", "pratt", "zsplit"}, example = "wilcox")
        public String wilcoxonZeroMethod;
        @Schema(example = "false")
        public Boolean wilcoxonCorrection;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compareRetrievalRuns", summary = "Compare runs per measure with paired significance tests",
            description = "Evaluates each TREC run against the qrels (or takes per-query scores), then for every measure value"
                    + " and every pair of runs (or every run against the baseline) reports the mean difference with its"
                    + " Student t and paired-bootstrap intervals, Cohen's d_z, and four two-sided tests: paired t-test,"
                    + " Wilcoxon signed-rank (scipy.stats.wilcoxon's conventions: zero differences dropped unless"
                    + " wilcoxonZeroMethod says pratt or zsplit, exact for up to 50 differences without ties or zeros,"
                    + " exact permutation for up to 13 with them, else the normal approximation, continuity-corrected"
                    + " when wilcoxonCorrection is true; the method used is stated), Fisher randomization by sign flips (exact when the queries are few, else"
                    + " Monte Carlo with the seed) and the paired bootstrap (`bootstrap`: rounds 1 to 100000, default 1000; its"
                    + " seed, default 42, also drives the randomization test, its level every interval); each p-value also Holm- and Bonferroni-"
                    + " corrected over the comparisons of the measure. compareRetrievalUploads takes the runs as uploaded"
                    + " files.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunComparisonRequest.class),
                    examples = { @ExampleObject(name = "per-query scores", value = SCORES_EXAMPLE),
                            @ExampleObject(name = "TREC runs", value = TREC_EXAMPLE) }) })
    @APIResponse(responseCode = "200", description = "The comparisons", content = @Content(schema = @Schema(implementation = RunComparison.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunComparison> compareJson(byte[] body) {
        return bodies.read(body, RunComparisonRequest.class).flatMap(request -> compareJson(request, (c, scores) -> c));
    }

    @POST
    @Path("plot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotRetrievalComparison", summary = "Draw per-query differences between runs, sorted",
            description = "Takes the compareRetrievalRuns body. For the first measure value compared (choose it with values), "
                    + "each pair's per-query differences A - B, sorted from the largest gain to the largest loss, one point "
                    + "per query; the caption gives each pair's mean difference with its Student t and paired-bootstrap "
                    + "intervals, the level and the seed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RunComparisonRequest.class),
            examples = @ExampleObject(name = "per-query scores", value = SCORES_EXAMPLE)))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> plot(@HeaderParam("Accept") String accept, byte[] body) {
        return bodies.read(body, RunComparisonRequest.class).flatMap(request -> compareJson(request,
                (c, scores) -> plots.respond(accept, RetrievalPlots.differences(c, scores))));
    }

    /** The comparison, and {@code then} applied on the compute pool to it and the per-query scores of each measure value. */
    private <T> Uni<T> compareJson(RunComparisonRequest request,
            java.util.function.BiFunction<RunComparison, Map<String, List<RunScores>>, T> then) {
        List<RunComparisonRequest.RunInput> runs = request.runs();
        long texts = runs.stream().filter(r -> r.run() != null).count();
        long scores = runs.stream().filter(r -> r.scores() != null).count();
        for (int i = 0; i < runs.size(); i++) {
            RunComparisonRequest.RunInput r = runs.get(i);
            if ((r.run() == null) == (r.scores() == null)) {
                throw ProblemException.invalid("runs[" + i + "]", "give exactly one of run (TREC text) and scores");
            }
        }
        if (texts > 0 && scores > 0) {
            throw ProblemException.invalid("runs", "give all runs as TREC text or all as scores, not a mix");
        }
        checkNames(runs.stream().map(RunComparisonRequest.RunInput::name).toList(), "runs[%d].name");
        BootstrapSettings.Used bootstrap = BootstrapSettings.resolve(request.bootstrap(), 1, BootstrapSettings.MAX_ROUNDS,
                "bootstrap.rounds");
        SignificanceOptions so = significance(bootstrap, request.permutations(), request.exactMaxQueries(),
                request.wilcoxonZeroMethod(), request.wilcoxonCorrection());
        if (scores > 0) {
            if (request.qrels() != null || request.measures() != null) {
                throw ProblemException.invalid(request.qrels() != null ? "qrels" : "measures",
                        "only for TREC runs; runs given as scores are compared as they are");
            }
            if (request.values() != null && request.values().size() != 1) {
                throw ProblemException.invalid("values", "runs given as scores carry one measure: give one label");
            }
            String label = request.values() == null ? "score" : request.values().getFirst();
            return compute.submit(() -> {
                List<RunScores> rs = new ArrayList<>();
                for (RunComparisonRequest.RunInput r : runs) {
                    Map<String, Double> s = r.scores();
                    rs.add(new RunScores(r.name(), List.copyOf(s.keySet()), s.values().stream()
                            .mapToDouble(Double::doubleValue).toArray()));
                }
                return then.apply(respond(List.of(compare(label, rs, request.baseline(), so)),
                        rs.stream().map(RunScores::run).toList(), request.baseline(), so, bootstrap), Map.of(label, rs));
            });
        }
        if (request.qrels() == null) {
            throw ProblemException.invalid("qrels", "needed to evaluate runs given as TREC text");
        }
        TrecEvalOptions options = options(request.measures(), request.complete(), request.relevanceLevel(),
                request.maxDocs());
        return compute.submit(() -> {
            Qrels q = TrecInputs.qrels(request.qrels(), Source.text("qrels"));
            List<EvaluationResult> results = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                String run = runs.get(i).run();
                results.add(TrecInputs.translate(Source.text("qrels"), Source.text("runs[" + i + "].run"),
                        () -> TrecEval.evaluate(q, TrecInputs.bytes(run), options)));
            }
            List<String> names = runs.stream().map(RunComparisonRequest.RunInput::name).toList();
            Map<String, List<RunScores>> scoresByValue = new java.util.LinkedHashMap<>();
            return then.apply(compareEvaluations(names, results, request.values(), request.baseline(), so, bootstrap,
                    scoresByValue), scoresByValue);
        });
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "compareRetrievalUploads", summary = "Compare uploaded runs per measure with paired significance tests",
            description = "compareRetrievalRuns over uploaded files: the part 'qrels' and the part 'run' repeated once per"
                    + " run (TREC text, optionally gzip; each run is named by its run tag), plus the same options.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "The comparisons", content = @Content(schema = @Schema(implementation = RunComparison.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunComparison> compareUploads(
            @RestForm("qrels") @Schema(hidden = true) FileUpload qrels,
            @RestForm("run") @Schema(hidden = true) List<FileUpload> run,
            @RestForm("measures") @Schema(hidden = true) List<String> measures,
            @RestForm("values") @Schema(hidden = true) List<String> values,
            @RestForm("baseline") @Schema(hidden = true) String baseline,
            @RestForm("complete") @Schema(hidden = true) String complete,
            @RestForm("relevanceLevel") @Schema(hidden = true) String relevanceLevel,
            @RestForm("maxDocs") @Schema(hidden = true) String maxDocs,
            @RestForm("level") @Schema(hidden = true) String level,
            @RestForm("seed") @Schema(hidden = true) String seed,
            @RestForm("permutations") @Schema(hidden = true) String permutations,
            @RestForm("bootstrapRounds") @Schema(hidden = true) String bootstrapRounds,
            @RestForm("exactMaxQueries") @Schema(hidden = true) String exactMaxQueries,
            @RestForm("wilcoxonZeroMethod") @Schema(hidden = true) String wilcoxonZeroMethod,
            @RestForm("wilcoxonCorrection") @Schema(hidden = true) String wilcoxonCorrection) {
        return compareUpload(qrels, run, measures, values, baseline, complete, relevanceLevel, maxDocs, level, seed,
                permutations, bootstrapRounds, exactMaxQueries, wilcoxonZeroMethod, wilcoxonCorrection);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true) // uploads to the JSON operation's path, kept for curl users; documented as compareRetrievalUploads
    public Uni<RunComparison> compareUpload(
            @RestForm("qrels") FileUpload qrels,
            @RestForm("run") List<FileUpload> run,
            @RestForm("measures") List<String> measures,
            @RestForm("values") List<String> values,
            @RestForm("baseline") String baseline,
            @RestForm("complete") String complete,
            @RestForm("relevanceLevel") String relevanceLevel,
            @RestForm("maxDocs") String maxDocs,
            @RestForm("level") String level,
            @RestForm("seed") String seed,
            @RestForm("permutations") String permutations,
            @RestForm("bootstrapRounds") String bootstrapRounds,
            @RestForm("exactMaxQueries") String exactMaxQueries,
            @RestForm("wilcoxonZeroMethod") String wilcoxonZeroMethod,
            @RestForm("wilcoxonCorrection") String wilcoxonCorrection) {
        java.nio.file.Path qrelsFile = RetrievalResource.file("qrels", qrels);
        if (run == null || run.size() < 2) {
            throw ProblemException.invalid("run", "send at least two run files, each as a multipart part named 'run'");
        }
        List<java.nio.file.Path> files = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            files.add(RetrievalResource.file("run[" + i + "]", run.get(i)));
        }
        TrecEvalOptions options = options(measures, TrecInputs.bool("complete", complete),
                TrecInputs.int32("relevanceLevel", relevanceLevel), TrecInputs.integer("maxDocs", maxDocs));
        BootstrapSettings.Used bootstrap = BootstrapSettings.resolve(TrecInputs.int32("bootstrapRounds", bootstrapRounds),
                TrecInputs.integer("seed", seed), TrecInputs.number("level", level), 1, BootstrapSettings.MAX_ROUNDS,
                "bootstrapRounds");
        SignificanceOptions so = significance(bootstrap, TrecInputs.int32("permutations", permutations),
                TrecInputs.int32("exactMaxQueries", exactMaxQueries),
                wilcoxonZeroMethod == null || wilcoxonZeroMethod.isBlank() ? null : wilcoxonZeroMethod.strip(),
                TrecInputs.bool("wilcoxonCorrection", wilcoxonCorrection));
        List<String> valueNames = values == null || values.isEmpty() ? null
                : values.stream().flatMap(v -> java.util.Arrays.stream(v.strip().split("[\\s,]+"))).toList();
        return compute.submit(() -> {
            Qrels q = TrecInputs.qrels(qrelsFile, Source.text("qrels"));
            List<EvaluationResult> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                java.nio.file.Path f = files.get(i);
                results.add(TrecInputs.translate(Source.text("qrels"), Source.text("run[" + i + "]"),
                        () -> TrecEval.evaluate(q, f, options)));
            }
            List<String> names = results.stream().map(EvaluationResult::runId).toList();
            checkNames(names, "run[%d]");
            return compareEvaluations(names, results, valueNames, baseline, so, bootstrap, new java.util.HashMap<>());
        });
    }

    private static TrecEvalOptions options(List<String> measures, Boolean complete, Integer relevanceLevel, Long maxDocs) {
        List<String> m = measures == null || measures.isEmpty() ? List.of("map") : measures;
        return TrecInputs.options(m, false, complete == null || complete, relevanceLevel, maxDocs, false, null, true);
    }

    private static SignificanceOptions significance(BootstrapSettings.Used bootstrap, Integer permutations,
            Integer exactMax, String zeroMethod, Boolean correction) {
        SignificanceOptions d = SignificanceOptions.defaults();
        if (permutations != null && permutations < 1) {
            throw ProblemException.invalid("permutations", "must be at least 1");
        }
        return new SignificanceOptions(bootstrap.level(), bootstrap.seed(),
                permutations == null ? d.permutations() : permutations, bootstrap.rounds(),
                exactMax == null ? d.exactMaxQueries() : exactMax, zeroMethod(zeroMethod),
                correction == null ? d.wilcoxonCorrection() : correction);
    }

    private static WilcoxonSignedRank.ZeroMethod zeroMethod(String s) {
        if (s == null) {
            return SignificanceOptions.defaults().wilcoxonZeroMethod();
        }
        return switch (s) {
            case "wilcox" -> WilcoxonSignedRank.ZeroMethod.WILCOX;
            case "pratt" -> WilcoxonSignedRank.ZeroMethod.PRATT;
            case "zsplit" -> WilcoxonSignedRank.ZeroMethod.ZSPLIT;
            default -> throw ProblemException.invalid("wilcoxonZeroMethod", "must be wilcox, pratt or zsplit, got '" + s
                    + "'");
        };
    }

    private static void checkNames(List<String> names, String fieldPattern) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw ProblemException.invalid(String.format(fieldPattern, i), "two runs are named '" + names.get(i)
                        + "'; run names must be distinct");
            }
        }
    }

    /** Which per-query values to compare: the requested ones, or every per-query number of the measures. */
    private static List<String> valueNames(EvaluationResult first, List<String> requested) {
        List<MeasureValue> available = first.queries().getFirst().values();
        List<String> numeric = available.stream().filter(v -> v.kind() == ValueKind.FLOAT || v.kind() == ValueKind.COUNT)
                .map(MeasureValue::name).toList();
        if (requested == null || requested.isEmpty()) {
            return available.stream().filter(v -> v.kind() == ValueKind.FLOAT).map(MeasureValue::name).toList();
        }
        for (int i = 0; i < requested.size(); i++) {
            if (!numeric.contains(requested.get(i))) {
                throw ProblemException.invalid("values[" + i + "]", "'" + requested.get(i) + "' is not a per-query"
                        + " number of the measures evaluated " + numeric + "; add its measure to measures");
            }
        }
        return requested;
    }

    /** Compares every value; {@code scores} receives the per-query scores compared, by value name. */
    private static RunComparison compareEvaluations(List<String> names, List<EvaluationResult> results,
            List<String> requested, String baseline, SignificanceOptions so, BootstrapSettings.Used bootstrap,
            Map<String, List<RunScores>> scores) {
        List<String> values = valueNames(results.getFirst(), requested);
        List<RunComparison.MeasureComparison> out = new ArrayList<>();
        for (String value : values) {
            List<RunScores> rs = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                rs.add(RunScores.of(names.get(i), results.get(i), value));
            }
            out.add(compare(value, rs, baseline, so));
            scores.put(value, rs);
        }
        return respond(out, names, baseline, so, bootstrap);
    }

    private static RunComparison.MeasureComparison compare(String value, List<RunScores> rs, String baseline,
            SignificanceOptions so) {
        MultiRunComparison m = baseline == null ? RunComparisons.allPairs(value, rs, so)
                : RunComparisons.againstBaseline(value, rs, baseline, so);
        return RunComparison.of(m);
    }

    private static RunComparison respond(List<RunComparison.MeasureComparison> measures, List<String> runs,
            String baseline, SignificanceOptions so, BootstrapSettings.Used bootstrap) {
        return new RunComparison(runs, baseline, bootstrap.report(BOOTSTRAP_METHOD), so.permutations(),
                so.exactMaxQueries(), so.wilcoxonZeroMethod().name().toLowerCase(java.util.Locale.ROOT),
                so.wilcoxonCorrection(), CORRECTION, measures);
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("compareRetrievalRuns", "/api/v1/retrieval/comparisons", RunComparisonRequest.class,
                        this::compareJson));
    }
}
