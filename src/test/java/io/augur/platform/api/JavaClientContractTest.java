package io.augur.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.client.ApiClient;
import io.augur.client.ApiException;
import io.augur.client.api.ArenasApi;
import io.augur.client.api.BenchmarksApi;
import io.augur.client.api.EvaluationsApi;
import io.augur.client.api.ForecastsApi;
import io.augur.client.api.ItemResultsApi;
import io.augur.client.api.KeysApi;
import io.augur.client.api.LeaderboardsApi;
import io.augur.client.api.ModelsApi;
import io.augur.client.api.RankingsApi;
import io.augur.client.api.RecommendationsApi;
import io.augur.client.api.ReliabilityApi;
import io.augur.client.api.RetrievalApi;
import io.augur.client.api.ScoreTablesApi;
import io.augur.client.api.WorkspacesApi;
import io.augur.client.model.AggregateEstimate;
import io.augur.client.model.AggregatesRequest;
import io.augur.client.model.AggregatesResponse;
import io.augur.client.model.ApiKey;
import io.augur.client.model.ApiKeyInput;
import io.augur.client.model.AppendBattlesInput;
import io.augur.client.model.AppendResult;
import io.augur.client.model.Arena;
import io.augur.client.model.ArenaBattleInput;
import io.augur.client.model.ArenaInput;
import io.augur.client.model.BattleFileResult;
import io.augur.client.model.BacktestRequest;
import io.augur.client.model.BattleInput;
import io.augur.client.model.Benchmark;
import io.augur.client.model.BenchmarkInput;
import io.augur.client.model.BootstrapSettings;
import io.augur.client.model.BradleyTerryRequest;
import io.augur.client.model.ErrorBarsRequest;
import io.augur.client.model.ErrorBarsResult;
import io.augur.client.model.Evaluation;
import io.augur.client.model.EvaluationInput;
import io.augur.client.model.EvaluationPage;
import io.augur.client.model.FitRequest;
import io.augur.client.model.FitResponse;
import io.augur.client.model.ForecastInputAt;
import io.augur.client.model.ForecastPoint;
import io.augur.client.model.ForecastPrediction;
import io.augur.client.model.Holdout;
import io.augur.client.model.ImportResult;
import io.augur.client.model.ItemResultsBenchmark;
import io.augur.client.model.ItemResultsImport;
import io.augur.client.model.LeaderboardEntry;
import io.augur.client.model.LeaderboardResult;
import io.augur.client.model.Model;
import io.augur.client.model.ModelInput;
import io.augur.client.model.NewApiKey;
import io.augur.client.model.PredictRequest;
import io.augur.client.model.PredictResponse;
import io.augur.client.model.Problem;
import io.augur.client.model.RankAgreementRequest;
import io.augur.client.model.RankAgreementResponse;
import io.augur.client.model.RecommendationEvaluation;
import io.augur.client.model.RecommendationEvaluationRequest;
import io.augur.client.model.RunComparison;
import io.augur.client.model.ScoreSelection;
import io.augur.client.model.StoredItemSelection;
import io.augur.client.model.TrecEvaluation;
import io.augur.client.model.TrecEvaluationRequest;
import io.augur.client.model.UserRecommendationList;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Java client generated from Augur's own OpenAPI document (openapi-generator {@code -g java --library
 * native}, built by the pom before the tests) against the running service: one scenario over every tag.
 * The Python and TypeScript clients run the same scenario in .ci/run (src/test/clients).
 */
@QuarkusTest
class JavaClientContractTest {

    /** The battles of the leaderboard examples, as JSON objects and as Chatbot Arena CSV. */
    static final String[][] BATTLES = { { "gpt-4", "claude-2", "a" }, { "claude-2", "llama-2-70b", "a" },
            { "llama-2-70b", "gpt-4", "tie" }, { "gpt-4", "llama-2-70b", "a" }, { "claude-2", "gpt-4", "a" },
            { "llama-2-70b", "claude-2", "b" }, { "llama-2-70b", "claude-2", "a" } };
    static final String QRELS = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 1\n";
    static final String RUN = "q1 Q0 d3 1 2.5 myrun\nq1 Q0 d1 2 1.5 myrun\nq1 Q0 d2 3 0.5 myrun\nq2 Q0 d2 1 0.9 myrun\n"
            + "q2 Q0 d1 2 0.8 myrun\n";
    static final String OTHER_RUN = "q1 Q0 d2 1 2.5 other\nq1 Q0 d1 2 1.5 other\nq1 Q0 d3 3 0.5 other\n"
            + "q2 Q0 d1 1 0.9 other\nq2 Q0 d2 2 0.8 other\n";

