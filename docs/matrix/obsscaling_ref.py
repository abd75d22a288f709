# Re-implementation of ryoungj/ObsScaling (utils/data.py, utils/plot.py @ 43dad32, base_llm_leaderboard_v2.ipynb @ 4d6e1e4)
# in numpy/scipy only (sklearn's StandardScaler/SimpleImputer/PCA reproduced by hand).
import sys, csv, numpy as np
from scipy.optimize import minimize
D = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/scaling'
base = {r['Model']: r for r in csv.DictReader(open(f'{D}/obsscaling_base_llm_benchmark_eval.csv'))}
lb = list(csv.DictReader(open(f'{D}/obsscaling_base_llm_leaderboard_v2_eval.csv')))
num = lambda v: float(v) if v not in ('', None) else np.nan
rows = [{**base[r['Model']], **r} for r in lb if r['Model'] in base]  # inner merge on Model, leaderboard order
METRICS = ['MMLU', 'ARC-C', 'HellaSwag', 'Winograd', 'TruthfulQA', 'XWinograd', 'HumanEval']
BBH = [1/2,1/2,1/6,1/3,0,1/2,1/9,1/2,1/5,1/7,1/3,1/5,0,1/2,0,1/5,1/18,1/4,1/6,1/2,1/2,1/4,1/5,1/7,1/3,1/2,0]
FLOOR = {'leaderboard_bbh': sum(BBH)/len(BBH), 'leaderboard_gpqa': 0.25, 'leaderboard_math_hard': 0.0}
CUT = float(sys.argv[2]) if len(sys.argv) > 2 else 84.0   # FLOPs (1E21); 8.4e22 FLOPs

def pca_fit(X, k):
    mu = X.mean(0); U, S, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, Vt[:k], (S**2 / (len(X)-1))[:k] / ((S**2).sum()/(len(X)-1))

def pca_impute(train, test, k=1, max_iter=1000, tol=1e-4):
    m, s = np.nanmean(train, 0), np.nanstd(train, 0)
    tr = (train - m) / s; miss = np.isnan(tr); col = np.nanmean(tr, 0)
    tr = np.where(miss, col, tr)
    for _ in range(max_iter):
        mu, C, _ = pca_fit(tr, k); inv = (tr - mu) @ C.T @ C + mu
        if np.allclose(tr, inv, atol=tol): break
        tr[miss] = inv[miss]
    te = (test - m) / s; tmiss = np.isnan(te); te = np.where(tmiss, col, te)
    for _ in range(max_iter):
        inv = (te - mu) @ C.T @ C + mu
        if np.allclose(te, inv, atol=tol): break
        te[tmiss] = inv[tmiss]
    return np.clip(tr * s + m, 0, 1), np.clip(te * s + m, 0, 1)

def huber_sigmoid(X, y, delta=1.0):
    X1 = np.column_stack([np.ones(len(X)), X]); p0 = np.concatenate([[0.0], np.ones(X.shape[1]) * 1e-2])
    def f(p):
        r = 1/(1+np.exp(-(X1 @ p))) - y; a = np.abs(r)
        return np.where(a <= delta, 0.5*r*r, delta*(a-0.5*delta)).sum()
    return minimize(f, p0, method='BFGS').x

def predict(p, X): return 1/(1+np.exp(-(np.column_stack([np.ones(len(X)), X]) @ p)))

for target, floor in FLOOR.items():
    d = [r for r in rows if not np.isnan(num(r[target]))]
    y = np.array([(num(r[target]) - floor) / (1 - floor) for r in d]); fl = np.array([num(r['FLOPs (1E21)']) for r in d])
    X = np.array([[num(r[m]) for m in METRICS] for r in d]); itr = fl <= CUT; ite = ~itr
    Xtr, Xte = pca_impute(X[itr], X[ite])
    mu, C, evr = pca_fit(Xtr, 5)
    Ptr, Pte = (Xtr - mu) @ C.T, (Xte - mu) @ C.T
    p = huber_sigmoid(Ptr[:, :3], y[itr])
    mse_pc = np.mean((predict(p, Pte[:, :3]) - y[ite])**2)
    tef = ite & ~np.isnan(fl)
    q = huber_sigmoid(np.log(fl[itr][:, None] + 1e-9), y[itr])
    mse_c = np.mean((predict(q, np.log(fl[tef][:, None] + 1e-9)) - y[tef])**2)
    print(f'{target} train={itr.sum()} test={ite.sum()} testFlops={tef.sum()} PC3 mse={mse_pc:.6f} logFLOPs mse={mse_c:.6f} evr={np.round(evr,4)}')
