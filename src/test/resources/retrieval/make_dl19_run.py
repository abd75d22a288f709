#!/usr/bin/env python3
"""Writes the synthetic DL19 passage run used by the trec_eval tests: for each judged query, its judged
passages scored rel * 0.35 + a hash-derived number in [0, 1) rounded to 2 decimals (so grades overlap
and scores tie), plus 20 unjudged passages, at most 120 lines a query; the queries listed in DROP are
left out (to exercise -c). Usage: make_dl19_run.py qrels.dl19-passage.txt | gzip -n > dl19-passage.synthetic.run.gz"""
import sys
DROP = {'1037798', '1129237', '183378'}
qrels = {}
for line in open(sys.argv[1]):
    q, _, d, r = line.split()
    qrels.setdefault(q, []).append((d, int(r)))
for q in sorted(qrels):
    if q in DROP:
        continue
    rows = []
    for d, r in qrels[q][:100]:
        h = (int(d) * 2654435761 + int(q) * 40503) % 1000003
        rows.append((d, round(r * 0.35 + (h % 1000) / 1000.0, 2)))
    for k in range(20):
        h = (int(q) * 7919 + k * 104729) % 1000
        rows.append(('unjudged%s_%d' % (q, k), round(h / 1000.0, 2)))
    for i, (d, s) in enumerate(rows):
        print('%s Q0 %s %d %.2f synthetic' % (q, d, i + 1, s))