    @TestHTTPResource("/")
    URL url;

    @Test
    void scenarioOverEveryTag() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(url.toString().replaceAll("/$", ""));
        // the generated client sends the key the document's apiKey scheme names (header X-API-Key)
        client.setRequestInterceptor(r -> r.header(io.augur.testing.TestKeys.HEADER, io.augur.testing.TestKeys.ADMIN));
        String tag = Long.toString(System.nanoTime(), 36);
        String family = "contract-" + tag;

        // models and benchmarks; a second model with the same name is a 409 problem
        ModelsApi models = new ModelsApi(client);
        Model a = models.createModel(new ModelInput().name(family + "-a").family(family).parameters(1_000_000_000L));
        Model b = models.createModel(new ModelInput().name(family + "-b").family(family).parameters(2_000_000_000L));
        assertEquals(family + "-a", a.getName());
        Problem conflict = problem(client, 409, () -> models.createModel(new ModelInput().name(family + "-a")));
        assertEquals(409, conflict.getStatus());
        BenchmarksApi benchmarks = new BenchmarksApi(client);
        Benchmark arc = benchmarks.createBenchmark(new BenchmarkInput().name(family + "-arc").metric("accuracy")
                .higherIsBetter(true).chanceLevel(0.25));
        Benchmark hs = benchmarks.createBenchmark(new BenchmarkInput().name(family + "-hs").metric("accuracy")
                .higherIsBetter(true).chanceLevel(0.25));

        // evaluations: JSON on one benchmark, CSV on the other, 3 seeds each
        EvaluationsApi evaluations = new EvaluationsApi(client);
        List<EvaluationInput> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("model,benchmark,seed,step,value\n");
        for (int seed = 1; seed <= 3; seed++) {
            rows.add(new EvaluationInput().model(a.getName()).benchmark(arc.getName()).seed((long) seed).value(0.40 + seed / 100.0));
            rows.add(new EvaluationInput().model(b.getName()).benchmark(arc.getName()).seed((long) seed).value(0.50 + seed / 100.0));
            csv.append(a.getName()).append(',').append(hs.getName()).append(',').append(seed).append(",1000,").append(0.60 + seed / 100.0).append('\n');
            csv.append(b.getName()).append(',').append(hs.getName()).append(',').append(seed).append(",1000,").append(0.70 + seed / 100.0).append('\n');
        }
        ImportResult json = evaluations.importEvaluations(rows);
        assertEquals(6, json.getInserted());
        ImportResult fromCsv = evaluations.importEvaluationsCsv(csv.toString());
        assertEquals(6, fromCsv.getInserted());

