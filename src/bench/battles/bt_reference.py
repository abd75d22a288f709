"""FastChat-method Bradley-Terry with a multinomial bootstrap: the reference of the bulk-upload benchmark.

python3 bt_reference.py BATTLES.csv [ROUNDS=100]
Follows FastChat's fastchat/serve/monitor/rating_systems.py (compute_bt / compute_bootstrap_bt): read the
battles (pandas when installed, else plain Python + numpy), merge rows by (model_a, model_b, outcome), fit
the Bradley-Terry log-likelihood with ties as half a win by scipy's L-BFGS-B, then ROUNDS multinomial
bootstrap rounds over the merged rows (np.random.multinomial), each refitted. Prints the wall time of each
step and the top of the leaderboard (ratings 400 log10 + 1000 scale, centred like FastChat's: scale 400,
base 10, init 1000; centred at 1000 like Augur's default).
"""
import sys
import time
import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

t0 = time.perf_counter()
path = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 100
try:
    import pandas as pd
    df = pd.read_csv(path)
    a_names, b_names, winners = df["model_a"].to_numpy(), df["model_b"].to_numpy(), df["winner"].to_numpy()
    reader = "pandas"
except ImportError:
    # numpy only: one split of the whole file in C, then columns as arrays of bytes
    with open(path, "rb") as f:
        header = f.readline().decode().strip().split(",")
        data = f.read()
    fields = np.array(data.replace(b"\n", b",").split(b","))
    if len(fields) % len(header) == 1 and fields[-1] == b"":
        fields = fields[:-1]
    table = fields.reshape(-1, len(header))
    a_names = table[:, header.index("model_a")]
    b_names = table[:, header.index("model_b")]
    winners = table[:, header.index("winner")]
    del fields, table, data
    reader = "numpy"
t_read = time.perf_counter()

# model indices by hashing (a dict over the names), as pandas' factorize does
lut = {}
a_idx = np.fromiter((lut.setdefault(x, len(lut)) for x in a_names.tolist()), dtype=np.int64, count=len(a_names))
b_idx = np.fromiter((lut.setdefault(x, len(lut)) for x in b_names.tolist()), dtype=np.int64, count=len(b_names))
models = np.array(list(lut.keys()))
n = len(a_names)
w = np.asarray(winners).astype("S")
outcome = np.where(w == b"model_a", 1.0, np.where(w == b"model_b", 0.0, 0.5))
# merge rows by (a, b, outcome), FastChat's preprocess_for_bt
key = (a_idx.astype(np.int64) * len(models) + b_idx) * 3 + (outcome * 2).astype(np.int64)
uniq, counts = np.unique(key, return_counts=True)
matchups = np.stack([(uniq // 3) // len(models), (uniq // 3) % len(models)], axis=1)
outcomes = (uniq % 3) / 2.0
weights = counts.astype(np.float64)
t_merge = time.perf_counter()

def bt_loss_and_grad(ratings, matchups, outcomes, weights, alpha=1.0):
    matchup_ratings = ratings[matchups]
    logits = alpha * (matchup_ratings[:, 0] - matchup_ratings[:, 1])
    probs = expit(logits)
    loss = -((np.log(probs) * outcomes + np.log(1.0 - probs) * (1.0 - outcomes)) * weights).sum()
    matchups_grads = -alpha * (outcomes - probs) * weights
    model_grad = np.zeros_like(ratings)
    np.add.at(model_grad, matchups[:, [0, 1]], matchups_grads[:, None] * np.array([1.0, -1.0], dtype=np.float64))
    return loss, model_grad

def fit_bt(matchups, outcomes, weights, n_models, alpha, tol=1e-6):
    initial = np.zeros(n_models, dtype=np.float64)
    return minimize(fun=bt_loss_and_grad, x0=initial, args=(matchups, outcomes, weights, alpha), jac=True,
                    method="L-BFGS-B", options={"maxiter": 100, "gtol": tol})["x"]

def scale_and_offset(ratings, scale=400, init_rating=1000):
    # FastChat: ratings fitted in log-base-10 units (alpha = ln 10), then scaled by 400 around 1000
    return ratings * scale + init_rating

alpha = np.log(10.0)
ratings = scale_and_offset(fit_bt(matchups, outcomes, weights, len(models), alpha))
t_fit = time.perf_counter()
rng = np.random.default_rng(42)
idxs = rng.multinomial(n=n, pvals=weights / weights.sum(), size=rounds)
boot_weights = idxs.astype(np.float64) / n
boot = np.array([scale_and_offset(fit_bt(matchups, outcomes, w, len(models), alpha)) for w in boot_weights])
lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)
t_boot = time.perf_counter()
order = np.argsort(-ratings)
print(f"reader={reader} battles={n} models={len(models)} rows={len(uniq)}")
print(f"read {t_read - t0:.2f}s merge {t_merge - t_read:.2f}s fit {t_fit - t_merge:.2f}s "
      f"bootstrap {t_boot - t_fit:.2f}s total {t_boot - t0:.2f}s")
for i in order[:3]:
    name = models[i].decode() if isinstance(models[i], bytes) else models[i]
    print(f"{name} {ratings[i] - ratings.mean() + 1000:.2f} [{lo[i] - ratings.mean() + 1000:.1f}, {hi[i] - ratings.mean() + 1000:.1f}]")
