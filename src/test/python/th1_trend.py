"""Reference for HorizonTrendReferenceTest: METR's frontier trend on TH1.0 (metr_time_horizons_th1.csv),
as METR's compute_trendline_ci.py + plot/logistic.py fit_trendline do it: SOTA agents after 2019-01-01
(p50 >= the highest p50 released on or before that date), ordinary least squares of ln(p50) on the
release date in days, doubling time = ln 2 / slope days; months = days / (365.25 / 12).
Release dates from metr_release_dates.yaml (the CSV's names mapped by hand in the Java test).
Run: python3 src/test/python/th1_trend.py ../shared/data/horizon/metr_time_horizons_th1.csv [before-date]
"""
import csv, sys, datetime as dt
import numpy as np
DATES = {
 "claude-3-5-sonnet-20240620": "2024-06-20", "claude-3-5-sonnet-20241022": "2024-10-22",
 "claude-3-7-sonnet-20250219_16K": "2025-02-24", "claude-3-opus-20240229": "2024-03-04",
 "claude-opus-4-1-20250805_16K": "2025-08-05", "claude-opus-4-20250514_16K": "2025-05-22",
 "claude-sonnet-4-5-20250929_16K": "2025-09-29", "claude-sonnet-4-20250514_16K": "2025-05-22",
 "davinci-002": "2020-05-28", "DeepSeek-R1": "2025-01-20", "DeepSeek-R1-0528": "2025-05-28",
 "DeepSeek-V3": "2024-12-26", "DeepSeek-V3-0324": "2025-03-24", "gemini-2.5-pro-preview-06-05": "2025-06-05",
 "gpt-3.5-turbo-instruct": "2022-03-15", "gpt-4-0125-preview": "2024-01-25", "gpt-4-0314": "2023-03-14",
 "gpt-4-1106-preview": "2023-11-06", "gpt-4-turbo-2024-04-09": "2024-04-09", "gpt-4o-2024-11-20": "2024-05-13",
 "gpt-5-2025-08-07_medium": "2025-08-07", "gpt-oss-120b": "2025-08-05", "gpt2-xl": "2019-02-14",
 "grok-4-0709": "2025-07-09", "o1-2024-12-17_medium": "2024-12-05", "o1-preview-2024-09-12": "2024-09-12",
 "o3-2025-04-16_medium": "2025-04-16", "o4-mini-2025-04-16_medium": "2025-04-16",
 "qwen2-72b-instruct": "2024-06-07", "qwen2.5-72b-instruct": "2024-09-19"}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
before = sys.argv[2] if len(sys.argv) > 2 else None
pts = sorted((dt.date.fromisoformat(DATES[r["Model version"]]), float(r["Time horizon"]), r["Model version"]) for r in rows)
if before: pts = [p for p in pts if p[0] < dt.date.fromisoformat(before)]
sota = []; best = -1
for d in sorted(set(p[0] for p in pts)):
    on = [p for p in pts if p[0] == d]; best = max(best, max(p[1] for p in on))
    sota += [p for p in on if p[1] >= best]
x = np.array([p[0].toordinal() for p in sota], float); y = np.log([p[1] for p in sota])
slope, icpt = np.polyfit(x, y, 1)
print("sota", [p[2] for p in sota])
d480 = dt.date.fromordinal(int(round((np.log(480) - icpt) / slope)))
print(f"date_reaching_480min={d480}")
print(f"n={len(sota)} slope_per_day={slope:.10f} doubling_days={np.log(2)/slope:.6f} doubling_months={np.log(2)/slope/(365.25/12):.6f}")

# Backtest (cutoff 2024-06-01 on this frontier) and shape comparison, as HorizonTrend does them:
from scipy import stats
cut = dt.date(2024, 6, 1)
tr = [p for p in sota if p[0] < cut]; te = [p for p in sota if p[0] >= cut]
xt = np.array([p[0].toordinal() for p in tr], float); yt = np.log([p[1] for p in tr])
b, a = np.polyfit(xt, yt, 1); n = len(tr); s = np.sqrt(np.sum((yt - a - b * xt) ** 2) / (n - 2))
tq = stats.t.ppf(0.975, n - 2); sxx = np.sum((xt - xt.mean()) ** 2); errs = []; inside = 0
for p in te:
    x0 = p[0].toordinal(); yh = a + b * x0; half = tq * s * np.sqrt(1 + 1 / n + (x0 - xt.mean()) ** 2 / sxx)
    errs.append((np.log(p[1]) - yh) / np.log(2)); inside += abs(np.log(p[1]) - yh) <= half
print(f"backtest train={n} test={len(te)} doubling_months={np.log(2)/b/(365.25/12):.6f} mae_doublings={np.mean(np.abs(errs)):.6f} inside={inside}")
def hinge(x, y):
    xs = np.sort(x); best = None
    for j in range(2, len(x) - 3):
        tau = xs[j]
        if (x <= tau).sum() < 3 or (x > tau).sum() < 3: continue
        X = np.column_stack([np.ones_like(x), x - xs[0], np.maximum(0, x - tau)])
        beta, *_ = np.linalg.lstsq(X, y, rcond=None); rss = np.sum((y - X @ beta) ** 2)
        if best is None or rss < best[0]: best = (rss, tau, beta, xs[0])
    return best
n = len(x); rss_e = np.sum((y - icpt - slope * x) ** 2); h = hinge(x, y)
aicc = lambda rss, k: n * np.log(rss / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1)
bic = lambda rss, k: n * np.log(rss / n) + k * np.log(n)
loo_e = np.sqrt(np.mean([(y[i] - np.polyval(np.polyfit(np.delete(x, i), np.delete(y, i), 1), x[i])) ** 2 for i in range(n)])) / np.log(2)
def hpred(hh, x0): rss, tau, beta, x0min = hh; return beta[0] + beta[1] * (x0 - x0min) + beta[2] * max(0, x0 - tau)
loo_h = np.sqrt(np.mean([(y[i] - hpred(hinge(np.delete(x, i), np.delete(y, i)), x[i])) ** 2 for i in range(n)])) / np.log(2)
print(f"exp rss={rss_e:.8f} aicc={aicc(rss_e,3):.6f} bic={bic(rss_e,3):.6f} loo={loo_e:.6f}")
print(f"hinge rss={h[0]:.8f} aicc={aicc(h[0],5):.6f} bic={bic(h[0],5):.6f} loo={loo_h:.6f} break={dt.date.fromordinal(int(h[1]))}")