        // listing with paging: 12 rows in pages of 5
        Set<java.util.UUID> ids = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            EvaluationPage page = evaluations.listEvaluations(null, cursor, family, 5, null, null);
            sizes.add(page.getItems().size());
            page.getItems().forEach(e -> ids.add(e.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertEquals(List.of(5, 5, 2), sizes);
        assertEquals(12, ids.size());

        // forecast: fit and predict a power law with bootstrap intervals, and plot a backtest as SVG
        ForecastsApi forecasts = new ForecastsApi(client);
        List<ForecastPoint> points = powerLawPoints();
        FitResponse fit = forecasts.fitCurve(new FitRequest().form("power-law").points(points)
                .bootstrap(new BootstrapSettings().rounds(50).seed(3L)));
        assertEquals("power-law", fit.getForm());
        PredictResponse predicted = forecasts.predictCurve(new PredictRequest().form("power-law").points(points)
                .bootstrap(new BootstrapSettings().rounds(50).seed(3L)).at(List.of(new ForecastInputAt().x(1e24))));
        ForecastPrediction at = predicted.getPredictions().getFirst();
        assertTrue(at.getValue() < 2.30, "the loss keeps falling past the last point: " + at.getValue());
        assertTrue(at.getConfidence().getLower() <= at.getValue() && at.getValue() <= at.getConfidence().getUpper());
        File plot = forecasts.plotCurve(new BacktestRequest().form("power-law").points(points)
                .holdout(new Holdout().ordersOfMagnitude(1.0)).bootstrap(new BootstrapSettings().rounds(50).seed(3L)));
        String svg = Files.readString(plot.toPath(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), svg.substring(0, Math.min(200, svg.length())));

        // Bradley-Terry from JSON and from CSV with its options in the query: the same ratings
        LeaderboardsApi leaderboards = new LeaderboardsApi(client);
        List<BattleInput> battles = new ArrayList<>();
        StringBuilder battleCsv = new StringBuilder("model_a,model_b,winner\n");
        for (String[] battle : BATTLES) {
            battles.add(new BattleInput().modelA(battle[0]).modelB(battle[1]).outcome(battle[2]));
            battleCsv.append(battle[0]).append(',').append(battle[1]).append(',')
                    .append(battle[2].equals("tie") ? "tie" : "model_" + battle[2]).append('\n');
        }
        LeaderboardResult bt = leaderboards.computeBradleyTerryLeaderboard(new BradleyTerryRequest().battles(battles)
                .bootstrap(new BootstrapSettings().rounds(50).seed(7L)));
        LeaderboardResult btCsv = leaderboards.computeBradleyTerryLeaderboardFromCsv(battleCsv.toString(), null, null,
                null, null, 50, 7L, null);
        assertEquals(3, bt.getEntries().size());
        assertEquals(ratings(bt), ratings(btCsv));
        // the same battles as an uploaded file: the form's fields are the generated method's parameters, in order
        File battleFile = Files.writeString(Files.createTempDirectory("augur-battles").resolve("battles.csv"), battleCsv)
                .toFile();
        LeaderboardResult btFile = leaderboards.computeBradleyTerryLeaderboardFromFile(battleFile, "csv", false, false,
                null, null, null, null, 50, 7L, null);
        assertEquals(ratings(bt), ratings(btFile));
        LeaderboardResult eloFile = leaderboards.computeEloLeaderboardFromFile(battleFile, "csv", false, false, 4.0, 20,
                3L, 0.9);
        assertEquals(3, eloFile.getEntries().size());
        assertEquals(20, eloFile.getBootstrap().getRounds());
        assertEquals(3L, eloFile.getBootstrap().getSeed());
        assertEquals(0.9, eloFile.getBootstrap().getLevel());

        // an arena: append battles twice (the second append repeats three ids), then its leaderboard
        ArenasApi arenas = new ArenasApi(client);
        Arena arena = arenas.createArena(new ArenaInput().name(family + "-arena"));
        List<ArenaBattleInput> first = new ArrayList<>();
        for (int i = 0; i < BATTLES.length; i++) {
            first.add(new ArenaBattleInput().battleId("b-" + i).modelA(BATTLES[i][0]).modelB(BATTLES[i][1]).outcome(BATTLES[i][2]));
        }
        assertEquals(7, arenas.appendArenaBattles(arena.getId(), new AppendBattlesInput().battles(first)).getAdded());
        AppendResult again = arenas.appendArenaBattles(arena.getId(), new AppendBattlesInput().battles(List.of(
                first.get(0), first.get(1), first.get(2),
                new ArenaBattleInput().battleId("b-7").modelA("gpt-4").modelB("claude-2").outcome("b"))));
        assertEquals(1, again.getAdded());
        assertEquals(3, again.getAlreadyKnown());
        LeaderboardResult arenaBoard = arenas.getArenaLeaderboard(arena.getId(), null, null, null, null, 50, 1L, null);
        assertEquals(3, arenaBoard.getEntries().size());
        assertEquals(8L, arenaBoard.getObservations());
        // the battle file into the arena (ids derived with the prefix), then its battles and counts read back as files
        BattleFileResult battleUpload = arenas.appendArenaBattlesFromFile(arena.getId(), battleFile, "csv", false, false,
                "upload");
        assertEquals(7L, battleUpload.getAdded());
        List<String> exported = Files.readAllLines(arenas.getArenaBattles(arena.getId(), "csv").toPath());
        assertEquals("battle_id,model_a,model_b,winner", exported.get(0));
        assertEquals(1 + 8 + 7, exported.size());
        assertTrue(exported.contains("upload:1,gpt-4,claude-2,model_a"), exported::toString);
        assertEquals(1 + 3, Files.readAllLines(arenas.getArenaCounts(arena.getId(), "csv").toPath()).size());

        // score-table aggregates over the stored evaluations: b scores 0.10 above a on both benchmarks
        AggregatesResponse aggregates = new ScoreTablesApi(client).computeScoreTableAggregates(new AggregatesRequest()
                .selection(new ScoreSelection().models(List.of(a.getName(), b.getName()))
                        .benchmarks(List.of(arc.getName(), hs.getName())))
                .bootstrap(new BootstrapSettings().rounds(200).seed(1L)));
        Map<String, Double> means = aggregates.getSystems().stream().collect(Collectors.toMap(s -> s.getSystem(),
                s -> s.getEstimates().stream().filter(e -> e.getAggregate() == AggregateEstimate.AggregateEnum.MEAN)
                        .findFirst().orElseThrow().getValue()));
        // mean over benchmarks and seeds: a = (0.42 + 0.62) / 2 = 0.52, b = 0.62
        assertEquals(0.52, means.get(a.getName()), 1e-9);
        assertEquals(0.62, means.get(b.getName()), 1e-9);

        // rank agreement: one swap among four systems, tau-b = (5 - 1) / 6, rho = 1 - 6 * 2 / (4 * 15)
        RankAgreementResponse agreement = new RankingsApi(client).computeRankAgreement(new RankAgreementRequest()
                .first(Map.of("w", 1.0, "x", 2.0, "y", 3.0, "z", 4.0)).second(Map.of("w", 1.0, "x", 3.0, "y", 2.0, "z", 4.0)));
        assertEquals(4.0 / 6, agreement.getKendallTauB(), 1e-12);
        assertEquals(0.8, agreement.getSpearmanRho(), 1e-12);

        // recommendations at k = 3: precision 1/3 for both users, reciprocal ranks 1 and 1/3
        RecommendationEvaluation recommendations = new RecommendationsApi(client).evaluateRecommendations(
                new RecommendationEvaluationRequest().k(3).bootstrap(new BootstrapSettings().seed(1L).rounds(100))
                        .lists(List.of(new UserRecommendationList().user("u1").items(List.of("i1", "i2", "i3")),
                                new UserRecommendationList().user("u2").items(List.of("i2", "i3", "i1"))))
                        .relevance(Map.of("u1", Map.of("i1", 1.0), "u2", Map.of("i1", 1.0))));
        assertEquals(1.0 / 3, recommendations.getPrecision().getEstimate(), 1e-12);
        assertEquals(2.0 / 3, recommendations.getMrr().getEstimate(), 1e-12);

        // retrieval: uploads (JSON and trec_eval text), the JSON body, and a comparison of two uploaded runs.
        // map: q1 ranks both relevant documents first (AP 1), q2 its one relevant document second (AP 1/2)
        RetrievalApi retrieval = new RetrievalApi(client);
        Path dir = Files.createTempDirectory("augur-contract");
        File qrels = Files.writeString(dir.resolve("qrels.txt"), QRELS).toFile();
        File run = Files.writeString(dir.resolve("run.txt"), RUN).toFile();
        File other = Files.writeString(dir.resolve("other.txt"), OTHER_RUN).toFile();
        TrecEvaluation uploaded = retrieval.evaluateRetrievalUpload(qrels, run, "map P.1", null, null, null, null, null,
                null, null);
        assertEquals(0.75, uploaded.getSummary().get("map").doubleValue(), 1e-12);
        assertEquals(0.5, uploaded.getSummary().get("P_1").doubleValue(), 1e-12);
        String text = retrieval.evaluateRetrievalUploadAsText(qrels, run, "map", null, null, null, null, null, null, null);
        assertTrue(text.lines().anyMatch(l -> l.matches("map\\s+\\tall\\t0\\.7500")), text);
        TrecEvaluation fromJson = retrieval.evaluateRetrievalRun(new TrecEvaluationRequest().qrels(QRELS).run(RUN)
                .measures(List.of("map")));
        assertEquals(0.75, fromJson.getSummary().get("map").doubleValue(), 1e-12);
        RunComparison comparison = retrieval.compareRetrievalUploads(qrels, List.of(run, other), "map", null, null,
                null, null, null, null, 5L, null, null, null, null, null);
        assertEquals(List.of("myrun", "other"), comparison.getRuns());
        assertEquals(1, comparison.getMeasures().getFirst().getComparisons().size());

        // item-level results: a long CSV upload of both models on ARC (6 items), listed, read back by the error bars
        // of a stored selection (equal to the mean of the uploaded scores), exported and deleted
        ItemResultsApi items = new ItemResultsApi(client);
        StringBuilder itemCsv = new StringBuilder("model,benchmark,item,score\n");
        double[][] itemScores = { { 1, 0, 1, 1, 0, 1 }, { 1, 1, 1, 0, 1, 1 } };
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 6; i++) {
                itemCsv.append(m == 0 ? a.getName() : b.getName()).append(',').append(arc.getName()).append(",q")
                        .append(i).append(',').append(itemScores[m][i]).append('\n');
            }
        }
        ItemResultsImport imported = items.importItemResultsFromFile(
                Files.writeString(dir.resolve("items.csv"), itemCsv).toFile(), "csv", false);
        assertEquals(12L, imported.getCells().longValue());
        assertEquals(2, imported.getSeries().intValue());
        List<ItemResultsBenchmark> stored = items.listItemResults(arc.getName());
        assertEquals(1, stored.size());
        assertEquals(6, stored.getFirst().getItems().intValue());
        ErrorBarsResult bars = new ReliabilityApi(client).computeErrorBars(new ErrorBarsRequest()
                .stored(new StoredItemSelection().benchmark(arc.getName()).models(List.of(a.getName()))));
        assertEquals(6, bars.getItems().intValue());
        assertEquals(4.0 / 6, bars.getScore().doubleValue(), 1e-12);
        assertEquals(6, bars.getSelection().getItemsUsed().intValue());
        // exports are files to a generated client (a CSV body is not JSON): header and 12 cells
        assertEquals(13, Files.readAllLines(items.getItemResultExport(arc.getName(), "csv", null).toPath()).size());
        assertEquals(7, Files.readAllLines(evaluations.getEvaluationExport(List.of(arc.getName()), null, "csv", null, null)
                .toPath()).size(), "header and the 6 ARC evaluations");
        assertEquals(2, items.deleteItemResults(arc.getName(), null).getSeries().intValue());

