"""The contract scenario of JavaClientContractTest, through the Python client generated from Augur's
OpenAPI document (openapi-generator -g python). Run by src/test/clients/run.sh against a running Augur:
    PYTHONPATH=<generated client> python3 scenario.py http://127.0.0.1:PORT
Prints '<n> passed, 0 failed' when every step passed; exits non-zero at the first failure."""
import json
import math
import re
import sys
import time

import augur_client as ac
from augur_client.exceptions import ApiException

BATTLES = [("gpt-4", "claude-2", "a"), ("claude-2", "llama-2-70b", "a"), ("llama-2-70b", "gpt-4", "tie"),
           ("gpt-4", "llama-2-70b", "a"), ("claude-2", "gpt-4", "a"), ("llama-2-70b", "claude-2", "b"),
           ("llama-2-70b", "claude-2", "a")]
QRELS = "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 1\n"
RUN = "q1 Q0 d3 1 2.5 myrun\nq1 Q0 d1 2 1.5 myrun\nq1 Q0 d2 3 0.5 myrun\nq2 Q0 d2 1 0.9 myrun\nq2 Q0 d1 2 0.8 myrun\n"
OTHER_RUN = "q1 Q0 d2 1 2.5 other\nq1 Q0 d1 2 1.5 other\nq1 Q0 d3 3 0.5 other\nq2 Q0 d1 1 0.9 other\nq2 Q0 d2 2 0.8 other\n"
POINTS = [(1e17, 4.21), (1e18, 3.62), (1e19, 3.12), (1e20, 2.78), (1e21, 2.55), (1e22, 2.40), (1e23, 2.30)]

checks = 0


def check(condition, what):
    global checks
    if not condition:
        raise AssertionError(what)
    checks += 1


def problem(status, call):
    """The call fails with the status, answered as application/problem+json, read as the client's Problem."""
    try:
        call()
    except ApiException as e:
        check(e.status == status, f"expected {status}, got {e.status}: {e.body}")
        check(e.headers["Content-Type"] == "application/problem+json", e.headers["Content-Type"])
        p = ac.Problem.from_json(e.body)
        check(p.status == status and p.detail, p)
        return p
    raise AssertionError(f"expected a {status} problem")


