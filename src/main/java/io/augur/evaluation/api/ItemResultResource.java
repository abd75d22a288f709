package io.augur.evaluation.api;

import io.augur.evaluation.store.ItemResultStore;
import io.augur.platform.api.Exports;
import io.augur.platform.audit.Audited;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Item-level results (issue 14): model x item x score, with an optional subject and several samples per item,
 * imported in bulk from a long-format file, listed, exported and deleted per benchmark; the reliability
 * endpoints read them as a stored selection (issue 15). Storage: {@link ItemResultStore}.
 */
@Path("/api/v1/item-results")
@Audited
@Tag(name = "item-results", description = "Item-level results (model x item x score): bulk import, listing, export")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ItemResultResource {

    static final String CSV_EXAMPLE = """
            model,benchmark,item,score,subject,sample
            llama-3-8b,mmlu,q1,1,algebra,0
            llama-3-8b,mmlu,q2,0,biology,0
            mistral-7b,mmlu,q1,1,algebra,0
            """;

    private final ItemResultStore store;
    private final ComputePool compute;
    private final CallerContext caller;
    private final long maxCells;

    public ItemResultResource(ItemResultStore store, ComputePool compute, CallerContext caller,
            @ConfigProperty(name = "augur.item-results.max-cells", defaultValue = "20000000") long maxCells) {
        this.store = store;
        this.compute = compute;
        this.caller = caller;
        this.maxCells = maxCells;
    }

    /** The multipart form of importItemResultsFromFile, and its OpenAPI schema. */
    @Schema(name = "ItemResultsUpload", description = "An item-results file (CSV or JSON Lines, long format, optionally gzip) and how to import it",
            properties = {
                    @SchemaProperty(name = "file", description = "Long format, one cell per line: "
                            + "model, benchmark, item, score[, subject][, sample], as CSV with a header or JSON Lines objects"),
                    @SchemaProperty(name = "format"),
                    @SchemaProperty(name = "createMissing", description = "Create the models and benchmarks the file names that do not exist yet (a benchmark gets "
                            + "the metric score); default false: their lines are errors") })
    public static class Upload extends ImportFileForm {
    }

    /** What an import stored. */
    @Schema(name = "ItemResultsImport", description = "What an imported item-results file stored, in one transaction")
    public record ImportResult(
            @Schema(description = "Cells (model, item, sample scores) read and stored", example = "10000000") long cells,
            @Schema(description = "Series (benchmark, model, sample) written", example = "100") int series,
            @Schema(description = "Stored series of the same (benchmark, model) that the file replaced", example = "0") int seriesReplaced,
            @Schema(description = "Items new to their benchmark's item list", example = "100000") int itemsAdded,
            @Schema(description = "Models created on the fly (createMissing)", example = "100") int modelsCreated,
            @Schema(description = "Benchmarks created on the fly (createMissing)", example = "1") int benchmarksCreated,
            @Schema(description = "The file's format: csv or jsonl", example = "csv") String format) {
    }

    @POST
    @Path("file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importItemResultsFromFile", summary = "Import item-level results (CSV or JSON Lines), all or nothing",
            description = "Long format, one cell per line: model, benchmark, item, score, and optionally subject (a category "
                    + "of the item, e.g. for clustered standard errors) and sample (an integer >= 0, default 0: several "
                    + "samples or seeds per item). CSV with a header (aliases item_id/doc_id, category, seed, value) or JSON "
                    + "Lines objects (item a string or integer, score a number or true/false). Read in one streaming pass "
                    + "on the compute pool (up to the 1G upload limit; gzip recognised by its magic bytes or the part's "
                    + "Content-Encoding); the first 100 bad lines are named by line and field, and nothing is stored. An "
                    + "item given twice for one model and sample, or with two subjects, is an error. A (benchmark, model) "
                    + "already stored is replaced as a whole (all its samples) by the file's. Models and benchmarks are "
                    + "named; createMissing=true creates unknown ones.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "Upload larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportResult> importFile(@BeanParam Upload form) {
        Workspace workspace = caller.workspace();
        ImportFileForm.Import in = form.read();
        ItemResultFiles reader = new ItemResultFiles(maxCells);
        return compute.submit(() -> reader.read(in.file(), in.format()))
                .flatMap(upload -> store.importItems(workspace, upload, in.createMissing(), ItemResultFiles.MAX_ERRORS))
                .map(r -> new ImportResult(r.cells(), r.series(), r.seriesReplaced(), r.itemsAdded(), r.modelsCreated(),
                        r.benchmarksCreated(), reader.format()));
    }

    /** One model's stored results on a benchmark. */
    @Schema(name = "ItemResultsModel", description = "One model's item results on a benchmark")
    public record ModelItems(
            @Schema(example = "llama-3-8b") String model,
            @Schema(description = "Samples (series) stored", example = "1") int samples,
            @Schema(description = "Cells with a score, over all samples", example = "14042") long cellsScored,
            @Schema(description = "cellsScored / (samples x items of the benchmark)", example = "1.0") double coverage) {
    }

    /** A benchmark's stored item results. */
    @Schema(name = "ItemResultsBenchmark", description = "What is stored for one benchmark")
    public record BenchmarkItems(
            @Schema(example = "mmlu") String benchmark,
            @Schema(description = "Items in the benchmark's item list", example = "14042") int items,
            @Schema(description = "Distinct subjects of the items", example = "57") int subjects,
            List<ModelItems> models) {
    }

    @GET
    @Operation(operationId = "listItemResults", summary = "What item-level results are stored, per benchmark",
            description = "Per benchmark with item results (or only `benchmark`): its item count, distinct subjects, and per "
                    + "model the samples stored, the cells scored and the coverage.")
    @APIResponse(responseCode = "200", description = "Per benchmark", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BenchmarkItems.class)))
    @APIResponse(responseCode = "404", description = "The benchmark does not exist or has no item results", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<BenchmarkItems>> list(@Parameter(description = "Benchmark name", example = "mmlu") @QueryParam("benchmark") String benchmark) {
        Workspace workspace = caller.workspace();
        return store.summary(workspace, benchmark == null || benchmark.isBlank() ? null : benchmark.strip())
                .map(list -> list.stream().map(b -> new BenchmarkItems(b.benchmark(), b.items(), b.subjects(),
                        b.models().stream().map(m -> new ModelItems(m.model(), m.samples(), m.cellsScored(),
                                b.items() == 0 ? 0 : (double) m.cellsScored() / ((double) m.samples() * b.items())))
                                .toList())).toList());
    }

    /** One exported cell. */
    private record Cell(String model, String benchmark, String item, double score, String subject, int sample) {
    }

    @GET
    @Path("export")
    @Produces(Exports.CSV) // one type: a Multi cannot be negotiated; Exports sets application/x-ndjson for format=jsonl
    @Operation(operationId = "getItemResultExport", summary = "Export a benchmark's item results (CSV or JSON Lines), streamed",
            description = "Every scored cell of the benchmark (of the given models), ordered by model, sample, item, in the "
                    + "columns importItemResultsFromFile reads back: model, benchmark, item, score, subject, sample. "
                    + "Streamed from a database cursor a couple of series at a time, never held whole.")
    @APIResponse(responseCode = "200", description = "The cells", content = @Content(mediaType = Exports.CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "CSV; with format=jsonl the body is JSON Lines (application/x-ndjson). A file (bytes) to generated clients, which would otherwise parse it as JSON"),
            examples = @ExampleObject(name = "three cells", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The benchmark does not exist or has no item results", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestMulti<String> export(
            @Parameter(description = "Benchmark name", required = true, example = "mmlu") @QueryParam("benchmark") @NotBlank String benchmark,
            @Parameter(description = "Model name (repeatable); default every model") @QueryParam("model") List<String> model,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") @jakarta.validation.constraints.Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl") String format) {
        Workspace workspace = caller.workspace();
        String name = benchmark.strip();
        Uni<ItemResultStore.Catalog> catalog = store.catalog(workspace, name).memoize().indefinitely();
        // a series is decoded into its cells on the compute pool, not on the event loop the cursor delivers on
        Multi<Cell> cells = catalog.onItem().transformToMulti(c -> store.stream(workspace, name, model)
                .onItem().transformToUniAndConcatenate(s -> compute.submit(() -> {
                    double[] v = ItemResultStore.decode(s.scores());
                    List<Cell> out = new ArrayList<>();
                    for (int i = 0; i < v.length && i < c.keys().length; i++) {
                        if (!Double.isNaN(v[i])) {
                            out.add(new Cell(s.model(), name, c.keys()[i], v[i], c.subjects()[i], s.sample()));
                        }
                    }
                    return out;
                })).onItem().<Cell>disjoint());
        return Exports.of(compute, catalog, cells, format, List.of("model", "benchmark", "item", "score", "subject", "sample"),
                x -> new Object[] {x.model(), x.benchmark(), x.item(), x.score(), x.subject(), x.sample()});
    }

    /** How many series a deletion removed. */
    @Schema(name = "ItemResultsDeleted", description = "What a deletion of item results removed")
    public record Deleted(@Schema(description = "Series (benchmark, model, sample) deleted", example = "3") int series) {
    }

    @DELETE
    @Operation(operationId = "deleteItemResults", summary = "Delete a benchmark's item results (or some models' of them)",
            description = "Without model: every series of the benchmark and its item list. With model (repeatable): those "
                    + "models' series only.")
    @APIResponse(responseCode = "200", description = "What was deleted", content = @Content(schema = @Schema(implementation = Deleted.class)))
    @APIResponse(responseCode = "404", description = "The benchmark does not exist or has no item results", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Deleted> delete(
            @Parameter(description = "Benchmark name", required = true, example = "mmlu") @QueryParam("benchmark") @NotBlank String benchmark,
            @Parameter(description = "Model name (repeatable); default every model") @QueryParam("model") List<String> model) {
        Workspace workspace = caller.workspace();
        return store.delete(workspace, benchmark.strip(), model).map(Deleted::new);
    }
}
