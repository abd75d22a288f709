package io.augur.retrieval.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.retrieval.engine.EvaluationResult;
import io.augur.retrieval.engine.Qrels;
import io.augur.retrieval.engine.TrecEval;
import io.augur.retrieval.engine.TrecEvalOptions;
import io.augur.retrieval.engine.TrecEvalText;
import io.augur.retrieval.api.TrecInputs.Source;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * trec_eval as a service: evaluate a run against qrels (uploaded files, streamed from disk, or JSON),
 * answered as JSON or as trec_eval's text byte for byte; and the catalogue of measures.
 */
@Computation
@Path("/api/v1/retrieval")
@Tag(name = "retrieval", description = "Retrieval evaluation with trec_eval v10's exact measures, and significance tests between runs")
@APIResponse(responseCode = "400", description = "Invalid input (the problem names the field and, for files, the line)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { TrecEvaluationRequest.class, TrecEvaluationRequest.Judgment.class, TrecEvaluationRequest.Result.class })
public class RetrievalResource implements JobOperation.Source {

    static final String TREC_EVAL_FORMAT = "trec_eval";

    /** With the text output: how many qrels queries the run has no results for (see missingQueries in JSON). */
    static final String MISSING_QUERIES_HEADER = "Augur-Missing-Queries";

    static final String JSON_EXAMPLE = """
            {"qrels": "q1 0 d1 1\\nq1 0 d2 0\\nq1 0 d3 2\\nq2 0 d1 1\\n",
             "run": "q1 Q0 d3 1 2.5 myrun\\nq1 Q0 d1 2 1.5 myrun\\nq1 Q0 d2 3 0.5 myrun\\nq2 Q0 d2 1 0.9 myrun\\nq2 Q0 d1 2 0.8 myrun\\n",
             "measures": ["map", "P.1,2", "ndcg_cut.10", "recip_rank"], "perQuery": true}""";

    static final String ARRAY_EXAMPLE = """
            {"judgments": [{"query": "q1", "doc": "d1", "relevance": 1}, {"query": "q1", "doc": "d2", "relevance": 0}],
             "results": [{"query": "q1", "doc": "d2", "score": 2.0}, {"query": "q1", "doc": "d1", "score": 1.0}],
             "measures": ["official"]}""";

    private final ComputePool compute;
    private final RequestBodies bodies;

    public RetrievalResource(ComputePool compute, RequestBodies bodies) {
        this.compute = compute;
        this.bodies = bodies;
    }

    /** Documents the multipart form of evaluateRetrievalUpload (OpenAPI only). */
    @Schema(name = "TrecEvaluationUpload", description = "Qrels and run files (TREC text, optionally gzip) and options")
    public static class Upload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "Qrels file")
        public String qrels;
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "Run file")
        public String run;
        @Schema(description = "trec_eval -m arguments separated by spaces (the part may also be repeated)",
                example = "map P.5,10 ndcg_cut.10")
        public String measures;
        @Schema(example = "false")
        public Boolean perQuery;
        @Schema(example = "false")
        public Boolean complete;
        @Schema(example = "1", minimum = "-1000000", maximum = "1000000")
        public Integer relevanceLevel;
        @Schema(example = "1000")
        public Long maxDocs;
        @Schema(example = "false")
        public Boolean judgedOnly;
        @Schema(example = "0")
        public Long numDocsInCollection;
        @Schema(example = "true")
        public Boolean summary;
    }

    static final String EVALUATE_DESCRIPTION = " Options are trec_eval's: measures (-m), perQuery (-q), complete (-c),"
            + " relevanceLevel (-l), maxDocs (-M), judgedOnly (-J), numDocsInCollection (-N), summary=false (-n)."
            + " Queries of the run without judgments are skipped, as trec_eval skips them; qrels queries the run lacks"
            + " are listed in missingQueries with a warning (in the text output, counted in the Augur-Missing-Queries"
            + " header), since trec_eval's default leaves them out of the means. A document twice in one query's"
            + " ranking, or judged twice for an evaluated query, is a 400 naming the line (trec_eval v10 stops with"
            + " 'duplicate docs'); relevance values and relevanceLevel are bounded to +-1000000.";
    static final String UPLOAD_DESCRIPTION = " The qrels and the run are uploaded files (multipart parts 'qrels' and"
            + " 'run', TREC text, optionally gzip-compressed); the run is streamed from the uploaded file, so large"
            + " runs are not held in memory.";
    static final String TEXT_EXAMPLE = "map                   \tall\t0.8333\n";

    @POST
    @Path("evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(operationId = "evaluateRetrievalRun", summary = "Evaluate a run against qrels with trec_eval v10's measures",
            description = "Takes the qrels and the run as JSON: TREC text strings, or arrays of objects. Answers JSON;"
                    + " evaluateRetrievalRunAsText answers trec_eval's text output, evaluateRetrievalUpload takes files."
                    + EVALUATE_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrecEvaluationRequest.class),
            examples = { @ExampleObject(name = "TREC text", value = JSON_EXAMPLE),
                    @ExampleObject(name = "arrays", value = ARRAY_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrecEvaluation.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluateJson(byte[] body,
            @Parameter(hidden = true) @RestQuery String format, @RestHeader("Accept") String accept) {
        // format=trec_eval and Accept: text/plain still select the text output here, for curl users
        return bodies.read(body, TrecEvaluationRequest.class).flatMap(request -> evaluateBody(request, wantsText(format, accept)));
    }

    @POST
    @Path("evaluations/text")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "evaluateRetrievalRunAsText", summary = "Evaluate a run against qrels, answered as trec_eval's text output",
            description = "evaluateRetrievalRun answered as trec_eval v10 prints it, byte for byte." + EVALUATE_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrecEvaluationRequest.class),
            examples = @ExampleObject(name = "TREC text", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "trec_eval's output", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "trec_eval", value = TEXT_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluateJsonAsText(byte[] body) {
        return bodies.read(body, TrecEvaluationRequest.class).flatMap(request -> evaluateBody(request, true));
    }

    @POST
    @Path("evaluations/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateRetrievalUpload", summary = "Evaluate an uploaded run against uploaded qrels",
            description = "evaluateRetrievalRun over uploaded files, answered as JSON." + UPLOAD_DESCRIPTION
                    + EVALUATE_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrecEvaluation.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluateUploadAsJson(@BeanParam UploadForm form) {
        return evaluateFiles(form, false);
    }

    @POST
    @Path("evaluations/upload/text")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "evaluateRetrievalUploadAsText", summary = "Evaluate an uploaded run, answered as trec_eval's text output",
            description = "evaluateRetrievalUpload answered as trec_eval v10 prints it, byte for byte." + UPLOAD_DESCRIPTION
                    + EVALUATE_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "trec_eval's output", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "trec_eval", value = TEXT_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluateUploadAsText(@BeanParam UploadForm form) {
        return evaluateFiles(form, true);
    }

    @POST
    @Path("evaluations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(hidden = true) // uploads to the JSON operation's path, kept for curl users; documented as evaluateRetrievalUpload
    public Uni<Response> evaluateUpload(@BeanParam UploadForm form, @RestQuery String format,
            @RestHeader("Accept") String accept) {
        return evaluateFiles(form, wantsText(format, accept));
    }

    /** The multipart form of the upload operations (documented by {@link Upload}). */
    public static class UploadForm {
        @RestForm("qrels") @Schema(hidden = true) public FileUpload qrels;
        @RestForm("run") @Schema(hidden = true) public FileUpload run;
        @RestForm("measures") @Schema(hidden = true) public List<String> measures;
        @RestForm("perQuery") @Schema(hidden = true) public String perQuery;
        @RestForm("complete") @Schema(hidden = true) public String complete;
        @RestForm("relevanceLevel") @Schema(hidden = true) public String relevanceLevel;
        @RestForm("maxDocs") @Schema(hidden = true) public String maxDocs;
        @RestForm("judgedOnly") @Schema(hidden = true) public String judgedOnly;
        @RestForm("numDocsInCollection") @Schema(hidden = true) public String numDocsInCollection;
        @RestForm("summary") @Schema(hidden = true) public String summary;
    }

    private Uni<Response> evaluateFiles(UploadForm f, boolean text) {
        TrecEvalOptions options = TrecInputs.options(f.measures, TrecInputs.bool("perQuery", f.perQuery),
                TrecInputs.bool("complete", f.complete), TrecInputs.int32("relevanceLevel", f.relevanceLevel),
                TrecInputs.integer("maxDocs", f.maxDocs), TrecInputs.bool("judgedOnly", f.judgedOnly),
                TrecInputs.integer("numDocsInCollection", f.numDocsInCollection), TrecInputs.bool("summary", f.summary));
        java.nio.file.Path qrelsFile = file("qrels", f.qrels);
        java.nio.file.Path runFile = file("run", f.run);
        return compute.submit(() -> {
            Qrels q = TrecInputs.qrels(qrelsFile, Source.text("qrels"));
            EvaluationResult r = TrecInputs.translate(Source.text("qrels"), Source.text("run"),
                    () -> TrecEval.evaluate(q, runFile, options));
            return respond(r, text);
        });
    }

    private Uni<Response> evaluateBody(TrecEvaluationRequest request, boolean text) {
        if ((request.qrels() == null) == (request.judgments() == null)) {
            throw ProblemException.invalid("qrels", "give exactly one of qrels (TREC text) and judgments (array)");
        }
        if ((request.run() == null) == (request.results() == null)) {
            throw ProblemException.invalid("run", "give exactly one of run (TREC text) and results (array)");
        }
        TrecEvalOptions options = TrecInputs.options(request.measures(), request.perQuery(), request.complete(),
                request.relevanceLevel(), request.maxDocs(), request.judgedOnly(), request.numDocsInCollection(),
                request.summary());
        return compute.submit(() -> {
            Source qs = request.qrels() != null ? Source.text("qrels") : Source.array("judgments");
            Source rs = request.run() != null ? Source.text("run") : Source.array("results");
            String qrelsText = request.qrels() != null ? request.qrels() : TrecInputs.qrelsText(request.judgments());
            String runText = request.run() != null ? request.run() : TrecInputs.runText(request.results());
            Qrels q = TrecInputs.qrels(qrelsText, qs);
            EvaluationResult r = TrecInputs.translate(qs, rs,
                    () -> TrecEval.evaluate(q, TrecInputs.bytes(runText), options));
            return respond(r, text);
        });
    }

    @GET
    @Path("measures")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRetrievalMeasures", summary = "List trec_eval's measures and which are supported",
            description = "Every trec_eval v10 measure in print order with its default value names, kind and measure"
                    + " sets; measures Augur leaves out are listed with supported=false.")
    @APIResponse(responseCode = "200", description = "The measure catalogue",
            content = @Content(schema = @Schema(implementation = MeasureCatalog.class)))
    public Uni<MeasureCatalog> measures() {
        return compute.submit(MeasureCatalog::build);
    }

    static boolean wantsText(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case TREC_EVAL_FORMAT, "text" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "expected json or trec_eval, got '" + format + "'");
            };
        }
        return accept != null && accept.contains(MediaType.TEXT_PLAIN) && !accept.contains("json");
    }

    static java.nio.file.Path file(String field, FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid(field, "missing: send the " + field + " file as a multipart part named '"
                    + field + "' (with a filename)");
        }
        return upload.uploadedFile();
    }

    private static Response respond(EvaluationResult r, boolean text) {
        if (text) {
            return Response.ok(TrecEvalText.format(r), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .header(MISSING_QUERIES_HEADER, r.missingQueries().size()).build();
        }
        return Response.ok(TrecEvaluation.of(r), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("evaluateRetrievalRun", "/api/v1/retrieval/evaluations", TrecEvaluationRequest.class,
                        body -> evaluateJson(body, null, null)),
                new JobOperation("evaluateRetrievalRunAsText", "/api/v1/retrieval/evaluations/text", TrecEvaluationRequest.class, "text/plain",
                        this::evaluateJsonAsText));
    }
}
