"""Synthetic item-level results for the bulk-import benchmark (issue 14): MODELS x ITEMS cells, gzip CSV.

python3 make_items.py OUT.csv.gz [MODELS=100] [ITEMS=100000] [SEED=14]
Long format with the header model,benchmark,item,score,subject: every model on every item of one benchmark,
0/1 scores from a Rasch-like model (ability - difficulty), 57 subjects; model-major order.
"""
import gzip
import sys
import numpy as np

out = sys.argv[1]
m = int(sys.argv[2]) if len(sys.argv) > 2 else 100
n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 14)
difficulty = rng.normal(0, 1.5, n)
subjects = [f"subject-{i % 57:02d}" for i in range(n)]
tail = [f",item-{i:06d},{{}},{subjects[i]}\n" for i in range(n)]
with gzip.open(out, "wt", compresslevel=6) as f:
    f.write("model,benchmark,item,score,subject\n")
    for j in range(m):
        ability = rng.normal(0, 1)
        p = 1 / (1 + np.exp(-(ability - difficulty)))
        scores = (rng.random(n) < p).astype(int)
        head = f"bench-model-{j:03d},bench-items"
        f.write("".join(head + tail[i].format(scores[i]) for i in range(n)))
