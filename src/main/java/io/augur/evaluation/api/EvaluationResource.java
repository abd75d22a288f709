package io.augur.evaluation.api;

import io.augur.platform.audit.Audited;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.evaluation.store.EvaluationReader;
import io.augur.evaluation.store.EvaluationStore;
import io.augur.platform.api.Exports;
import io.augur.platform.api.Page;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluations: bulk import (JSON or CSV, all or nothing, upsert by identity), list, read, delete. */
@Path("/api/v1/evaluations")
@Tag(name = "evaluations", description = "Measured values of models on benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Audited
public class EvaluationResource {

    static final String CSV = "text/csv";
    /** How many offending rows one problem lists at most. */
    static final int MAX_ERRORS = 100;
    private static final TypeReference<List<EvaluationInput>> ROWS = new TypeReference<>() {
    };

    private final EvaluationStore store;
    private final ComputePool compute;
    private final Validator validator;
    private final EvaluationReader reader;
    private final ObjectMapper json;

    private final CallerContext caller;

    public EvaluationResource(EvaluationStore store, EvaluationReader reader, ComputePool compute, Validator validator,
            ObjectMapper json, CallerContext caller) {
        this.caller = caller;
        this.reader = reader;
        this.store = store;
        this.compute = compute;
        this.validator = validator;
        this.json = json;
    }

    static final String IMPORT_DESCRIPTION = "Stores every row in one transaction, or none: a bad row fails the whole "
            + "import with a problem naming each offending row (1-based) and field. Upsert rule: a row whose (model, "
            + "benchmark, metric, seed, step) is already stored replaces that evaluation's value, stdError, successes "
            + "and attempts; absent seed or step count as one identity. Model and benchmark must exist; metric defaults "
            + "to the benchmark's metric.";

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "importEvaluations", summary = "Import evaluations (JSON array), all or nothing",
            description = IMPORT_DESCRIPTION + " The same rows as CSV: importEvaluationsCsv.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EvaluationInput.class),
            examples = @ExampleObject(name = "two runs", value = """
                    [{"model": "pythia-1.4b", "benchmark": "arc-challenge", "metric": "accuracy", "seed": 1, "step": 143000, "value": 0.2807, "stdError": 0.0131},
                     {"model": "pythia-1.4b", "benchmark": "arc-challenge", "metric": "accuracy", "seed": 2, "step": 143000, "value": 0.2790, "stdError": 0.0131}]""")))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportResult> importEvaluations(@HeaderParam("Content-Type") String contentType, String body) {
        // CSV on this path is kept for curl users; documented as importEvaluationsCsv
        return importRows(contentType != null && contentType.toLowerCase().startsWith(CSV), body);
    }

    @POST
    @Path("csv")
    @Consumes(CSV)
    @Operation(operationId = "importEvaluationsCsv", summary = "Import evaluations (CSV), all or nothing",
            description = IMPORT_DESCRIPTION + " CSV: a header line naming the columns (model, benchmark, value "
                    + "required; metric, seed, step, stdError, successes, attempts optional), empty cells are absent "
                    + "values.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two runs", value = EvaluationCsv.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportResult> importEvaluationsCsv(String body) {
        return importRows(true, body);
    }

    private Uni<ImportResult> importRows(boolean csv, String body) {
        Workspace workspace = caller.workspace();
        return compute.submit(() -> EvaluationStore.Batch.chunks(csv ? fromCsv(body) : fromJson(body), EvaluationFiles.CHUNK))
                .flatMap(batches -> store.upsert(workspace, batches, MAX_ERRORS))
                .map(o -> new ImportResult(o.inserted() + o.replaced(), o.inserted(), o.replaced()));
    }

    /** The multipart form of importEvaluationsFromFile, and its OpenAPI schema. */
    @Schema(name = "EvaluationsUpload", description = "An evaluations file (CSV or JSON Lines, optionally gzip) and how to import it",
            properties = {
                    @SchemaProperty(name = "file", description = "CSV with a header (the columns of importEvaluationsCsv) or JSON Lines (one evaluation object per line)"),
                    @SchemaProperty(name = "format"),
                    @SchemaProperty(name = "createMissing", description = "Create the models and benchmarks the file names that do not exist yet (a benchmark gets "
                            + "the metric of its first row, or score); default false: such rows are errors") })
    public static class Upload extends ImportFileForm {
    }

    @POST
    @Path("file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importEvaluationsFromFile", summary = "Import an evaluations file (CSV or JSON Lines), all or nothing",
            description = IMPORT_DESCRIPTION + " The part 'file' is read in one streaming pass (up to the 1G upload "
                    + "limit; gzip recognised by its magic bytes or the part's Content-Encoding) and written in chunks of "
                    + "50,000 rows in one transaction; the first 100 bad rows are named by line (CSV) or row (JSON Lines), "
                    + "and nothing is stored. An unknown column or field is a 400 naming it. A row repeating the identity "
                    + "of an earlier row replaces it. createMissing=true creates unknown models and benchmarks.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = EvaluationFileResult.class)))
    @APIResponse(responseCode = "413", description = "Upload larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EvaluationFileResult> importFile(@BeanParam Upload form) {
        ImportFileForm.Import in = form.read();
        EvaluationFiles reader = new EvaluationFiles(compute, json, in.file(), in.format());
        return store.importRows(caller.workspace(), reader::next, in.createMissing(), MAX_ERRORS)
                .map(r -> EvaluationFileResult.of(r, reader.format())).onTermination().invoke(reader::close);
    }

    @GET
    @Path("export")
    @Produces(Exports.CSV) // one type: a Multi cannot be negotiated; Exports sets application/x-ndjson for format=jsonl
    @Operation(operationId = "getEvaluationExport", summary = "Export a selection of evaluations (CSV or JSON Lines), streamed",
            description = "Every evaluation matching the filters (each may be repeated: any of the values), ordered by id, "
                    + "in the columns importEvaluationsFromFile reads back: id, model, benchmark, metric, seed, step, value, "
                    + "stdError, successes, attempts. Streamed from a database cursor, never held whole.")
    @APIResponse(responseCode = "200", description = "The evaluations", content = @Content(mediaType = Exports.CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "CSV; with format=jsonl the body is JSON Lines (application/x-ndjson). A file (bytes) to generated clients, which would otherwise parse it as JSON")))
    public org.jboss.resteasy.reactive.RestMulti<String> export(
            @Parameter(description = "Model name (repeatable)") @QueryParam("model") List<String> model,
            @Parameter(description = "Model family (repeatable)") @QueryParam("family") List<String> family,
            @Parameter(description = "Benchmark name (repeatable)") @QueryParam("benchmark") List<String> benchmark,
            @Parameter(description = "Metric name (repeatable)") @QueryParam("metric") List<String> metric,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") @jakarta.validation.constraints.Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl") String format) {
        return Exports.of(compute, Uni.createFrom().voidItem(), store.export(caller.workspace(), model, family, benchmark, metric), format, List.of("id", "model", "benchmark",
                "metric", "seed", "step", "value", "stdError", "successes", "attempts"),
                e -> new Object[] {e.id(), e.model(), e.benchmark(), e.metric(), e.seed(), e.step(), e.value(),
                        e.stdError(), e.successes(), e.attempts()});
    }

    @GET
    @WithSession
    @Operation(operationId = "listEvaluations", summary = "List evaluations",
            description = "Ordered by id; filter by model name, model family, benchmark name and metric.")
    @APIResponse(responseCode = "200", description = "One page of evaluations")
    public Uni<Page<Evaluation>> list(
            @Parameter(description = "Model name") @QueryParam("model") String model,
            @Parameter(description = "Model family") @QueryParam("family") String family,
            @Parameter(description = "Benchmark name") @QueryParam("benchmark") String benchmark,
            @Parameter(description = "Metric name") @QueryParam("metric") String metric,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Workspace workspace = caller.workspace();
        return reader.page(workspace, model, family, benchmark, metric, Page.after(cursor), limit)
                .map(list -> Page.of(list, limit, e -> e.id, Evaluation::of));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(operationId = "getEvaluation", summary = "Read an evaluation")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(schema = @Schema(implementation = Evaluation.class)))
    @APIResponse(responseCode = "404", description = "No such evaluation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Evaluation> get(@PathParam("id") UUID id) {
        Workspace workspace = caller.workspace();
        return reader.byId(workspace, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("evaluation", id))
                .map(Evaluation::of);
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(operationId = "deleteEvaluation", summary = "Delete an evaluation")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such evaluation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id) {
        Workspace workspace = caller.workspace();
        return reader.delete(workspace, id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("evaluation", id);
            }
            return Response.noContent().build();
        });
    }

    private List<EvaluationStore.Row> fromJson(String body) throws Exception {
        List<EvaluationInput> rows = json.readValue(body, ROWS);
        if (rows == null) {
            throw ProblemException.invalid("body", "expected a JSON array of evaluations");
        }
        List<Long> numbers = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbers.add(i + 1L);
        }
        return validated(rows, numbers, new ArrayList<>());
    }

    private List<EvaluationStore.Row> fromCsv(String body) {
        EvaluationCsv.Result parsed = EvaluationCsv.parse(body, MAX_ERRORS);
        return validated(parsed.rows(), parsed.rowNumbers(), new ArrayList<>(parsed.errors()));
    }

    /** Checks every row against EvaluationInput's constraints; any error fails the whole batch. */
    private List<EvaluationStore.Row> validated(List<EvaluationInput> rows, List<Long> numbers, List<FieldError> errors) {
        List<EvaluationStore.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EvaluationInput in = rows.get(i);
            long row = numbers.get(i);
            if (in == null) {
                EvaluationCsv.add(errors, MAX_ERRORS, new FieldError("[" + (row - 1) + "]", row, "must not be null"));
                continue;
            }
            List<ConstraintViolation<EvaluationInput>> violations = new ArrayList<>(validator.validate(in));
            violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            for (ConstraintViolation<EvaluationInput> v : violations) {
                String field = v.getPropertyPath().toString().equals("counts") ? "successes" : v.getPropertyPath().toString();
                EvaluationCsv.add(errors, MAX_ERRORS, new FieldError(field, row, v.getMessage()));
            }
            if (violations.isEmpty()) {
                out.add(new EvaluationStore.Row(row, in.model().strip(), in.benchmark().strip(),
                        in.metric() == null ? null : in.metric().strip(), in.seed(), in.step(), in.value(),
                        in.stdError(), in.successes(), in.attempts()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        if (out.isEmpty()) {
            throw ProblemException.invalid("body", "no evaluations to import");
        }
        return out;
    }
}