        // access: a reader key made through the client reads its workspace, is refused a write (403) and, once
        // revoked, everything (401), each a problem
        KeysApi keys = new KeysApi(client);
        NewApiKey reader = keys.createKey(new ApiKeyInput().name("contract reader " + tag)
                .role(ApiKeyInput.RoleEnum.READER));
        assertEquals(ApiKey.RoleEnum.READER, reader.getApiKey().getRole());
        assertTrue(reader.getKey().startsWith(reader.getApiKey().getPrefix()), reader.getApiKey().getPrefix());
        ApiClient asReader = new ApiClient();
        asReader.updateBaseUri(client.getBaseUri());
        asReader.setRequestInterceptor(r -> r.header(io.augur.testing.TestKeys.HEADER, reader.getKey()));
        WorkspacesApi readersWorkspaces = new WorkspacesApi(asReader);
        assertEquals(new WorkspacesApi(client).getCurrentWorkspace().getId(),
                readersWorkspaces.getCurrentWorkspace().getId());
        problem(asReader, 403, () -> new ModelsApi(asReader).createModel(new ModelInput().name(family + "-by-reader")));
        assertTrue(keys.listKeys(null, 1000).getItems().stream()
                .anyMatch(k -> k.getId().equals(reader.getApiKey().getId())));
        keys.revokeKey(reader.getApiKey().getId());
        assertNotNull(keys.getKey(reader.getApiKey().getId()).getRevokedAt());
        problem(asReader, 401, readersWorkspaces::getCurrentWorkspace);

