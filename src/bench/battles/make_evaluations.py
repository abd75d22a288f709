"""1,000,000 synthetic evaluation rows for the bulk-import benchmark (issue 14).

python3 make_evaluations.py OUT.csv [MODELS=2000] [BENCHMARKS=500] [SEED=14]
CSV with the header model,benchmark,metric,seed,value,stdError: every model on every benchmark once.
"""
import sys
import numpy as np

out = sys.argv[1]
m = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
b = int(sys.argv[3]) if len(sys.argv) > 3 else 500
rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 14)
with open(out, "w") as f:
    f.write("model,benchmark,metric,seed,value,stdError\n")
    for i in range(m):
        values = rng.random(b)
        f.write("".join(f"bench-model-{i:05d},bench-task-{j:04d},accuracy,1,{values[j]:.6f},0.01\n" for j in range(b)))
