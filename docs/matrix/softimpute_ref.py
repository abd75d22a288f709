import numpy as np
M, B = 8, 6
x = np.array([[np.sin(m + 1) * np.cos(b + 1) + 0.3 * np.cos(m * b + 0.5) for b in range(B)] for m in range(M)])
miss = np.array([[(m * 7 + b * 3) % 5 == 0 for b in range(B)] for m in range(M)])
x[miss] = np.nan
mu = np.nanmean(x, 0); sd = np.nanstd(x, 0); z = (x - mu) / sd
lam = 0.5; Z = np.zeros_like(z); obs = ~np.isnan(z)
for it in range(100000):
    F = np.where(obs, z, Z); U, s, Vt = np.linalg.svd(F, full_matrices=False)
    Zn = (U * np.maximum(s - lam, 0)) @ Vt
    if np.sum((Zn - Z) ** 2) <= 1e-16 * max(np.sum(Z ** 2), 1e-12): Z = Zn; break
    Z = Zn
pred = Z * sd + mu
print([round(pred[m, b], 10) for m in range(M) for b in range(B) if miss[m, b]])