        // a 404 read as a problem, and deletes
        Evaluation some = evaluations.getEvaluation(ids.iterator().next());
        evaluations.deleteEvaluation(some.getId());
        Problem gone = problem(client, 404, () -> evaluations.getEvaluation(some.getId()));
        assertEquals("/problems/not-found", gone.getType());
        arenas.deleteArena(arena.getId());
        assertNull(problem(client, 404, () -> arenas.getArena(arena.getId())).getField());
    }

    /** Seven points of a falling loss (the forecast examples). */
    static List<ForecastPoint> powerLawPoints() {
        double[][] xy = { { 1e17, 4.21 }, { 1e18, 3.62 }, { 1e19, 3.12 }, { 1e20, 2.78 }, { 1e21, 2.55 }, { 1e22, 2.40 },
                { 1e23, 2.30 } };
        List<ForecastPoint> points = new ArrayList<>();
        for (double[] p : xy) {
            points.add(new ForecastPoint().x(p[0]).y(p[1]));
        }
        return points;
    }

    private static Map<String, Double> ratings(LeaderboardResult r) {
        return r.getEntries().stream().collect(Collectors.toMap(LeaderboardEntry::getModel, LeaderboardEntry::getRating));
    }

    /** The call fails with the status, answered as application/problem+json, read as the client's Problem. */
    private static Problem problem(ApiClient client, int status, Executable call) throws Exception {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(status, e.getCode(), e::getResponseBody);
        assertEquals("application/problem+json", e.getResponseHeaders().firstValue("Content-Type").orElseThrow());
        Problem p = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals(status, p.getStatus());
        assertNotNull(p.getDetail());
        return p;
    }
}
