package io.augur.evaluation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.evaluation.store.EvaluationStore;
import io.augur.platform.audit.Audited;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Importers for the result files users have: lm-evaluation-harness results JSON, rliable score dictionaries
 * and wide leaderboard tables (Open LLM Leaderboard, HELM) become evaluations, all or nothing, through the
 * same store path as importEvaluationsFromFile.
 */
@Path("/api/v1/evaluations/imports")
@Audited
@Tag(name = "evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = EvaluationFileResult.class)))
public class ResultImportResource {

    private final EvaluationStore store;
    private final ComputePool compute;
    private final ObjectMapper json;
    private final CallerContext caller;

    public ResultImportResource(EvaluationStore store, ComputePool compute, ObjectMapper json, CallerContext caller) {
        this.caller = caller;
        this.store = store;
        this.compute = compute;
        this.json = json;
    }

    // The forms below are the multipart bodies of their operations, filled by RESTEasy Reactive (no reflection), and
    // their OpenAPI schemas: fields are strings given their documented type, so a bad value is a 400 naming the field.

    /** The multipart form of importLmEvalHarnessResults. */
    @Schema(name = "LmEvalHarnessUpload", description = "lm-evaluation-harness results files and how to import them")
    public static class LmEvalUpload {
        @RestForm
        @Schema(required = true, description = "results_*.json files, one part 'file' each")
        public List<FileUpload> file;
        @RestForm
        @Schema(description = "Model name for every file (default: each file's model_name, or pretrained= of config.model_args)")
        public String model;
        @RestForm
        @Schema(type = SchemaType.BOOLEAN, description = "Create unknown models and benchmarks (tasks); default false", example = "true")
        public String createMissing;
    }

    @POST
    @Path("lm-eval-harness")
    @Operation(operationId = "importLmEvalHarnessResults", summary = "Import lm-evaluation-harness results JSON files",
            description = "Each file's results -> task -> \"metric,filter\" becomes an evaluation of the file's model on "
                    + "benchmark = task, metric = the metric name (with /filter appended unless the filter is none), with "
                    + "\"metric_stderr,filter\" as stdError (\"N/A\" is no stdError). Several files at once, all or nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = LmEvalUpload.class)))
    public Uni<EvaluationFileResult> lmEvalHarness(@BeanParam LmEvalUpload form) {
        Workspace workspace = caller.workspace();
        if (form.file == null || form.file.isEmpty()) {
            throw ProblemException.invalid("file", "missing: send each results file as a multipart part named 'file'");
        }
        List<Uploads.Part> files = new ArrayList<>();
        for (int i = 0; i < form.file.size(); i++) {
            files.add(Uploads.part("file[" + i + "]", form.file.get(i)));
        }
        boolean create = Uploads.flag("createMissing", form.createMissing);
        String model = form.model;
        return importRows(workspace, create, () -> {
            List<EvaluationStore.Row> rows = new ArrayList<>();
            for (Uploads.Part file : files) {
                for (EvaluationStore.Row r : ResultFiles.lmEvalHarness(json, file, model)) {
                    rows.add(new EvaluationStore.Row(rows.size() + 1L, r.model(), r.benchmark(), r.metric(), r.seed(),
                            r.step(), r.value(), r.stdError(), r.successes(), r.attempts()));
                }
            }
            return rows;
        });
    }

    /** The multipart form of importRliableScores. */
    @Schema(name = "RliableScoresUpload", description = "An rliable score dictionary and its task names")
    public static class RliableUpload {
        @RestForm
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "JSON {algorithm: [[run 1 task scores], ...]} (runs x tasks)")
        public FileUpload file;
        @RestForm
        @Schema(required = true, description = "The task names in the order of the score columns, separated by commas", example = "Alien,Amidar,Assault")
        public String tasks;
        @RestForm
        @Schema(description = "Metric name of the scores; default score", example = "human_normalized_score")
        public String metric;
        @RestForm
        @Schema(type = SchemaType.BOOLEAN, description = "Create unknown models (algorithms) and benchmarks (tasks); default false", example = "true")
        public String createMissing;
    }

    @POST
    @Path("rliable")
    @Operation(operationId = "importRliableScores", summary = "Import an rliable score dictionary (algorithm: runs x tasks)",
            description = "Each score becomes an evaluation of model = algorithm, benchmark = task, seed = run index "
                    + "(from 0); the per-task score tables (listScoreTables, computeScoreAggregates over a stored "
                    + "selection) then read them back as runs x tasks.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = RliableUpload.class)))
    public Uni<EvaluationFileResult> rliable(@BeanParam RliableUpload form) {
        Workspace workspace = caller.workspace();
        Uploads.Part file = Uploads.part("file", form.file);
        if (form.tasks == null || form.tasks.isBlank()) {
            throw ProblemException.invalid("tasks", "missing: the task names of the score columns, separated by commas");
        }
        List<String> names = Arrays.stream(form.tasks.split(",")).map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != names.size()) {
            throw ProblemException.invalid("tasks", "task names must be non-empty and distinct");
        }
        String m = metricOrScore(form.metric);
        boolean create = Uploads.flag("createMissing", form.createMissing);
        return importRows(workspace, create, () -> ResultFiles.rliable(json, file, names, m));
    }

    /** The multipart form of importWideTable. */
    @Schema(name = "WideTableUpload", description = "A wide leaderboard table, one row per model")
    public static class WideUpload {
        @RestForm
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "CSV: a model column, optional "
                + "attribute columns with units (#Params (B), Tokens (T), FLOPs (1e21)), one column per benchmark")
        public FileUpload file;
        @RestForm
        @Schema(description = "Metric name of the benchmark columns; default score", example = "accuracy")
        public String metric;
        @RestForm
        @Schema(description = "Columns that are neither attributes nor benchmarks, separated by commas", example = "Type,License,Hub ❤️")
        public String ignore;
        @RestForm
        @Schema(type = SchemaType.BOOLEAN, description = "Create unknown models (with their attributes) and benchmarks; default false", example = "true")
        public String createMissing;
    }

    @POST
    @Path("wide-table")
    @Operation(operationId = "importWideTable", summary = "Import a wide leaderboard table (Open LLM Leaderboard, HELM)",
            description = "One row per model: the model column (model, Model, fullname or eval_name); attribute columns "
                    + "converted by the unit in their header ((B) 1e9, (M) 1e6, (T) 1e12, (1e21 FLOPs) 1e21): parameters "
                    + "(#Params, Params, Model Size), training tokens (Tokens, Training tokens) and training compute "
                    + "(FLOPs, Compute, Training FLOP), filled into models that lack them (a stored value is kept); every "
                    + "other column not in ignore is a benchmark whose numeric cells are evaluations (an empty cell, - or "
                    + "NaN is none). All or nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = WideUpload.class)))
    public Uni<EvaluationFileResult> wide(@BeanParam WideUpload form) {
        Workspace workspace = caller.workspace();
        Uploads.Part file = Uploads.part("file", form.file);
        String m = metricOrScore(form.metric);
        List<String> skip = form.ignore == null || form.ignore.isBlank() ? List.of()
                : Arrays.stream(form.ignore.split(",")).map(String::strip).toList();
        boolean create = Uploads.flag("createMissing", form.createMissing);
        return compute.submit(() -> {
            try (InputStream in = file.open()) {
                ResultFiles.Wide w = ResultFiles.wide(in, "file", m, skip);
                return java.util.Map.entry(w, EvaluationStore.Batch.chunks(w.rows(), EvaluationFiles.CHUNK));
            }
        }).flatMap(w -> store.importWithModels(workspace, w.getKey().models().stream().map(x -> new EvaluationStore.ModelFacts(
                x.name(), x.parameters(), x.trainingTokens(), x.trainingCompute())).toList(), w.getValue(), create,
                EvaluationFiles.MAX_ERRORS)).map(r -> EvaluationFileResult.of(r, "csv"));
    }

    /** The metric form field, score when not given. */
    private static String metricOrScore(String metric) {
        return metric == null || metric.isBlank() ? "score" : metric.strip();
    }

    /** Reads a JSON file's rows on the compute pool and imports them, all or nothing. */
    private Uni<EvaluationFileResult> importRows(Workspace workspace, boolean create,
            Callable<List<EvaluationStore.Row>> read) {
        return compute.submit(() -> EvaluationStore.Batch.chunks(read.call(), EvaluationFiles.CHUNK))
                .flatMap(batches -> store.importRows(workspace, EvaluationStore.Batch.source(batches), create,
                        EvaluationFiles.MAX_ERRORS))
                .map(r -> EvaluationFileResult.of(r, "json"));
    }
}
