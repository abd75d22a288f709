package io.augur.pairwise.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import io.augur.pairwise.engine.BattleCsvReader;
import io.augur.pairwise.engine.BattleLog;
import io.augur.pairwise.engine.BradleyTerry;
import io.augur.pairwise.engine.Elo;
import io.augur.pairwise.engine.Leaderboard;
import io.augur.pairwise.engine.PlackettLuce;
import io.augur.pairwise.engine.PlackettLuceFit;
import io.augur.platform.api.Plots;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.ProblemException;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Stateless leaderboards over inline data: online Elo and Bradley-Terry over battles (JSON or CSV),
 * Plackett-Luce over rankings or top-1 choices. Every computation runs on the compute pool.
 */
@Computation
@Path("/api/v1/leaderboards")
@Tag(name = "leaderboards", description = "Rank models from pairwise battles, rankings and choices, with bootstrap intervals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RegisterForReflection(targets = { EloRequest.class, BradleyTerryRequest.class, PlackettLuceRequest.class,
        BattleInput.class, BootstrapSettings.class, AnchorInput.class, PairInput.class, ChoiceInput.class })
public class LeaderboardResource implements JobOperation.Source {

    static final String CSV = "text/csv";
    static final int MAX_ROUNDS = 10_000;

    static final String BATTLES_EXAMPLE = """
            [{"modelA": "gpt-4", "modelB": "claude-2", "outcome": "a"},
             {"modelA": "claude-2", "modelB": "llama-2-70b", "outcome": "a"},
             {"modelA": "llama-2-70b", "modelB": "gpt-4", "outcome": "tie"},
             {"modelA": "gpt-4", "modelB": "llama-2-70b", "outcome": "a"},
             {"modelA": "claude-2", "modelB": "gpt-4", "outcome": "a"},
             {"modelA": "llama-2-70b", "modelB": "claude-2", "outcome": "b"},
             {"modelA": "llama-2-70b", "modelB": "claude-2", "outcome": "a"}]""";
    static final String CSV_EXAMPLE = """
            model_a,model_b,winner
            gpt-4,claude-2,model_a
            claude-2,llama-2-70b,model_a
            llama-2-70b,gpt-4,tie
            gpt-4,llama-2-70b,model_a
            claude-2,gpt-4,model_a
            llama-2-70b,claude-2,model_b
            llama-2-70b,claude-2,model_a
            """;
    static final String CSV_DESCRIPTION = " CSV: a header row with the columns model_a, model_b, winner (Chatbot "
            + "Arena) or left, right, winner (evalica); winner is model_a/a/left, model_b/b/right or tie/draw/"
            + "tie (bothbad). The options are query parameters, since a CSV body has no room for them.";

    private final ComputePool compute;
    private final RequestBodies bodies;
    private final Plots plots;

    public LeaderboardResource(ComputePool compute, RequestBodies bodies, Plots plots) {
        this.compute = compute;
        this.bodies = bodies;
        this.plots = plots;
    }

