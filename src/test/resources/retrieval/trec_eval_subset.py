#!/usr/bin/env python3
"""An independent re-implementation of a subset of trec_eval v10 (usnistgov/trec_eval m_*.c), written
from the C code: same integer counts, same floating-point operations in the same order, printf("%6.4f")
via Python's correctly rounded formatting of the binary value (as glibc does). Used to derive expected
output for option combinations that have no published trec_eval file (-l2, -c, -M on Robust03; -l3 on
DL19). Usage: trec_eval_subset.py [-q] [-c] [-lN] [-MN] [--drop=q1,q2] qrels run > expected.txt
(--drop: leave those queries' lines out of the run, to test -c; --full: print values with all their digits).
Measures: num_ret num_rel num_rel_ret map Rprec bpref recip_rank P recall relative_P success set_P
set_recall set_relative_P set_map set_F (each with trec_eval's default parameters)."""
import gzip, sys
from functools import cmp_to_key

def opener(p):
    return gzip.open(p, 'rb') if p.endswith('.gz') else open(p, 'rb')

def main(argv):
    q = c = False; level = 1; maxdocs = None; files = []; drop = set()
    global FULL
    for a in argv:
        if a == '--full':
            FULL = True; continue
        if a.startswith('--drop='):
            drop = set(x.encode() for x in a[7:].split(',')); continue
        if a == '-q': q = True
        elif a == '-c': c = True
        elif a.startswith('-l'): level = int(a[2:])
        elif a.startswith('-M'): maxdocs = int(a[2:])
        else: files.append(a)
    qrels = {}
    with opener(files[0]) as f:
        for line in f:
            p = line.split()
            if not p or p[0].startswith(b'#'): continue
            qrels.setdefault(p[0], {})[p[2]] = int(p[3])
    run = {}; runid = b''
    with opener(files[1]) as f:
        for line in f:
            p = line.split()
            if not p or p[0].startswith(b'#'): continue
            runid = p[5]
            if p[0] in drop: continue
            run.setdefault(p[0], []).append((p[2], float(p[4])))
    cut = [5, 10, 15, 20, 30, 100, 200, 500, 1000]
    succ = [1, 5, 10]
    names = (['num_ret', 'num_rel', 'num_rel_ret', 'map', 'Rprec', 'bpref', 'recip_rank']
             + ['P_%d' % k for k in cut] + ['recall_%d' % k for k in cut] + ['relative_P_%d' % k for k in cut]
             + ['success_%d' % k for k in succ] + ['set_P', 'set_relative_P', 'set_recall', 'set_map', 'set_F'])
    counts = {'num_ret', 'num_rel', 'num_rel_ret'}
    out = []
    total = dict((n, 0.0) for n in names); nq = 0
    for qid in sorted(qrels):
        judg = qrels[qid]
        if qid in run:
            docs = run[qid]
        elif c:
            docs = [(b'ceci_nest_pas_un_docno', 1.0)]
        else:
            continue
        def cmp(a, b):  # comp_sim_docno: sim descending, then strcmp(b.docno, a.docno)
            if a[1] > b[1]: return -1
            if a[1] < b[1]: return 1
            return (b[0] > a[0]) - (b[0] < a[0])
        docs = sorted(docs, key=cmp_to_key(cmp))
        if maxdocs is not None: docs = docs[:maxdocs]
        rels = [judg.get(d, -1) for d, _ in docs]
        rels = [r if r >= 0 or r == -1 else -2 for r in rels]
        levels = {}
        for r in judg.values():
            if r >= 0: levels[r] = levels.get(r, 0) + 1
        num_rel = sum(n for l, n in levels.items() if l >= level)
        num_ret = len(rels)
        num_rel_ret = sum(1 for r in rels if r >= level)
        v = {}
        v['num_ret'] = num_ret; v['num_rel'] = num_rel; v['num_rel_ret'] = num_rel_ret
        s = 0.0; rsf = 0
        for i, r in enumerate(rels):
            if r >= level:
                rsf += 1; s += float(rsf) / float(i + 1)
        v['map'] = s / float(num_rel) if rsf else 0.0
        look = min(num_ret, num_rel); rsf = 0
        for i in range(look):
            if rels[i] >= level: rsf += 1
        v['Rprec'] = float(rsf) / float(num_rel) if look else 0.0
        num_nonrel = sum(n for l, n in levels.items() if l < level)
        b = 0.0; nsf = 0
        for r in rels:
            if r == -1 or r == -2: continue
            if 0 <= r < level: nsf += 1
            else:
                b += (1.0 - float(min(nsf, num_rel)) / float(min(num_nonrel, num_rel))) if nsf > 0 else 1.0
        v['bpref'] = b / num_rel if num_rel else b
        v['recip_rank'] = 0.0
        for i, r in enumerate(rels):
            if r >= level:
                v['recip_rank'] = 1.0 / float(i + 1); break
        def at(k):
            return sum(1 for r in rels[:k] if r >= level)
        for k in cut:
            v['P_%d' % k] = float(at(k)) / float(k)
            v['recall_%d' % k] = float(at(k)) / float(num_rel) if num_rel else 0.0
            v['relative_P_%d' % k] = float(at(k)) / float(num_rel if k > num_rel else k) if num_rel else 0.0
        for k in succ:
            v['success_%d' % k] = 1.0 if at(k) else 0.0
        v['set_P'] = float(num_rel_ret) / float(num_ret) if num_ret else 0.0
        v['set_relative_P'] = float(num_rel_ret) / float(min(num_ret, num_rel)) if num_ret and num_rel else 0.0
        v['set_recall'] = float(num_rel_ret) / float(num_rel) if num_rel else 0.0
        v['set_map'] = ((float(num_rel_ret) * float(num_rel_ret)) / (float(num_ret) * float(num_rel))
                        if num_ret and num_rel else 0.0)
        if num_rel_ret:
            P = float(num_rel_ret) / float(num_ret); R = float(num_rel_ret) / float(num_rel); x = 1.0
            v['set_F'] = (x + 1.0) * P * R / (x * P + R)
        else:
            v['set_F'] = 0.0
        if qid not in run:  # trec_eval.c's clean-up of the stand-in ranking
            v['num_ret'] = 0
        for n in names:
            total[n] += v[n]
            if q:
                out.append(fmt(n, qid.decode('latin-1'), v[n], n in counts))
        nq += 1
    if c:
        total['num_rel'] = sum(1 for jd in qrels.values() for r in jd.values() if r > 0)
    for n in names:
        val = total[n] if n in counts else total[n] / nq
        out.append(fmt(n, 'all', val, n in counts))
    sys.stdout.write(''.join(out))

FULL = False

def fmt(name, qid, value, count):
    text = '%d' % int(value) if count else ('%r' % value if FULL else '%6.4f' % value)
    return '%-22s\t%s\t%s\n' % (name, qid, text)

if __name__ == '__main__':
    main(sys.argv[1:])