def main(base, key):
    # the document's apiKey scheme: the generated client sends the key as X-API-Key
    client = ac.ApiClient(ac.Configuration(host=base, api_key={"apiKey": key}))
    family = "contract-py-" + format(time.time_ns(), "x")

    models = ac.ModelsApi(client)
    a = models.create_model(ac.ModelInput(name=family + "-a", family=family, parameters=1_000_000_000))
    b = models.create_model(ac.ModelInput(name=family + "-b", family=family, parameters=2_000_000_000))
    check(a.name == family + "-a", a)
    problem(409, lambda: models.create_model(ac.ModelInput(name=family + "-a")))
    benchmarks = ac.BenchmarksApi(client)
    arc = benchmarks.create_benchmark(ac.BenchmarkInput(name=family + "-arc", metric="accuracy", higher_is_better=True,
                                                        chance_level=0.25))
    hs = benchmarks.create_benchmark(ac.BenchmarkInput(name=family + "-hs", metric="accuracy", higher_is_better=True,
                                                       chance_level=0.25))

    evaluations = ac.EvaluationsApi(client)
    rows, csv = [], "model,benchmark,seed,step,value\n"
    for seed in (1, 2, 3):
        rows.append(ac.EvaluationInput(model=a.name, benchmark=arc.name, seed=seed, value=0.40 + seed / 100))
        rows.append(ac.EvaluationInput(model=b.name, benchmark=arc.name, seed=seed, value=0.50 + seed / 100))
        csv += f"{a.name},{hs.name},{seed},1000,{0.60 + seed / 100}\n{b.name},{hs.name},{seed},1000,{0.70 + seed / 100}\n"
    check(evaluations.import_evaluations(rows).inserted == 6, "JSON import")
    check(evaluations.import_evaluations_csv(csv).inserted == 6, "CSV import")

    ids, sizes, cursor = set(), [], None
    while True:
        page = evaluations.list_evaluations(family=family, limit=5, cursor=cursor)
        sizes.append(len(page.items))
        ids.update(e.id for e in page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    check(sizes == [5, 5, 2] and len(ids) == 12, sizes)

    forecasts = ac.ForecastsApi(client)
    points = [ac.ForecastPoint(x=x, y=y) for x, y in POINTS]
    boot = ac.BootstrapSettings(rounds=50, seed=3)
    fit = forecasts.fit_curve(ac.FitRequest(form="power-law", points=points, bootstrap=boot))
    check(fit.form == "power-law", fit.form)
    predicted = forecasts.predict_curve(ac.PredictRequest(form="power-law", points=points, bootstrap=boot,
                                                          at=[ac.ForecastInputAt(x=1e24)]))
    at = predicted.predictions[0]
    check(at.value < 2.30 and at.confidence.lower <= at.value <= at.confidence.upper, at)
    svg = bytes(forecasts.plot_curve(ac.BacktestRequest(form="power-law", points=points, bootstrap=boot,
                                                         holdout=ac.Holdout(orders_of_magnitude=1)))).decode("utf-8")
    check("<svg" in svg and svg.strip().endswith("</svg>"), svg[:200])

    leaderboards = ac.LeaderboardsApi(client)
    battles = [ac.BattleInput(model_a=x, model_b=y, outcome=o) for x, y, o in BATTLES]
    battle_csv = "model_a,model_b,winner\n" + "".join(
        f"{x},{y},{'tie' if o == 'tie' else 'model_' + o}\n" for x, y, o in BATTLES)
    bt = leaderboards.compute_bradley_terry_leaderboard(ac.BradleyTerryRequest(
        battles=battles, bootstrap=ac.BootstrapSettings(rounds=50, seed=7)))
    bt_csv = leaderboards.compute_bradley_terry_leaderboard_from_csv(battle_csv, rounds=50, seed=7)
    check(len(bt.entries) == 3, bt.entries)
    check({e.model: e.rating for e in bt.entries} == {e.model: e.rating for e in bt_csv.entries}, "JSON = CSV")

    arenas = ac.ArenasApi(client)
    arena = arenas.create_arena(ac.ArenaInput(name=family + "-arena"))
    first = [ac.ArenaBattleInput(battle_id=f"b-{i}", model_a=x, model_b=y, outcome=o) for i, (x, y, o) in enumerate(BATTLES)]
    check(arenas.append_arena_battles(arena.id, ac.AppendBattlesInput(battles=first)).added == 7, "first append")
    again = arenas.append_arena_battles(arena.id, ac.AppendBattlesInput(battles=first[:3] + [
        ac.ArenaBattleInput(battle_id="b-7", model_a="gpt-4", model_b="claude-2", outcome="b")]))
    check(again.added == 1 and again.already_known == 3, again)
    board = arenas.get_arena_leaderboard(arena.id, rounds=50, seed=1)
    check(len(board.entries) == 3 and board.observations == 8, board)

    aggregates = ac.ScoreTablesApi(client).compute_score_table_aggregates(ac.AggregatesRequest(
        selection=ac.ScoreSelection(models=[a.name, b.name], benchmarks=[arc.name, hs.name]),
        bootstrap=ac.BootstrapSettings(rounds=200, seed=1)))
    means = {s.system: next(e.value for e in s.estimates if e.aggregate == "mean") for s in aggregates.systems}
    # mean over benchmarks and seeds: a = (0.42 + 0.62) / 2, b = (0.52 + 0.72) / 2
    check(math.isclose(means[a.name], 0.52, abs_tol=1e-9) and math.isclose(means[b.name], 0.62, abs_tol=1e-9), means)

    agreement = ac.RankingsApi(client).compute_rank_agreement(ac.RankAgreementRequest(
        first={"w": 1, "x": 2, "y": 3, "z": 4}, second={"w": 1, "x": 3, "y": 2, "z": 4}))
    check(math.isclose(agreement.kendall_tau_b, 4 / 6) and math.isclose(agreement.spearman_rho, 0.8), agreement)

    rec = ac.RecommendationsApi(client).evaluate_recommendations(ac.RecommendationEvaluationRequest(
        k=3, bootstrap=ac.BootstrapSettings(seed=1, rounds=100),
        lists=[ac.UserRecommendationList(user="u1", items=["i1", "i2", "i3"]),
               ac.UserRecommendationList(user="u2", items=["i2", "i3", "i1"])],
        relevance={"u1": {"i1": 1}, "u2": {"i1": 1}}))
    check(math.isclose(rec.precision.estimate, 1 / 3) and math.isclose(rec.mrr.estimate, 2 / 3), rec)

    retrieval = ac.RetrievalApi(client)
    qrels, run, other = ("qrels.txt", QRELS.encode()), ("run.txt", RUN.encode()), ("other.txt", OTHER_RUN.encode())
    uploaded = retrieval.evaluate_retrieval_upload(qrels, run, measures="map P.1")
    check(math.isclose(uploaded.summary["map"], 0.75) and math.isclose(uploaded.summary["P_1"], 0.5), uploaded.summary)
    text = retrieval.evaluate_retrieval_upload_as_text(qrels, run, measures="map")
    check(any(re.fullmatch(r"map\s+\tall\t0\.7500", line) for line in text.splitlines()), text)
    from_json = retrieval.evaluate_retrieval_run(ac.TrecEvaluationRequest(qrels=QRELS, run=RUN, measures=["map"]))
    check(math.isclose(from_json.summary["map"], 0.75), from_json.summary)
    comparison = retrieval.compare_retrieval_uploads(qrels, [run, other], measures="map", seed=5)
    check(comparison.runs == ["myrun", "other"] and len(comparison.measures[0].comparisons) == 1, comparison.runs)

    # access: a reader key made through the client reads its workspace, is refused a write (403) and, once
    # revoked, everything (401), each a problem
    keys = ac.KeysApi(client)
    reader = keys.create_key(ac.ApiKeyInput(name="contract reader " + family, role="reader"))
    check(reader.api_key.role == "reader" and reader.key.startswith(reader.api_key.prefix), reader.api_key)
    as_reader = ac.ApiClient(ac.Configuration(host=base, api_key={"apiKey": reader.key}))
    readers_workspaces = ac.WorkspacesApi(as_reader)
    check(readers_workspaces.get_current_workspace().id == ac.WorkspacesApi(client).get_current_workspace().id,
          "the reader's workspace")
    problem(403, lambda: ac.ModelsApi(as_reader).create_model(ac.ModelInput(name=family + "-by-reader")))
    check(any(k.id == reader.api_key.id for k in keys.list_keys(limit=1000).items), "the key is listed")
    keys.revoke_key(reader.api_key.id)
    check(keys.get_key(reader.api_key.id).revoked_at is not None, "revokedAt")
    problem(401, readers_workspaces.get_current_workspace)

    some = evaluations.get_evaluation(min(ids))
    evaluations.delete_evaluation(some.id)
    check(problem(404, lambda: evaluations.get_evaluation(some.id)).type == "/problems/not-found", "404 type")
    arenas.delete_arena(arena.id)
    problem(404, lambda: arenas.get_arena(arena.id))


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as e:  # report the failing step and count it
        print(f"python client scenario failed: {type(e).__name__}: {e}", file=sys.stderr)
        print(f"python: {checks} passed, 1 failed")
        raise SystemExit(1)
    print(f"python: {checks} passed, 0 failed")
