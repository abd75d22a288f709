"""Reference for HorizonReferenceTest: METR's per-agent logistic fits and hierarchical bootstrap,
re-implemented with numpy/scipy (sklearn is not installed here) to give the same numbers as
METR eval-analysis-public src/horizon/utils/logistic.py + wrangle/bootstrap.py:
LogisticRegression(C=1/0.1) (lbfgs: l2 penalty 0.5*slope^2, intercept unpenalised) on
x = log2(human_minutes), y = score_binarized, sample_weight = invsqrt_task_weight (sums to 1 per
agent in the file; bootstrap samples are not renormalised); p = 2^((logit(q) - intercept)/slope);
bootstrap: families, then tasks within each family copy, then runs within task x agent, with
np.random.default_rng(42 + i) per round; CI = nanquantile 0.025 / 0.975.
Run: python3 src/test/python/metr_horizons.py ../shared/data/horizon/metr_runs_2025-01-22.jsonl [rounds]
"""
import json, sys
import numpy as np
from scipy.optimize import minimize

C = 1 / 0.1
BASE = int(sys.argv[3]) if len(sys.argv) > 3 else 42

def fit(x, y, w):
    def f(p):
        b, a = p  # intercept, slope
        z = a * x + b
        loss = np.sum(w * (np.logaddexp(0, z) - y * z))
        return C * loss + 0.5 * a * a
    def g(p):
        b, a = p
        z = a * x + b
        r = w * (1 / (1 + np.exp(-z)) - y)
        return np.array([C * r.sum(), C * (r * x).sum() + a])
    res = minimize(f, np.zeros(2), jac=g, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
    return res.x

def horizon(b, a, q):
    return 2 ** ((np.log(q / (1 - q)) - b) / a)

def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    agents = sorted(set(r["alias"] for r in rows))
    fam = np.array([r["task_family"] for r in rows]); task = np.array([r["task_id"] for r in rows])
    agent = np.array([r["alias"] for r in rows])
    x = np.log2(np.array([r["human_minutes"] for r in rows], float))
    y = np.array([r["score_binarized"] for r in rows], float)
    w = np.array([r["invsqrt_task_weight"] for r in rows], float)
    for ag in agents:
        m = agent == ag
        if np.all(y[m] == 0) or np.all(y[m] == 1):
            print(f"POINT\t{ag}\tdegenerate"); continue
        b, a = fit(x[m], y[m], w[m])
        print(f"POINT\t{ag}\tslope={a:.10f}\tintercept={b:.10f}\tp50={horizon(b,a,0.5):.8f}\tp80={horizon(b,a,0.8):.8f}")
    if rounds == 0:
        return
    boot = {ag: [] for ag in agents}
    boot80 = {ag: [] for ag in agents}
    for i in range(rounds):
        rng = np.random.default_rng(BASE + i)
        idx = np.arange(len(rows)); split = np.zeros(len(rows), int); nid = 0
        for level, arr in enumerate([fam, task]):
            new_idx = []; new_split = []
            for gid in np.unique(split):
                gi = idx[split == gid]
                vals, inv = np.unique(arr[gi], return_inverse=True)
                s = rng.choice(len(vals), size=len(vals), replace=True)
                for j, v in enumerate(s):
                    si = gi[inv == v]; new_idx.append(si)
                    new_split.append(np.full(len(si), nid + j))
                nid += len(vals)
            idx = np.concatenate(new_idx); split = np.concatenate(new_split)
        ta = np.char.add(np.char.add(task.astype(str), "|||"), agent.astype(str))[idx]
        u, tai, counts = np.unique(ta, return_inverse=True, return_counts=True)
        rnd = rng.random(len(idx)); offs = np.cumsum([0] + list(counts)[:-1])
        idx = np.concatenate([idx[tai == j][(rnd[o:o + c] * c).astype(np.int64)] for j, (c, o) in enumerate(zip(counts, offs))])
        for ag in agents:
            m = idx[agent[idx] == ag]
            if len(np.unique(y[m])) < 2:
                continue
            b, a = fit(x[m], y[m], w[m])
            boot[ag].append(horizon(b, a, 0.5)); boot80[ag].append(horizon(b, a, 0.8))
    for ag in agents:
        if boot[ag]:
            lo, hi = np.nanquantile(boot[ag], [0.025, 0.975]); lo8, hi8 = np.nanquantile(boot80[ag], [0.025, 0.975])
            q = np.nanquantile(boot[ag], [0.1, 0.25, 0.5, 0.75, 0.9]); print(f"QUANT\t{ag}\t" + " ".join(f"{v:.4f}" for v in q))
            print(f"BOOT\t{ag}\tn={len(boot[ag])}\tp50_ci=[{lo:.6f}, {hi:.6f}]\tp80_ci=[{lo8:.6f}, {hi8:.6f}]")

main()
