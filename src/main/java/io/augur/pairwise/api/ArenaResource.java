package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.audit.Audited;
import io.augur.pairwise.engine.ActiveSampling;
import io.augur.pairwise.engine.Outcome;
import io.augur.pairwise.engine.PairCount;
import io.augur.pairwise.store.ArenaStore;
import io.augur.platform.api.Exports;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.platform.api.Page;
import io.augur.platform.api.Plots;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Stored arenas: create, list, read, delete; append battles (idempotent by battle id, all or nothing);
 * the current Bradley-Terry leaderboard over the stored counts; the pairs to battle next.
 */
@Path("/api/v1/arenas")
@Tag(name = "arenas", description = "Stored arenas of pairwise battles that grow batch by batch, with their leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { ArenaInput.class, AppendBattlesInput.class, ArenaBattleInput.class,
        ArenaLeaderboardRequest.class })
@Audited
public class ArenaResource implements JobOperation.Source {

    static final int MAX_BATCH = 10_000;

    private final ArenaStore store;
    private final ComputePool compute;
    private final RequestBodies bodies;
    private final Plots plots;

    private final CallerContext caller;

    public ArenaResource(ArenaStore store, ComputePool compute, RequestBodies bodies, Plots plots,
            CallerContext caller) {
        this.caller = caller;
        this.store = store;
        this.compute = compute;
        this.bodies = bodies;
        this.plots = plots;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArena", summary = "Create an arena")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArenaInput.class),
            examples = @ExampleObject(name = "arena", value = """
                    {"name": "chat-arena-2024", "description": "Pairwise human preferences between chat models"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Arena.class)))
    @APIResponse(responseCode = "409", description = "An arena with this name exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(byte[] body) {
        Workspace workspace = caller.workspace();
        return bodies.read(body, ArenaInput.class).flatMap(input -> create(workspace, input));
    }

    private Uni<Response> create(Workspace workspace, ArenaInput input) {
        return store.create(workspace, input.name().strip(), input.description()).map(a -> Response
                .created(URI.create("/api/v1/arenas/" + a.id())).entity(Arena.of(a)).build());
    }

    @GET
    @Operation(operationId = "listArenas", summary = "List arenas", description = "Ordered by id, with their totals.")
    @APIResponse(responseCode = "200", description = "One page of arenas")
    public Uni<Page<Arena>> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return store.list(caller.workspace(), Page.after(cursor), limit)
                .map(rows -> Page.of(rows, limit, ArenaStore.Arena::key, Arena::of));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getArena", summary = "Read an arena with its totals")
    @APIResponse(responseCode = "200", description = "The arena", content = @Content(schema = @Schema(implementation = Arena.class)))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Arena> get(@PathParam("id") UUID id) {
        return store.get(caller.workspace(), id).map(Arena::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteArena", summary = "Delete an arena with its battles")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return store.delete(caller.workspace(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/battles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appendArenaBattles", summary = "Append a batch of battles, idempotent by battle id",
            description = "All or nothing: a bad battle (missing field, unknown outcome, self-battle, a battleId given "
                    + "twice in the batch) fails the whole batch with a problem naming each battle's index and field, and "
                    + "nothing is stored. Idempotent: a battle whose battleId is already stored in this arena with the same "
                    + "content is skipped (with another content it is a 409 naming it), so a retried request does not count twice; the answer says how many were "
                    + "added and how many were already known. Battles are kept with their ids (for exports) and as aggregated counts "
                    + "per (model A, model B, outcome), which leaderboards read. Whole files: appendArenaBattlesFromFile. At most 10000 battles per batch.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppendBattlesInput.class),
            examples = @ExampleObject(name = "three battles", value = """
                    {"battles": [{"battleId": "b-1", "modelA": "gpt-4", "modelB": "claude-2", "outcome": "a"},
                                 {"battleId": "b-2", "modelA": "claude-2", "modelB": "llama-2-70b", "outcome": "tie"},
                                 {"battleId": "b-3", "modelA": "llama-2-70b", "modelB": "gpt-4", "outcome": "a"}]}""")))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AppendResult> append(@PathParam("id") UUID id, byte[] body) {
        Workspace workspace = caller.workspace();
        return bodies.read(body, AppendBattlesInput.class).flatMap(input -> append(workspace, id, input));
    }

    private Uni<AppendResult> append(Workspace workspace, UUID id, AppendBattlesInput input) {
        return compute.submit(() -> validated(input.battles()))
                .flatMap(battles -> store.append(workspace, id, battles))
                .map(a -> new AppendResult(a.received(), a.added(), a.alreadyKnown()));
    }

    /** The multipart form of appendArenaBattlesFromFile, and its OpenAPI schema. */
    @Schema(name = "ArenaBattlesUpload", description = "A battle file and how to read it, as form fields")
    public static class BattlesUpload extends BattleFileForm {
        @RestForm
        @Schema(description = "For a file without battle ids: the derived ids are <idPrefix>:<record number> instead of "
                + "row-<record number>; give each distinct file its own prefix", example = "arena-2024-06")
        public String idPrefix;

        /** The id prefix, null when not given; longer than 100 characters is a 400 naming the field. */
        String prefix() {
            String prefix = idPrefix == null || idPrefix.isBlank() ? null : idPrefix.strip();
            if (prefix != null && prefix.length() > 100) {
                throw ProblemException.invalid("idPrefix", "at most 100 characters");
            }
            return prefix;
        }
    }

    @POST
    @Path("{id}/battles/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "appendArenaBattlesFromFile", summary = "Append a whole battle file, idempotent by battle id",
            description = "The part 'file' holds the battles: CSV with a header (model_a, model_b, winner, or left, right, "
                    + "winner, and optionally battle_id), JSON Lines, or FastChat's clean_battle JSON list (fields a battle "
                    + "does not need are skipped); gzip is recognised by its magic bytes or the part's Content-Encoding. "
                    + "Read in one streaming pass (up to the 1G upload limit) and written in chunks of 50,000 in one "
                    + "transaction: all or nothing. Battle ids: the battle_id column or field; a file without one gets ids "
                    + "derived from each record's position (row-<n>, or <idPrefix>:<n>), so re-sending the file, or the "
                    + "file grown at its end, adds only the new battles. A battle id already stored with the same content "
                    + "is skipped; with another content it is a 409 naming it. A bad record is a 400 naming its line and "
                    + "field. Filters: anony=true keeps anonymous battles, dedup=true drops those whose dedup_tag.sampled is "
                    + "false.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = BattlesUpload.class)))
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(schema = @Schema(implementation = BattleFileResult.class)))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A battle id is stored with another content", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Upload larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BattleFileResult> appendFile(@PathParam("id") UUID id, @BeanParam BattlesUpload form) {
        BattleFiles.Upload upload = form.upload();
        BattleChunks chunks = new BattleChunks(compute, upload, form.prefix());
        return store.ingest(caller.workspace(), id, chunks::next).map(r -> new BattleFileResult(r.received(), r.added(), r.alreadyKnown(),
                chunks.format(), chunks.idSource()));
    }

    @GET
    @Path("{id}/battles")
    @Produces(Exports.CSV) // one type: a Multi cannot be negotiated; Exports sets application/x-ndjson for format=jsonl
    @Operation(operationId = "getArenaBattles", summary = "Export the arena's battles (CSV or JSON Lines), streamed",
            description = "Every stored battle in the order it arrived: battle_id, model_a, model_b, winner (model_a, "
                    + "model_b or tie), the layout appendArenaBattlesFromFile reads back. Streamed from a database cursor. "
                    + "Battles appended before battles were kept whole (schema version 4) have no models or winner.")
    @APIResponse(responseCode = "200", description = "The battles", content = @Content(mediaType = Exports.CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "CSV; with format=jsonl the body is JSON Lines (application/x-ndjson). A file (bytes) to generated clients, which would otherwise parse it as JSON")))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public org.jboss.resteasy.reactive.RestMulti<String> battles(@PathParam("id") UUID id,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") @Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl") String format) {
        Workspace workspace = caller.workspace();
        return Exports.of(compute, store.get(workspace, id), store.battles(workspace, id), format, List.of("battle_id", "model_a", "model_b", "winner"),
                b -> new Object[] {b.battleId(), b.modelA(), b.modelB(), b.outcome() == null ? null
                        : switch (b.outcome()) {
                            case A_WINS -> "model_a";
                            case B_WINS -> "model_b";
                            case TIE -> "tie";
                        }});
    }

    @GET
    @Path("{id}/counts")
    @Produces(Exports.CSV) // one type: a Multi cannot be negotiated; Exports sets application/x-ndjson for format=jsonl
    @Operation(operationId = "getArenaCounts", summary = "Export the arena's aggregated counts (CSV or JSON Lines), streamed",
            description = "One row per pair of models (model_a before model_b in name order): wins_a, wins_b, ties.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = Exports.CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "CSV; with format=jsonl the body is JSON Lines (application/x-ndjson). A file (bytes) to generated clients, which would otherwise parse it as JSON")))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public org.jboss.resteasy.reactive.RestMulti<String> countsExport(@PathParam("id") UUID id,
            @Parameter(description = "csv (default) or jsonl") @QueryParam("format") @Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl") String format) {
        Workspace workspace = caller.workspace();
        return Exports.of(compute, store.get(workspace, id), store.countRows(workspace, id), format, List.of("model_a", "model_b", "wins_a", "wins_b", "ties"),
                c -> new Object[] {c.modelA(), c.modelB(), c.winsA(), c.winsB(), c.ties()});
    }

    @GET
    @Path("{id}/leaderboard")
    @Operation(operationId = "getArenaLeaderboard", summary = "The arena's current Bradley-Terry leaderboard",
            description = "Bradley-Terry over the arena's stored counts, with multinomial-bootstrap intervals, the same "
                    + "response as POST /api/v1/leaderboards/bradley-terry (the same battles give the same leaderboard for "
                    + "the same seed). An arena with no battles yet answers 400 (field battles): there is nothing to rank. "
                    + "Battles that make the likelihood unbounded answer 400 listing the models, unless regularization is set. "
                    + "Runs as a job too (progress in bootstrap rounds): POST /api/v1/jobs with operation getArenaLeaderboard "
                    + "and the body {\"arena\": id, \"rounds\": 10000, ...} (the query parameters as fields); the job's result "
                    + "is this answer.")
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeaderboardResult> leaderboard(@PathParam("id") UUID id,
            @Parameter(description = "Bootstrap rounds, 2 to 10000 (default 1000)") @QueryParam("rounds") @Min(2) @Max(LeaderboardResource.MAX_ROUNDS) Integer rounds,
            @Parameter(description = "Seed that reproduces the intervals (default 42)") @QueryParam("seed") Long seed,
            @Parameter(description = "Confidence level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level,
            @Parameter(description = "half-win (default) or davidson") @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(description = "Gaussian prior precision on log strengths (default 0)") @QueryParam("regularization") @PositiveOrZero Double regularization,
            @Parameter(description = "Model pinned to anchorRating") @QueryParam("anchorModel") String anchorModel,
            @Parameter(description = "Rating of the anchor model (default 1000)") @QueryParam("anchorRating") Double anchorRating) {
        return leaderboardOf(caller.workspace(), id, rounds, seed, level, ties, regularization, anchorModel, anchorRating);
    }

    /** getArenaLeaderboard, from the request or from a job's {@link ArenaLeaderboardRequest}. */
    private Uni<LeaderboardResult> leaderboardOf(Workspace workspace, UUID id, Integer rounds, Long seed, Double level, String ties,
            Double regularization, String anchorModel, Double anchorRating) {
        return counts(workspace, id).flatMap(rows -> compute.submit(() -> Pairwise.engine(Pairwise.QUERY_FIELDS,
                () -> Pairwise.bradleyTerry(Pairwise.canonical(rows),
                        Pairwise.options(ties, regularization, anchorModel, anchorRating),
                        BootstrapSettings.resolve(rounds, seed, level, 2, LeaderboardResource.MAX_ROUNDS, "rounds"), null))));
    }

    @GET
    @Path("{id}/leaderboard/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotArenaLeaderboard", summary = "Draw the arena's Bradley-Terry leaderboard: ratings with bootstrap intervals, ranks shown",
            description = "The leaderboard of getArenaLeaderboard (same query parameters, same numbers) drawn: one row per "
                    + "model, best first, labelled with its rank, the rating and its interval; the caption gives the interval "
                    + "method, level and seed.")
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> plotLeaderboard(@PathParam("id") UUID id, @HeaderParam("Accept") String accept,
            @Parameter(description = "Bootstrap rounds, 2 to 10000 (default 1000)") @QueryParam("rounds") @Min(2) @Max(LeaderboardResource.MAX_ROUNDS) Integer rounds,
            @Parameter(description = "Seed that reproduces the intervals (default 42)") @QueryParam("seed") Long seed,
            @Parameter(description = "Confidence level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level,
            @Parameter(description = "half-win (default) or davidson") @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(description = "Gaussian prior precision on log strengths (default 0)") @QueryParam("regularization") @PositiveOrZero Double regularization) {
        return plotLeaderboardOf(caller.workspace(), id, accept, rounds, seed, level, ties, regularization, null, null);
    }

    /** plotArenaLeaderboard, from the request or from a job's {@link ArenaLeaderboardRequest}. */
    private Uni<Response> plotLeaderboardOf(Workspace workspace, UUID id, String accept, Integer rounds, Long seed, Double level, String ties,
            Double regularization, String anchorModel, Double anchorRating) {
        return store.get(workspace, id).flatMap(arena -> counts(workspace, id).flatMap(rows -> compute.submit(() -> plots.respond(
                accept, LeaderboardPlots.ratings("Arena " + arena.name() + ": Bradley-Terry leaderboard", Pairwise.engine(Pairwise.QUERY_FIELDS,
                        () -> Pairwise.bradleyTerry(Pairwise.canonical(rows), Pairwise.options(ties, regularization, anchorModel, anchorRating),
                                BootstrapSettings.resolve(rounds, seed, level, 2, LeaderboardResource.MAX_ROUNDS, "rounds"), null)))))));
    }

    @GET
    @Path("{id}/win-rates/plot")
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotArenaWinRates", summary = "Draw the arena's predicted win-rate matrix as a heatmap",
            description = "Cell (A, B) is the Bradley-Terry predicted probability that A beats B, models in leaderboard "
                    + "order (FastChat's win-rate heatmap); the caption gives the interval method, level and seed of the fit.")
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> plotWinRates(@PathParam("id") UUID id, @HeaderParam("Accept") String accept,
            @Parameter(description = "Bootstrap rounds, 2 to 10000 (default 1000)") @QueryParam("rounds") @Min(2) @Max(LeaderboardResource.MAX_ROUNDS) Integer rounds,
            @Parameter(description = "Seed that reproduces the intervals (default 42)") @QueryParam("seed") Long seed,
            @Parameter(description = "Confidence level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level,
            @Parameter(description = "half-win (default) or davidson") @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(description = "Gaussian prior precision on log strengths (default 0)") @QueryParam("regularization") @PositiveOrZero Double regularization) {
        Workspace workspace = caller.workspace();
        return store.get(workspace, id).flatMap(arena -> counts(workspace, id).flatMap(rows -> compute.submit(() -> {
            var counts = Pairwise.canonical(rows);
            return plots.respond(accept, LeaderboardPlots.winRates("Arena " + arena.name() + ": predicted win rates",
                    Pairwise.engine(Pairwise.QUERY_FIELDS, () -> Pairwise.bradleyTerry(counts,
                            Pairwise.options(ties, regularization, null, null), BootstrapSettings.resolve(rounds, seed, level, 2, LeaderboardResource.MAX_ROUNDS, "rounds"),
                            LeaderboardPlots.allPairs(counts.models())))));
        })));
    }

    @GET
    @Path("{id}/next-pairs")
    @Operation(operationId = "getArenaNextPairs", summary = "The pairs whose next battle would shrink the uncertainty most",
            description = "Active evaluation, A-optimal design: for every pair of models, the expected reduction of the "
                    + "total variance of the centred ratings (the trace of their covariance, the inverse Fisher information "
                    + "of the Bradley-Terry fit) after one more battle of that pair, in Elo points squared; the pairs with "
                    + "the largest reduction come first. Pairs of uncertain models close in strength score highest. Data "
                    + "whose likelihood is unbounded are fitted with the given regularization, or 0.01 when none is given. "
                    + "An arena with no battles answers 400 (field battles).")
    @APIResponse(responseCode = "200", description = "The suggested pairs, best first", content = @Content(schema = @Schema(implementation = NextPairsResult.class)))
    @APIResponse(responseCode = "404", description = "No such arena", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NextPairsResult> nextPairs(@PathParam("id") UUID id,
            @Parameter(description = "How many pairs, 1 to 1000") @QueryParam("count") @DefaultValue("5") @Min(1) @Max(1000) int count,
            @Parameter(description = "half-win (default) or davidson") @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(description = "Gaussian prior precision on log strengths (default 0)") @QueryParam("regularization") @PositiveOrZero Double regularization) {
        return counts(caller.workspace(), id).flatMap(rows -> compute.submit(() -> Pairwise.engine(Pairwise.QUERY_FIELDS, () -> {
            ActiveSampling.Plan plan = ActiveSampling.suggest(Pairwise.canonical(rows),
                    Pairwise.options(ties, regularization, null, null), count);
            List<NextPairsResult.Pair> pairs = plan.suggestions().stream()
                    .map(s -> new NextPairsResult.Pair(s.modelA(), s.modelB(), s.expectedVarianceReduction(),
                            s.aWinsProbability(), s.battlesSoFar()))
                    .toList();
            return new NextPairsResult(plan.criterion(), plan.prior(), plan.totalRatingVariance(), pairs);
        })));
    }

    /**
     * The arena's leaderboard and its plot as jobs ({@code POST /api/v1/jobs}): the endpoints are GETs, so the
     * job body is an {@link ArenaLeaderboardRequest} (the arena's id and the query parameters), and there is no
     * {@code Prefer: respond-async} path for them. The job runs the endpoint's own code path; its result is the
     * GET's body for the same settings.
     */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("getArenaLeaderboard", null, ArenaLeaderboardRequest.class,
                        body -> {
                            Workspace workspace = caller.workspace(); // the job's: read on its context, before any hop
                            return bodies.read(body, ArenaLeaderboardRequest.class).flatMap(r -> leaderboardOf(workspace, r.arena(),
                                r.rounds(), r.seed(), r.level(), r.ties(), r.regularization(), r.anchorModel(), r.anchorRating()));
                        }),
                new JobOperation("plotArenaLeaderboard", null, ArenaLeaderboardRequest.class, Plots.SVG,
                        body -> {
                            Workspace workspace = caller.workspace();
                            return bodies.read(body, ArenaLeaderboardRequest.class).flatMap(r -> plotLeaderboardOf(workspace, r.arena(),
                                Plots.SVG, r.rounds(), r.seed(), r.level(), r.ties(), r.regularization(), r.anchorModel(),
                                r.anchorRating()));
                        }));
    }

    private Uni<List<PairCount>> counts(Workspace workspace, UUID id) {
        return store.counts(workspace, id).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.invalid("battles", "arena " + id + " has no battles yet; append battles "
                        + "(POST /api/v1/arenas/" + id + "/battles) before asking for a ranking");
            }
            return rows;
        });
    }

    /** Every battle checked; any error fails the whole batch, naming battles[i].field. */
    private static List<ArenaStore.NewBattle> validated(List<ArenaBattleInput> battles) {
        List<FieldError> errors = new ArrayList<>();
        List<ArenaStore.NewBattle> out = new ArrayList<>(battles.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < battles.size(); i++) {
            ArenaBattleInput b = battles.get(i);
            String field = "battles[" + i + "]";
            long row = i + 1L;
            Integer first = seen.putIfAbsent(b.battleId(), i);
            if (first != null) {
                errors.add(new FieldError(field + ".battleId", row, "battleId '" + b.battleId()
                        + "' is given twice in this batch (first at battles[" + first + "])"));
            }
            if (b.modelA().equals(b.modelB())) {
                errors.add(new FieldError(field + ".modelB", row, "self-battle: model '" + b.modelB()
                        + "' cannot battle itself"));
            }
            Outcome o = Outcome.tryParse(b.outcome());
            if (o == null) {
                errors.add(new FieldError(field + ".outcome", row, "unknown outcome '" + b.outcome()
                        + "'; expected a, b or tie (or model_a, model_b, left, right, draw, tie (bothbad))"));
            }
            if (errors.size() >= 100) {
                break;
            }
            out.add(new ArenaStore.NewBattle(i, b.battleId(), b.modelA(), b.modelB(), o));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        return out;
    }
}
