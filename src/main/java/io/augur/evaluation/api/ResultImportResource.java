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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Documents the multipart form of importLmEvalHarnessResults (OpenAPI only). */
    @Schema(name = "LmEvalHarnessUpload", description = "lm-evaluation-harness results files and how to import them")
    public static class LmEvalUpload {
        @Schema(required = true, description = "results_*.json files, one part 'file' each")
        public List<FileUpload> file;
        @Schema(description = "Model name for every file (default: each file's model_name, or pretrained= of config.model_args)")
        public String model;
        @Schema(description = "Create unknown models and benchmarks (tasks); default false", example = "true")
        public Boolean createMissing;
    }

    @POST
    @Path("lm-eval-harness")
    @Operation(operationId = "importLmEvalHarnessResults", summary = "Import lm-evaluation-harness results JSON files",
            description = "Each file's results -> task -> \"metric,filter\" becomes an evaluation of the file's model on "
                    + "benchmark = task, metric = the metric name (with /filter appended unless the filter is none), with "
                    + "\"metric_stderr,filter\" as stdError (\"N/A\" is no stdError). Several files at once, all or nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = LmEvalUpload.class)))
    public Uni<EvaluationFileResult> lmEvalHarness(@RestForm("file") @Schema(hidden = true) List<FileUpload> files,
            @RestForm("model") @Schema(hidden = true) String model,
            @RestForm("createMissing") @Schema(hidden = true) String createMissing) {
        Workspace workspace = caller.workspace();
        if (files == null || files.isEmpty()) {
            throw ProblemException.invalid("file", "missing: send each results file as a multipart part named 'file'");
        }
        List<java.nio.file.Path> paths = new ArrayList<>();
        List<Boolean> gzip = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            paths.add(Uploads.file("file[" + i + "]", files.get(i)));
            gzip.add(Uploads.declaresGzip(files.get(i)));
        }
        boolean create = Boolean.TRUE.equals(Uploads.bool("createMissing", createMissing));
        return compute.submit(() -> {
            List<EvaluationStore.Row> rows = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                for (EvaluationStore.Row r : ResultFiles.lmEvalHarness(json, "file[" + i + "]", paths.get(i), gzip.get(i),
                        model)) {
                    rows.add(new EvaluationStore.Row(rows.size() + 1L, r.model(), r.benchmark(), r.metric(), r.seed(),
                            r.step(), r.value(), r.stdError(), r.successes(), r.attempts()));
                }
            }
            return EvaluationStore.Batch.chunks(rows, EvaluationFiles.CHUNK);
        }).flatMap(batches -> importRows(workspace, batches, create, "json"));
    }

    /** Documents the multipart form of importRliableScores (OpenAPI only). */
    @Schema(name = "RliableScoresUpload", description = "An rliable score dictionary and its task names")
    public static class RliableUpload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "JSON {algorithm: [[run 1 task scores], ...]} (runs x tasks)")
        public String file;
        @Schema(required = true, description = "The task names in the order of the score columns, separated by commas", example = "Alien,Amidar,Assault")
        public String tasks;
        @Schema(description = "Metric name of the scores; default score", example = "human_normalized_score")
        public String metric;
        @Schema(description = "Create unknown models (algorithms) and benchmarks (tasks); default false", example = "true")
        public Boolean createMissing;
    }

    @POST
    @Path("rliable")
    @Operation(operationId = "importRliableScores", summary = "Import an rliable score dictionary (algorithm: runs x tasks)",
            description = "Each score becomes an evaluation of model = algorithm, benchmark = task, seed = run index "
                    + "(from 0); the per-task score tables (listScoreTables, computeScoreAggregates over a stored "
                    + "selection) then read them back as runs x tasks.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = RliableUpload.class)))
    public Uni<EvaluationFileResult> rliable(@RestForm("file") @Schema(hidden = true) FileUpload file,
            @RestForm("tasks") @Schema(hidden = true) String tasks,
            @RestForm("metric") @Schema(hidden = true) String metric,
            @RestForm("createMissing") @Schema(hidden = true) String createMissing) {
        Workspace workspace = caller.workspace();
        java.nio.file.Path path = Uploads.file("file", file);
        if (tasks == null || tasks.isBlank()) {
            throw ProblemException.invalid("tasks", "missing: the task names of the score columns, separated by commas");
        }
        List<String> names = Arrays.stream(tasks.split(",")).map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != names.size()) {
            throw ProblemException.invalid("tasks", "task names must be non-empty and distinct");
        }
        String m = metric == null || metric.isBlank() ? "score" : metric.strip();
        boolean create = Boolean.TRUE.equals(Uploads.bool("createMissing", createMissing));
        boolean gzip = Uploads.declaresGzip(file);
        return compute.submit(() -> EvaluationStore.Batch.chunks(ResultFiles.rliable(json, "file", path, gzip, names, m),
                EvaluationFiles.CHUNK)).flatMap(batches -> importRows(workspace, batches, create, "json"));
    }

    /** Documents the multipart form of importWideTable (OpenAPI only). */
    @Schema(name = "WideTableUpload", description = "A wide leaderboard table, one row per model")
    public static class WideUpload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "CSV: a model column, optional "
                + "attribute columns with units (#Params (B), Tokens (T), FLOPs (1e21)), one column per benchmark")
        public String file;
        @Schema(description = "Metric name of the benchmark columns; default score", example = "accuracy")
        public String metric;
        @Schema(description = "Columns that are neither attributes nor benchmarks, separated by commas", example = "Type,License,Hub ❤️")
        public String ignore;
        @Schema(description = "Create unknown models (with their attributes) and benchmarks; default false", example = "true")
        public Boolean createMissing;
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
    public Uni<EvaluationFileResult> wide(@RestForm("file") @Schema(hidden = true) FileUpload file,
            @RestForm("metric") @Schema(hidden = true) String metric,
            @RestForm("ignore") @Schema(hidden = true) String ignore,
            @RestForm("createMissing") @Schema(hidden = true) String createMissing) {
        Workspace workspace = caller.workspace();
        java.nio.file.Path path = Uploads.file("file", file);
        String m = metric == null || metric.isBlank() ? "score" : metric.strip();
        List<String> skip = ignore == null || ignore.isBlank() ? List.of()
                : Arrays.stream(ignore.split(",")).map(String::strip).toList();
        boolean create = Boolean.TRUE.equals(Uploads.bool("createMissing", createMissing));
        boolean gzip = Uploads.declaresGzip(file);
        return compute.submit(() -> {
            try (InputStream in = Uploads.open("file", path, gzip)) {
                ResultFiles.Wide w = ResultFiles.wide(in, "file", m, skip);
                return java.util.Map.entry(w, EvaluationStore.Batch.chunks(w.rows(), EvaluationFiles.CHUNK));
            }
        }).flatMap(w -> store.importWithModels(workspace, w.getKey().models().stream().map(x -> new EvaluationStore.ModelFacts(
                x.name(), x.parameters(), x.trainingTokens(), x.trainingCompute())).toList(), w.getValue(), create,
                EvaluationFiles.MAX_ERRORS)).map(r -> new EvaluationFileResult(r.received(), r.inserted(), r.replaced(),
                        r.modelsCreated(), r.benchmarksCreated(), "csv"));
    }

    private Uni<EvaluationFileResult> importRows(Workspace workspace, List<EvaluationStore.Batch> batches, boolean create,
            String format) {
        return store.importRows(workspace, EvaluationStore.Batch.source(batches), create, EvaluationFiles.MAX_ERRORS).map(r -> new EvaluationFileResult(r.received(), r.inserted(),
                r.replaced(), r.modelsCreated(), r.benchmarksCreated(), format));
    }
}
