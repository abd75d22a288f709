"""Synthetic arena battles for the bulk-upload benchmark (docs/performance.md, issue 14).

python3 make_battles.py OUT.csv [N=2000000] [MODELS=150] [SEED=14]
Writes a CSV with the header model_a,model_b,winner: N battles among MODELS models whose Bradley-Terry
strengths are drawn at random, 20% ties, the others won with the Bradley-Terry probability. With
--ids a battle_id column comes first.
"""
import sys
import numpy as np

args = [a for a in sys.argv[1:] if not a.startswith("--")]
out = args[0]
n = int(args[1]) if len(args) > 1 else 2_000_000
m = int(args[2]) if len(args) > 2 else 150
rng = np.random.default_rng(int(args[3]) if len(args) > 3 else 14)
ids = "--ids" in sys.argv
names = np.array([f"model-{i:03d}" for i in range(m)])
theta = rng.normal(0, 1, m)
a = rng.integers(0, m, n)
b = (a + rng.integers(1, m, n)) % m  # never a self-battle
p_a = 1 / (1 + np.exp(theta[b] - theta[a]))
u = rng.random(n)
tie = rng.random(n) < 0.2
winner = np.where(tie, "tie", np.where(u < p_a, "model_a", "model_b"))
with open(out, "w") as f:
    f.write(("battle_id," if ids else "") + "model_a,model_b,winner\n")
    step = 200_000
    for s in range(0, n, step):
        e = min(n, s + step)
        if ids:
            rows = [f"b{i},{x},{y},{w}" for i, x, y, w in zip(range(s, e), names[a[s:e]], names[b[s:e]], winner[s:e])]
        else:
            rows = [f"{x},{y},{w}" for x, y, w in zip(names[a[s:e]], names[b[s:e]], winner[s:e])]
        f.write("\n".join(rows))
        f.write("\n")
