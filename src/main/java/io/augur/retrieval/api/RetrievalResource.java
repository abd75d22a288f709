package io.augur.retrieval.api;

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
@Path("/api/v1/retrieval")
@Tag(name = "retrieval", description = "Retrieval evaluation with trec_eval v10's exact measures, and significance tests between runs")
@APIResponse(responseCode = "400", description = "Invalid input (the problem names the field and, for files, the line)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { TrecEvaluationRequest.class, TrecEvaluationRequest.Judgment.class, TrecEvaluationRequest.Result.class })
public class RetrievalResource {

    static final String TREC_EVAL_FORMAT = "trec_eval";

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

    /** Documents the multipart form of evaluateRetrievalRun (OpenAPI only). */
    @Schema(name = "TrecEvaluationUpload", description = "Qrels and run files (TREC text, optionally gzip) and options")
    public static class Upload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "Qrels file")
        public String qrels;
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "Run file")
        public String run;
        @Schema(description = "trec_eval -m arguments, one per part or separated by spaces", example = "all_trec")
        public List<String> measures;
        @Schema(example = "false")
        public Boolean perQuery;
        @Schema(example = "false")
        public Boolean complete;
        @Schema(example = "1")
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

    @POST
    @Path("evaluations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(operationId = "evaluateRetrievalRun", summary = "Evaluate a run against qrels with trec_eval v10's measures",
            description = "Takes the qrels and the run as uploaded files (multipart parts 'qrels' and 'run', TREC text,"
                    + " optionally gzip-compressed; the run is streamed from the uploaded file, so large runs are not held"
                    + " in memory) or as JSON (TREC text strings, or arrays of objects). Options are trec_eval's: measures"
                    + " (-m), perQuery (-q), complete (-c), relevanceLevel (-l), maxDocs (-M), judgedOnly (-J),"
                    + " numDocsInCollection (-N), summary=false (-n). Answers JSON, or trec_eval's text output byte for"
                    + " byte with Accept: text/plain or format=trec_eval. Queries of the run without judgments are"
                    + " skipped, as trec_eval skips them; a document twice in one query's ranking is a 400 (trec_eval v10"
                    + " stops with 'duplicate docs').")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Upload.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrecEvaluationRequest.class),
                    examples = { @ExampleObject(name = "TREC text", value = JSON_EXAMPLE),
                            @ExampleObject(name = "arrays", value = ARRAY_EXAMPLE) }) })
    @APIResponse(responseCode = "200", description = "The evaluation", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrecEvaluation.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "trec_eval", value = "map                   \tall\t0.8333\n")) })
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluateUpload(
            @RestForm("qrels") @Schema(hidden = true) FileUpload qrels,
            @RestForm("run") @Schema(hidden = true) FileUpload run,
            @RestForm("measures") @Schema(hidden = true) List<String> measures,
            @RestForm("perQuery") @Schema(hidden = true) String perQuery,
            @RestForm("complete") @Schema(hidden = true) String complete,
            @RestForm("relevanceLevel") @Schema(hidden = true) String relevanceLevel,
            @RestForm("maxDocs") @Schema(hidden = true) String maxDocs,
            @RestForm("judgedOnly") @Schema(hidden = true) String judgedOnly,
            @RestForm("numDocsInCollection") @Schema(hidden = true) String numDocsInCollection,
            @RestForm("summary") @Schema(hidden = true) String summary,
            @Parameter(description = "json (default) or trec_eval (text output)") @RestQuery String format,
            @RestHeader("Accept") String accept) {
        boolean text = wantsText(format, accept);
        TrecEvalOptions options = TrecInputs.options(measures, TrecInputs.bool("perQuery", perQuery),
                TrecInputs.bool("complete", complete), TrecInputs.int32("relevanceLevel", relevanceLevel),
                TrecInputs.integer("maxDocs", maxDocs), TrecInputs.bool("judgedOnly", judgedOnly),
                TrecInputs.integer("numDocsInCollection", numDocsInCollection), TrecInputs.bool("summary", summary));
        java.nio.file.Path qrelsFile = file("qrels", qrels);
        java.nio.file.Path runFile = file("run", run);
        return compute.submit(() -> {
            Qrels q = TrecInputs.qrels(qrelsFile, Source.text("qrels"));
            EvaluationResult r = TrecInputs.translate(null, Source.text("run"),
                    () -> TrecEval.evaluate(q, runFile, options));
            return respond(r, text);
        });
    }

    @POST
    @Path("evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(hidden = true) // documented with evaluateRetrievalRun: one operation, two request media types
    public Uni<Response> evaluateJson(byte[] body, @RestQuery String format, @RestHeader("Accept") String accept) {
        return bodies.read(body, TrecEvaluationRequest.class).flatMap(request -> evaluateJson(request, format, accept));
    }

    private Uni<Response> evaluateJson(TrecEvaluationRequest request, String format, String accept) {
        boolean text = wantsText(format, accept);
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
            return Response.ok(TrecEvalText.format(r), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(TrecEvaluation.of(r), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
