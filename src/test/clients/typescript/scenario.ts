// The contract scenario of JavaClientContractTest, through the TypeScript client generated from Augur's
// OpenAPI document (openapi-generator -g typescript-fetch into ./client), run with Node.js by
// src/test/clients/run.sh: node dist/scenario.js http://127.0.0.1:PORT
// Prints '<n> passed, 0 failed' when every step passed; exits non-zero at the first failure.
import * as ac from "./client";

declare const process: { argv: string[]; exitCode?: number };

const BATTLES: [string, string, string][] = [["gpt-4", "claude-2", "a"], ["claude-2", "llama-2-70b", "a"],
    ["llama-2-70b", "gpt-4", "tie"], ["gpt-4", "llama-2-70b", "a"], ["claude-2", "gpt-4", "a"],
    ["llama-2-70b", "claude-2", "b"], ["llama-2-70b", "claude-2", "a"]];
const QRELS = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 1\n";
const RUN = "q1 Q0 d3 1 2.5 myrun\nq1 Q0 d1 2 1.5 myrun\nq1 Q0 d2 3 0.5 myrun\nq2 Q0 d2 1 0.9 myrun\nq2 Q0 d1 2 0.8 myrun\n";
const OTHER_RUN = "q1 Q0 d2 1 2.5 other\nq1 Q0 d1 2 1.5 other\nq1 Q0 d3 3 0.5 other\nq2 Q0 d1 1 0.9 other\nq2 Q0 d2 2 0.8 other\n";
const POINTS: [number, number][] = [[1e17, 4.21], [1e18, 3.62], [1e19, 3.12], [1e20, 2.78], [1e21, 2.55], [1e22, 2.40], [1e23, 2.30]];

let checks = 0;

function check(condition: boolean, what: unknown): void {
    if (!condition) {
        throw new Error(typeof what === "string" ? what : JSON.stringify(what));
    }
    checks++;
}

function close(a: number | undefined, b: number, tolerance = 1e-9): boolean {
    return a !== undefined && Math.abs(a - b) <= tolerance;
}

/** The call fails with the status, answered as application/problem+json, read as the client's Problem. */
async function problem(status: number, call: () => Promise<unknown>): Promise<ac.Problem> {
    try {
        await call();
    } catch (e) {
        check(e instanceof ac.ResponseError, `expected a ResponseError, got ${e}`);
        const response = (e as ac.ResponseError).response;
        check(response.status === status, `expected ${status}, got ${response.status}`);
        check(response.headers.get("Content-Type") === "application/problem+json", response.headers.get("Content-Type"));
        const p = ac.ProblemFromJSON(await response.json());
        check(p.status === status && !!p.detail, p);
        return p;
    }
    throw new Error(`expected a ${status} problem`);
}

