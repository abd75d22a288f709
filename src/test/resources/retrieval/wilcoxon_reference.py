#!/usr/bin/env python3
"""Reference p-values of scipy.stats.wilcoxon (scipy 1.17.1, numpy 2.4.6) for the Wilcoxon test of
SignificanceReferenceTest: per-query values of Robust03 runs from trec_eval_subset.py --full (the same
double arithmetic as trec_eval and Augur), differences a - b in qrels query order, every zero_method and
correction. Usage: wilcoxon_reference.py ../shared/data/ir/robust03"""
import subprocess, sys, os
from scipy.stats import wilcoxon

root = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))

def values(run):
    out = subprocess.run([sys.executable, os.path.join(here, 'trec_eval_subset.py'), '-q', '--full',
                          os.path.join(root, 'qrels.txt'), os.path.join(root, 'runs', 'input.%s.gz' % run)],
                         capture_output=True, check=True, text=True).stdout
    v = {}
    for line in out.splitlines():
        m, q, x = line.split('\t')
        if q != 'all':
            v.setdefault(m.strip(), {})[q] = float(x)
    return v

cases = [('pircRBa1', 'aplrob03a', 'map', None), ('pircRBa1', 'aplrob03a', 'recip_rank', None),
         ('pircRBa1', 'aplrob03a', 'P_10', None), ('NLPR03vb10', 'humR03dc', 'P_10', None),
         ('pircRBa1', 'aplrob03a', 'map', 20), ('pircRBa1', 'aplrob03a', 'P_10', 12)]
cache = {}
for a, b, m, first in cases:
    va = cache.setdefault(a, values(a))[m]
    vb = cache.setdefault(b, values(b))[m]
    qs = sorted(va)
    if first:
        qs = qs[:first]
    d = [va[q] - vb[q] for q in qs]
    for zm in ('wilcox', 'pratt', 'zsplit'):
        for corr in (False, True):
            p = wilcoxon(d, zero_method=zm, correction=corr).pvalue
            print('Arguments.of("%s", "%s", "%s", %d, "%s", %s, %r),' % (a, b, m, first or 0, zm,
                  'true' if corr else 'false', float(p)))