    @POST
    @Path("elo")
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "computeEloLeaderboard", summary = "Online Elo ratings of battles, with bootstrap intervals",
            description = "Online Elo in the order the battles are given, as FastChat computes it (initial 1000, base 10, "
                    + "scale 400, K 4, a tie is half a win). Intervals: FastChat's bootstrap, each round replays N battles "
                    + "drawn with replacement (default 1000 rounds, seed 42, level 0.95). Rank = 1 + number of models whose "
                    + "lower bound exceeds this model's upper bound. Battles as CSV: computeEloLeaderboardFromCsv.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EloRequest.class),
            examples = @ExampleObject(name = "three models", value = "{\"battles\": " + BATTLES_EXAMPLE
                    + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}")))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> elo(@HeaderParam("Content-Type") String contentType, byte[] body,
            @Parameter(hidden = true) @QueryParam("k") Double k,
            @Parameter(hidden = true) @QueryParam("rounds") @Min(2) @Max(MAX_ROUNDS) Integer rounds,
            @Parameter(hidden = true) @QueryParam("seed") Long seed,
            @Parameter(hidden = true) @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level) {
        // CSV on this path is kept for curl users; documented as computeEloLeaderboardFromCsv
        return eloOf(isCsv(contentType), body, k, rounds, seed, level);
    }

    @POST
    @Path("elo/csv")
    @Consumes(CSV)
    @Operation(operationId = "computeEloLeaderboardFromCsv", summary = "Online Elo ratings of battles given as CSV, with bootstrap intervals",
            description = "computeEloLeaderboard over battles given as CSV." + CSV_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "three models", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> eloCsv(byte[] body,
            @Parameter(description = "K factor (default 4)") @QueryParam("k") Double k,
            @Parameter(description = "Bootstrap rounds, 2 to 10000 (default 1000)") @QueryParam("rounds") @Min(2) @Max(MAX_ROUNDS) Integer rounds,
            @Parameter(description = "Seed (default 42)") @QueryParam("seed") Long seed,
            @Parameter(description = "Confidence level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level) {
        return eloOf(true, body, k, rounds, seed, level);
    }

    private Uni<LeaderboardResult> eloOf(boolean csv, byte[] body, Double k, Integer rounds, Long seed, Double level) {
        if (!csv) {
            refuseQueryOptions("k", k, "rounds", rounds, "seed", seed, "level", level);
        }
        return compute.submit(() -> eloSync(csv, body, k, rounds, seed, level));
    }

    private LeaderboardResult eloSync(boolean csv, byte[] body, Double k, Integer rounds, Long seed, Double level) throws Exception {
        BattleLog log;
        BootstrapSettings.Used b;
        Elo.Params params;
        var fields = csv ? Pairwise.QUERY_FIELDS : Pairwise.JSON_FIELDS;
        if (csv) {
            log = BattleCsvReader.readLog(new ByteArrayInputStream(body), null);
            b = BootstrapSettings.resolve(rounds, seed, level, 2, MAX_ROUNDS, "rounds");
            params = Pairwise.engine(fields, () -> new Elo.Params(k == null ? 4 : k, 10, 400, 1000));
        } else {
            EloRequest req = bodies.parse(body, EloRequest.class);
            log = Pairwise.battleLog(req.battles());
            b = BootstrapSettings.resolve(req.bootstrap(), 2, MAX_ROUNDS, "bootstrap.rounds");
            Elo.Params d = Elo.Params.defaults();
            params = Pairwise.engine(fields, () -> new Elo.Params(req.k() == null ? d.k() : req.k(),
                    req.base() == null ? d.base() : req.base(), req.scale() == null ? d.scale() : req.scale(),
                    req.initial() == null ? d.initial() : req.initial()));
        }
        Leaderboard lb = Pairwise.engine(fields, () -> Elo.bootstrap(log, params, b.rounds(), b.seed(), b.level()));
        return Pairwise.result(lb, b, null, log.size(), null, null, null, null, null, null);
    }

    @POST
    @Path("bradley-terry")
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "computeBradleyTerryLeaderboard", summary = "Bradley-Terry ratings of battles, with bootstrap intervals",
            description = "Maximum-likelihood Bradley-Terry (Newton's method) on battles merged by (model A, model B, "
                    + "outcome), ratings on the Elo scale 1000 + 400 log10(strength), centred at 1000 or shifted so an "
                    + "anchor model has a given rating. Ties count as half a win (default) or follow Davidson's model. "
                    + "Battles whose likelihood is unbounded (a model that never lost or never won, a disconnected "
                    + "comparison graph) are a 400 problem listing the models responsible, unless a regularisation "
                    + "(Gaussian prior precision) is asked for; then the fit is finite and the response lists them under "
                    + "unbounded. Intervals: multinomial bootstrap of the merged rows (default 1000 rounds, seed 42, level "
                    + "0.95). Rank = 1 + number of models whose lower bound exceeds this model's upper bound. Optional "
                    + "pairs: predicted P(A wins), P(B wins), P(tie) with a bootstrap interval. Battles as CSV: "
                    + "computeBradleyTerryLeaderboardFromCsv.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BradleyTerryRequest.class),
                    examples = @ExampleObject(name = "three models", value = "{\"battles\": " + BATTLES_EXAMPLE
                            + ", \"ties\": \"half-win\", \"anchor\": {\"model\": \"llama-2-70b\", \"rating\": 1000}, "
                            + "\"bootstrap\": {\"rounds\": 500, \"seed\": 7, \"level\": 0.95}, "
                            + "\"pairs\": [{\"modelA\": \"gpt-4\", \"modelB\": \"claude-2\"}]}")) })
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> bradleyTerry(@HeaderParam("Content-Type") String contentType, byte[] body,
            @Parameter(hidden = true) @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(hidden = true) @QueryParam("regularization") @PositiveOrZero Double regularization,
            @Parameter(hidden = true) @QueryParam("anchorModel") String anchorModel,
            @Parameter(hidden = true) @QueryParam("anchorRating") Double anchorRating,
            @Parameter(hidden = true) @QueryParam("rounds") @Min(2) @Max(MAX_ROUNDS) Integer rounds,
            @Parameter(hidden = true) @QueryParam("seed") Long seed,
            @Parameter(hidden = true) @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level) {
        // CSV on this path is kept for curl users; documented as computeBradleyTerryLeaderboardFromCsv
        return bradleyTerryOf(isCsv(contentType), body, ties, regularization, anchorModel, anchorRating, rounds, seed,
                level);
    }

    @POST
    @Path("bradley-terry/csv")
    @Consumes(CSV)
    @Operation(operationId = "computeBradleyTerryLeaderboardFromCsv",
            summary = "Bradley-Terry ratings of battles given as CSV, with bootstrap intervals",
            description = "computeBradleyTerryLeaderboard over battles given as CSV (no predicted pairs)." + CSV_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "three models", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> bradleyTerryCsv(byte[] body,
            @Parameter(description = "half-win (default) or davidson") @QueryParam("ties") @Pattern(regexp = "half-win|davidson", message = "must be half-win or davidson") String ties,
            @Parameter(description = "Gaussian prior precision on log strengths (default 0)") @QueryParam("regularization") @PositiveOrZero Double regularization,
            @Parameter(description = "Model pinned to anchorRating") @QueryParam("anchorModel") String anchorModel,
            @Parameter(description = "Rating of the anchor model (default 1000)") @QueryParam("anchorRating") Double anchorRating,
            @Parameter(description = "Bootstrap rounds, 2 to 10000 (default 1000)") @QueryParam("rounds") @Min(2) @Max(MAX_ROUNDS) Integer rounds,
            @Parameter(description = "Seed (default 42)") @QueryParam("seed") Long seed,
            @Parameter(description = "Confidence level (default 0.95)") @QueryParam("level") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double level) {
        return bradleyTerryOf(true, body, ties, regularization, anchorModel, anchorRating, rounds, seed, level);
    }

    private Uni<LeaderboardResult> bradleyTerryOf(boolean csv, byte[] body, String ties, Double regularization,
            String anchorModel, Double anchorRating, Integer rounds, Long seed, Double level) {
        if (!csv) {
            refuseQueryOptions("ties", ties, "regularization", regularization, "anchorModel", anchorModel,
                    "anchorRating", anchorRating, "rounds", rounds, "seed", seed, "level", level);
        }
        return compute.submit(() -> bradleyTerrySync(csv, body, ties, regularization, anchorModel, anchorRating, rounds,
                seed, level, false));
    }

    /** Bradley-Terry of a body; {@code allPairs}: the predicted outcome of every pair of models (for the win-rate matrix). */
    private LeaderboardResult bradleyTerrySync(boolean csv, byte[] body, String ties, Double regularization,
            String anchorModel, Double anchorRating, Integer rounds, Long seed, Double level, boolean allPairs) throws Exception {
        if (csv) {
            var counts = Pairwise.canonical(
                    BattleCsvReader.readCounts(new ByteArrayInputStream(body), null).rows());
            return Pairwise.engine(Pairwise.QUERY_FIELDS, () -> Pairwise.bradleyTerry(counts,
                    Pairwise.options(ties, regularization, anchorModel, anchorRating),
                    BootstrapSettings.resolve(rounds, seed, level, 2, MAX_ROUNDS, "rounds"), null));
        }
        BradleyTerryRequest req = bodies.parse(body, BradleyTerryRequest.class);
        var counts = Pairwise.canonical(Pairwise.battleLog(req.battles()).counts().rows());
        return Pairwise.engine(Pairwise.JSON_FIELDS, () -> Pairwise.bradleyTerry(counts,
                Pairwise.options(req.ties(), req.regularization(),
                        req.anchor() == null ? null : req.anchor().model(),
                        req.anchor() == null ? null : req.anchor().rating()),
                BootstrapSettings.resolve(req.bootstrap(), 2, MAX_ROUNDS, "bootstrap.rounds"), allPairs ? LeaderboardPlots.allPairs(counts.models()) : req.pairs()));
    }

    @POST
    @Path("elo/plot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotEloLeaderboard", summary = "Draw an online Elo leaderboard: ratings with bootstrap intervals, ranks shown",
            description = "Takes the computeEloLeaderboard body. One row per model, best first, labelled with its rank; "
                    + "the point rating and its bootstrap interval; the caption gives the interval method, level and seed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EloRequest.class),
            examples = @ExampleObject(name = "three models", value = "{\"battles\": " + BATTLES_EXAMPLE
                    + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotElo(@HeaderParam("Accept") String accept, byte[] body) {
        return compute.submit(() -> plots.respond(accept,
                LeaderboardPlots.ratings("Online Elo leaderboard", eloSync(false, body, null, null, null, null))));
    }

    @POST
    @Path("bradley-terry/plot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotBradleyTerryLeaderboard", summary = "Draw a Bradley-Terry leaderboard: ratings with bootstrap intervals, ranks shown",
            description = "Takes the computeBradleyTerryLeaderboard body. One row per model, best first, labelled with its "
                    + "rank; the point rating and its bootstrap interval; the caption gives the interval method, level and seed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BradleyTerryRequest.class),
            examples = @ExampleObject(name = "three models", value = "{\"battles\": " + BATTLES_EXAMPLE
                    + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotBradleyTerry(@HeaderParam("Accept") String accept, byte[] body) {
        return compute.submit(() -> plots.respond(accept, LeaderboardPlots.ratings("Bradley-Terry leaderboard",
                bradleyTerrySync(false, body, null, null, null, null, null, null, null, false))));
    }

    @POST
    @Path("bradley-terry/win-rates/plot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ Plots.SVG, Plots.VEGA_LITE })
    @Operation(operationId = "plotBradleyTerryWinRates", summary = "Draw the predicted win-rate matrix of a Bradley-Terry fit as a heatmap",
            description = "Takes the computeBradleyTerryLeaderboard body (its pairs are ignored: every pair is drawn). Cell "
                    + "(A, B) is the predicted probability that A beats B, models in leaderboard order, as FastChat's "
                    + "win-rate heatmap; the caption gives the interval method, level and seed of the fit.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BradleyTerryRequest.class),
            examples = @ExampleObject(name = "three models", value = "{\"battles\": " + BATTLES_EXAMPLE
                    + ", \"bootstrap\": {\"rounds\": 200, \"seed\": 7}}")))
    @APIResponse(responseCode = "200", description = Plots.RESPONSE, content = @Content(mediaType = Plots.SVG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> plotBradleyTerryWinRates(@HeaderParam("Accept") String accept, byte[] body) {
        return compute.submit(() -> plots.respond(accept, LeaderboardPlots.winRates("Bradley-Terry predicted win rates",
                bradleyTerrySync(false, body, null, null, null, null, null, null, null, true))));
    }

    static final String UPLOAD_DESCRIPTION = " The part 'file' holds the battles: CSV with a header (model_a, model_b, "
            + "winner, or left, right, winner), JSON Lines (one {\"model_a\", \"model_b\", \"winner\"} object per line) "
            + "or FastChat's clean_battle JSON list (other fields such as language, turn or tstamp are skipped); "
            + "gzip is recognised by its magic bytes or the part's Content-Encoding. The file is read in one "
            + "streaming pass (up to the 1G upload limit) and merged into counts as it is read. Filters: anony=true "
            + "keeps anonymous battles only, dedup=true drops battles whose dedup_tag.sampled is false. A bad record "
            + "is a 400 naming its line and field. The options are form fields.";

    /** The multipart form of computeBradleyTerryLeaderboardFromFile, and its OpenAPI schema. */
    @JsonPropertyOrder({"file", "format", "anony", "dedup", "ties", "regularization", "anchorModel", "anchorRating", "rounds", "seed", "level"})
    @Schema(name = "BradleyTerryUpload", description = "A battle file and the Bradley-Terry options, as form fields")
    public static class BradleyTerryUpload extends RatingFileForm {
        @RestForm
        @Schema(enumeration = {"half-win", "davidson"}, description = "Tie model; default half-win")
        public String ties;
        @RestForm
        @Schema(type = SchemaType.NUMBER, format = "double", description = "Gaussian prior precision on log strengths; default 0", example = "0")
        public String regularization;
        @RestForm
        @Schema(description = "Model whose rating is fixed (default: ratings centred at 1000)")
        public String anchorModel;
        @RestForm
        @Schema(type = SchemaType.NUMBER, format = "double", description = "The anchor model's rating; default 1000", example = "1000")
        public String anchorRating;

        /** The fit options as given; a bad field is a 400 naming it. */
        Fit fit() {
            String t = Uploads.choice("ties", ties, "half-win", "davidson");
            Double reg = Uploads.number("regularization", regularization, 0, true, Double.MAX_VALUE, true);
            String anchor = anchorModel == null || anchorModel.isBlank() ? null : anchorModel.strip();
            return new Fit(t, reg, anchor, Uploads.number("anchorRating", anchorRating, -1e9, true, 1e9, true));
        }

        /** The parsed fit options, null where not given. */
        record Fit(String ties, Double regularization, String anchorModel, Double anchorRating) {
            BradleyTerry.Options options() {
                return Pairwise.options(ties, regularization, anchorModel, anchorRating);
            }
        }
    }

    /** The multipart form of computeEloLeaderboardFromFile, and its OpenAPI schema. */
    @JsonPropertyOrder({"file", "format", "anony", "dedup", "k", "rounds", "seed", "level"})
    @Schema(name = "EloUpload", description = "A battle file and the Elo options, as form fields", properties = {
            @SchemaProperty(name = "file", description = "The battle file (csv, jsonl or json; optionally gzip), in the order played"),
            @SchemaProperty(name = "format"),
            @SchemaProperty(name = "anony", description = "Keep anonymous battles only; default false") })
    public static class EloUpload extends RatingFileForm {
        @RestForm
        @Schema(type = SchemaType.NUMBER, format = "double", description = "K factor; default 4", example = "4")
        public String k;

        /** The K factor (default 4); a bad value is a 400 naming the field. */
        double kFactor() {
            Double v = Uploads.number("k", k, 0, false, 1e6, true);
            return v == null ? 4 : v;
        }
    }

    @POST
    @Path("bradley-terry/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "computeBradleyTerryLeaderboardFromFile", summary = "Bradley-Terry ratings of an uploaded battle file, with bootstrap intervals",
            description = "computeBradleyTerryLeaderboard over a whole battle file." + UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = BradleyTerryUpload.class)))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> bradleyTerryFile(@BeanParam BradleyTerryUpload form) {
        BattleFiles.Upload upload = form.upload();
        BradleyTerryUpload.Fit fit = form.fit();
        BootstrapSettings.Used b = form.bootstrap();
        return compute.submit(() -> {
            var counts = Pairwise.canonical(BattleCsvReader.readCounts(upload.open()).rows());
            return Pairwise.engine(Pairwise.QUERY_FIELDS, () -> Pairwise.bradleyTerry(counts, fit.options(), b, null));
        });
    }

    @POST
    @Path("elo/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "computeEloLeaderboardFromFile", summary = "Online Elo ratings of an uploaded battle file, with bootstrap intervals",
            description = "computeEloLeaderboard over a whole battle file, in the order of its records." + UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = EloUpload.class)))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> eloFile(@BeanParam EloUpload form) {
        BattleFiles.Upload upload = form.upload();
        double k = form.kFactor();
        BootstrapSettings.Used b = form.bootstrap();
        return compute.submit(() -> {
            BattleLog log = BattleCsvReader.readLog(upload.open());
            Elo.Params params = Pairwise.engine(Pairwise.QUERY_FIELDS, () -> new Elo.Params(k, 10, 400, 1000));
            Leaderboard lb = Pairwise.engine(Pairwise.QUERY_FIELDS, () -> Elo.bootstrap(log, params,
                    b.rounds(), b.seed(), b.level()));
            return Pairwise.result(lb, b, null, log.size(), null, null, null, null, null, null);
        });
    }

    @POST
    @Path("plackett-luce")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "computePlackettLuceLeaderboard", summary = "Plackett-Luce ratings of rankings or top-1 choices",
            description = "Maximum-likelihood Plackett-Luce (Hunter's MM algorithm) over full or partial rankings, best "
                    + "first, or over top-1 choices. A ranking lists only the models it saw, so per-item results with "
                    + "missing entries (each test item ranks only the models run on it) are partial rankings. Ties inside "
                    + "a ranking are not modelled. Ratings on the Elo scale 1000 + 400 log10(strength), strengths with "
                    + "geometric mean 1. Data whose likelihood is unbounded are a 400 problem listing the models, unless "
                    + "alpha (a prior pseudo-count) is set. Intervals: bootstrap over rankings (choices), default 1000 "
                    + "rounds, seed 42, level 0.95; rank = 1 + number of models whose lower bound exceeds this model's "
                    + "upper bound.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlackettLuceRequest.class),
            examples = {
                    @ExampleObject(name = "partial rankings", value = """
                            {"rankings": [["gpt-4", "claude-2", "llama-2-70b"], ["claude-2", "gpt-4"], ["llama-2-70b", "claude-2"],
                                          ["gpt-4", "llama-2-70b"], ["claude-2", "llama-2-70b", "gpt-4"]],
                             "bootstrap": {"rounds": 200, "seed": 7}}"""),
                    @ExampleObject(name = "top-1 choices", value = """
                            {"choices": [{"chosen": "gpt-4", "others": ["claude-2", "llama-2-70b"]},
                                         {"chosen": "claude-2", "others": ["gpt-4"]},
                                         {"chosen": "llama-2-70b", "others": ["claude-2"]},
                                         {"chosen": "claude-2", "others": ["llama-2-70b", "gpt-4"]},
                                         {"chosen": "gpt-4", "others": ["llama-2-70b"]}],
                             "alpha": 0.01}""") }))
    @APIResponse(responseCode = "200", description = "The leaderboard", content = @Content(schema = @Schema(implementation = LeaderboardResult.class)))
    public Uni<LeaderboardResult> plackettLuce(byte[] body) {
        return compute.submit(() -> {
            PlackettLuceRequest req = bodies.parse(body, PlackettLuceRequest.class);
            PlackettLuce.Options options = PlackettLuce.Options.defaults()
                    .withAlpha(req.alpha() == null ? 0 : req.alpha());
            BootstrapSettings.Used b = BootstrapSettings.resolve(req.bootstrap(), 2, MAX_ROUNDS, "bootstrap.rounds");
            return Pairwise.engine(Pairwise.JSON_FIELDS, () -> {
                PlackettLuceFit fit;
                Leaderboard lb;
                if (req.rankings() != null) {
                    fit = PlackettLuce.fitRankings(req.rankings(), options);
                    lb = PlackettLuce.bootstrapRankings(req.rankings(), options, b.rounds(),
                            b.seed(), b.level());
                } else {
                    List<PlackettLuce.Choice> choices = req.choices().stream()
                            .map(c -> new PlackettLuce.Choice(c.chosen(), c.others())).toList();
                    fit = PlackettLuce.fitChoices(choices, options);
                    lb = PlackettLuce.bootstrapChoices(choices, options, b.rounds(), b.seed(),
                            b.level());
                }
                return Pairwise.result(lb, b, null, fit.observations(),
                        new LeaderboardResult.Convergence(fit.converged(), fit.iterations(), null, fit.logLikelihood()),
                        null, fit.alpha(), null, List.of(), null);
            });
        });
    }

    /**
     * With a JSON body the options are body fields: a query parameter there would be ignored, so it is a 400
     * naming it. {@code pairs} alternate a parameter's name and its value (null when absent).
     */
    static void refuseQueryOptions(Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                throw ProblemException.invalid((String) pairs[i], "a query parameter applies only to CSV bodies; "
                        + "with JSON give it as a body field");
            }
        }
    }

    static boolean isCsv(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(CSV);
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("computeEloLeaderboard", "/api/v1/leaderboards/elo", EloRequest.class,
                        body -> eloOf(false, body, null, null, null, null)),
                JobOperation.of("computeBradleyTerryLeaderboard", "/api/v1/leaderboards/bradley-terry", BradleyTerryRequest.class,
                        body -> bradleyTerryOf(false, body, null, null, null, null, null, null, null)),
                JobOperation.of("computePlackettLuceLeaderboard", "/api/v1/leaderboards/plackett-luce", PlackettLuceRequest.class,
                        this::plackettLuce));
    }
}