async function main(base: string, key: string): Promise<void> {
    // the document's apiKey scheme: the generated client sends the key as X-API-Key
    const config = new ac.Configuration({ basePath: base, apiKey: key });
    const family = "contract-ts-" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);

    const models = new ac.ModelsApi(config);
    const a = await models.createModel({ modelInput: { name: family + "-a", family, parameters: 1e9 } });
    const b = await models.createModel({ modelInput: { name: family + "-b", family, parameters: 2e9 } });
    check(a.name === family + "-a", a);
    await problem(409, () => models.createModel({ modelInput: { name: family + "-a" } }));
    const benchmarks = new ac.BenchmarksApi(config);
    const arc = await benchmarks.createBenchmark({ benchmarkInput: { name: family + "-arc", metric: "accuracy", higherIsBetter: true, chanceLevel: 0.25 } });
    const hs = await benchmarks.createBenchmark({ benchmarkInput: { name: family + "-hs", metric: "accuracy", higherIsBetter: true, chanceLevel: 0.25 } });

    const evaluations = new ac.EvaluationsApi(config);
    const rows: ac.EvaluationInput[] = [];
    let csv = "model,benchmark,seed,step,value\n";
    for (const seed of [1, 2, 3]) {
        rows.push({ model: a.name!, benchmark: arc.name!, seed, value: 0.40 + seed / 100 });
        rows.push({ model: b.name!, benchmark: arc.name!, seed, value: 0.50 + seed / 100 });
        csv += `${a.name},${hs.name},${seed},1000,${0.60 + seed / 100}\n${b.name},${hs.name},${seed},1000,${0.70 + seed / 100}\n`;
    }
    check((await evaluations.importEvaluations({ evaluationInput: rows })).inserted === 6, "JSON import");
    check((await evaluations.importEvaluationsCsv({ body: csv })).inserted === 6, "CSV import");

    const ids = new Set<string>();
    const sizes: number[] = [];
    let cursor: string | undefined = undefined;
    do {
        const page: ac.EvaluationPage = await evaluations.listEvaluations({ family, limit: 5, cursor });
        sizes.push(page.items.length);
        page.items.forEach(e => ids.add(e.id));
        cursor = page.nextCursor;
    } while (cursor !== undefined && cursor !== null);
    check(JSON.stringify(sizes) === "[5,5,2]" && ids.size === 12, sizes);

    const forecasts = new ac.ForecastsApi(config);
    const points = POINTS.map(([x, y]) => ({ x, y }));
    const bootstrap = { rounds: 50, seed: 3 };
    const fit = await forecasts.fitCurve({ fitRequest: { form: "power-law", points, bootstrap } });
    check(fit.form === "power-law", fit.form);
    const predicted = await forecasts.predictCurve({ predictRequest: { form: "power-law", points, bootstrap, at: [{ x: 1e24 }] } });
    const at = predicted.predictions![0];
    check(at.value! < 2.30 && at.confidence!.lower! <= at.value! && at.value! <= at.confidence!.upper!, at);
    const svg = await (await forecasts.plotCurve({ backtestRequest: { form: "power-law", points, bootstrap, holdout: { ordersOfMagnitude: 1 } } })).text();
    check(svg.includes("<svg") && svg.trim().endsWith("</svg>"), svg.slice(0, 200));

    const leaderboards = new ac.LeaderboardsApi(config);
    const battles = BATTLES.map(([modelA, modelB, outcome]) => ({ modelA, modelB, outcome }));
    const battleCsv = "model_a,model_b,winner\n" + BATTLES.map(([x, y, o]) => `${x},${y},${o === "tie" ? "tie" : "model_" + o}\n`).join("");
    const bt = await leaderboards.computeBradleyTerryLeaderboard({ bradleyTerryRequest: { battles, bootstrap: { rounds: 50, seed: 7 } } });
    const btCsv = await leaderboards.computeBradleyTerryLeaderboardFromCsv({ body: battleCsv, rounds: 50, seed: 7 });
    const ratings = (r: ac.LeaderboardResult) => JSON.stringify(Object.fromEntries((r.entries ?? []).map(e => [e.model, e.rating]).sort()));
    check(bt.entries!.length === 3 && ratings(bt) === ratings(btCsv), "JSON and CSV Bradley-Terry agree");

    const arenas = new ac.ArenasApi(config);
    const arena = await arenas.createArena({ arenaInput: { name: family + "-arena" } });
    const first = BATTLES.map(([modelA, modelB, outcome], i) => ({ battleId: `b-${i}`, modelA, modelB, outcome }));
    check((await arenas.appendArenaBattles({ id: arena.id, appendBattlesInput: { battles: first } })).added === 7, "first append");
    const again = await arenas.appendArenaBattles({ id: arena.id, appendBattlesInput: { battles: [...first.slice(0, 3),
        { battleId: "b-7", modelA: "gpt-4", modelB: "claude-2", outcome: "b" }] } });
    check(again.added === 1 && again.alreadyKnown === 3, again);
    const board = await arenas.getArenaLeaderboard({ id: arena.id, rounds: 50, seed: 1 });
    check(board.entries!.length === 3 && board.observations === 8, board);

    const aggregates = await new ac.ScoreTablesApi(config).computeScoreTableAggregates({ aggregatesRequest: {
        selection: { models: [a.name!, b.name!], benchmarks: [arc.name!, hs.name!] }, bootstrap: { rounds: 200, seed: 1 } } });
    const mean = (system: string) => aggregates.systems!.find(s => s.system === system)!.estimates!.find(e => e.aggregate === "mean")!.value;
    // mean over benchmarks and seeds: a = (0.42 + 0.62) / 2, b = (0.52 + 0.72) / 2
    check(close(mean(a.name!), 0.52) && close(mean(b.name!), 0.62), "score-table means");

    const agreement = await new ac.RankingsApi(config).computeRankAgreement({ rankAgreementRequest: {
        first: { w: 1, x: 2, y: 3, z: 4 }, second: { w: 1, x: 3, y: 2, z: 4 } } });
    check(close(agreement.kendallTauB, 4 / 6) && close(agreement.spearmanRho, 0.8), agreement);

    const rec = await new ac.RecommendationsApi(config).evaluateRecommendations({ recommendationEvaluationRequest: {
        k: 3, bootstrap: { seed: 1, rounds: 100 },
        lists: [{ user: "u1", items: ["i1", "i2", "i3"] }, { user: "u2", items: ["i2", "i3", "i1"] }],
        relevance: { u1: { i1: 1 }, u2: { i1: 1 } } } });
    check(close(rec.precision!.estimate, 1 / 3) && close(rec.mrr!.estimate, 2 / 3), rec);

    const retrieval = new ac.RetrievalApi(config);
    const qrels = new Blob([QRELS]), run = new Blob([RUN]), other = new Blob([OTHER_RUN]);
    const uploaded = await retrieval.evaluateRetrievalUpload({ qrels, run, measures: "map P.1" });
    check(close(uploaded.summary!["map"], 0.75) && close(uploaded.summary!["P_1"], 0.5), uploaded.summary);
    const text = await retrieval.evaluateRetrievalUploadAsText({ qrels, run, measures: "map" });
    check(text.split("\n").some(line => /^map\s+\tall\t0\.7500$/.test(line)), text);
    const fromJson = await retrieval.evaluateRetrievalRun({ trecEvaluationRequest: { qrels: QRELS, run: RUN, measures: ["map"] } });
    check(close(fromJson.summary!["map"], 0.75), fromJson.summary);
    const comparison = await retrieval.compareRetrievalUploads({ qrels, run: [run, other], measures: "map", seed: 5 });
    check(JSON.stringify(comparison.runs) === '["myrun","other"]' && comparison.measures![0].comparisons!.length === 1, comparison.runs);

    // access: a reader key made through the client reads its workspace, is refused a write (403) and, once
    // revoked, everything (401), each a problem
    const keys = new ac.KeysApi(config);
    const reader = await keys.createKey({ apiKeyInput: { name: "contract reader " + family, role: "reader" } });
    check(reader.apiKey.role === "reader" && reader.key.startsWith(reader.apiKey.prefix), reader.apiKey);
    const asReader = new ac.Configuration({ basePath: base, apiKey: reader.key });
    const readersWorkspaces = new ac.WorkspacesApi(asReader);
    check((await readersWorkspaces.getCurrentWorkspace()).id === (await new ac.WorkspacesApi(config).getCurrentWorkspace()).id,
        "the reader's workspace");
    await problem(403, () => new ac.ModelsApi(asReader).createModel({ modelInput: { name: family + "-by-reader" } }));
    check((await keys.listKeys({ limit: 1000 })).items.some(k => k.id === reader.apiKey.id), "the key is listed");
    await keys.revokeKey({ id: reader.apiKey.id });
    check((await keys.getKey({ id: reader.apiKey.id })).revokedAt !== undefined, "revokedAt");
    await problem(401, () => readersWorkspaces.getCurrentWorkspace());

    const some = await evaluations.getEvaluation({ id: [...ids].sort()[0] });
    await evaluations.deleteEvaluation({ id: some.id });
    check((await problem(404, () => evaluations.getEvaluation({ id: some.id }))).type === "/problems/not-found", "404 type");
    await arenas.deleteArena({ id: arena.id });
    await problem(404, () => arenas.getArena({ id: arena.id }));
}

main(process.argv[2], process.argv[3]).then(
    () => console.log(`typescript: ${checks} passed, 0 failed`),
    e => {
        console.error(`typescript client scenario failed: ${e instanceof Error ? e.stack : e}`);
        console.log(`typescript: ${checks} passed, 1 failed`);
        process.exitCode = 1;
    });
