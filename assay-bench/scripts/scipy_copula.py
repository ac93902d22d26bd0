#!/usr/bin/python3
"""A Gaussian copula in NumPy/SciPy with the same design as Assay's (dev.assay.core.synth), as the peer of
SynthTiming: numeric marginals chosen among norm / gamma (floc=0) / beta (method of moments) by
scipy.stats.kstest, else a Gaussian KDE tabulated on a 1,024-point grid (scipy.stats.gaussian_kde bandwidth),
else the empirical distribution; categories by frequency intervals; Pearson correlation of normal scores;
sampling through numpy's multivariate normal. Prints fit_seconds and sample_seconds (best of REPEATS).

    scipy_copula.py FILE ROWS REPEATS
"""
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

EPS = np.finfo(np.float32).eps


def kde_table(x):
    kde = stats.gaussian_kde(x)
    h = float(np.sqrt(kde.covariance[0, 0]))
    grid = np.linspace(x.min() - 5 * h, x.max() + 5 * h, 1024)
    if len(x) > 4096:
        counts, edges = np.histogram(x, bins=4096)
        centres, weights = (edges[:-1] + edges[1:]) / 2, counts / len(x)
    else:
        centres, weights = x, np.full(len(x), 1 / len(x))
    table = np.zeros_like(grid)
    for start in range(0, len(centres), 256):
        c, w = centres[start:start + 256], weights[start:start + 256]
        table += (stats.norm.cdf((grid[:, None] - c[None, :]) / h) * w[None, :]).sum(axis=1)
    return grid, np.minimum(table, 1)


def fit_numeric(x):
    candidates = [stats.norm(*stats.norm.fit(x))]
    if x.min() > 0:
        candidates.append(stats.gamma(*stats.gamma.fit(x, floc=0)))
    lo, rng = x.min(), x.max() - x.min()
    y = (x - lo) / rng
    m, v = y.mean(), y.var()
    c = m * (1 - m) / v - 1
    if m * c > 0 and (1 - m) * c > 0:
        candidates.append(stats.beta(m * c, (1 - m) * c, lo, rng))
    tests = [stats.kstest(x, d.cdf) for d in candidates]
    best = int(np.argmin([t.statistic for t in tests]))
    if tests[best].pvalue >= 0.05:
        d = candidates[best]
        return d.cdf, d.ppf
    grid, table = kde_table(x)
    cdf = lambda v: np.interp(v, grid, table)
    if stats.kstest(x, cdf).pvalue >= 0.05:
        return cdf, lambda u: np.interp(u, table, grid)
    s = np.sort(x)
    n = len(s)
    emp_cdf = lambda v: (np.searchsorted(s, v, "left") + np.searchsorted(s, v, "right")) / (2 * n)
    return emp_cdf, lambda u: s[np.clip(np.ceil(u * n).astype(int) - 1, 0, n - 1)]


def fit(df, rng):
    models, scores = [], []
    for col in df.columns:
        x = df[col]
        if pd.api.types.is_numeric_dtype(x):
            cdf, ppf = fit_numeric(x.to_numpy(dtype=float))
            u = cdf(x.to_numpy(dtype=float))
            models.append(("num", ppf, x.min(), x.max(), bool((x == np.round(x)).all())))
        else:
            freq = x.value_counts()
            ends = np.cumsum(freq.to_numpy()) / len(x)
            starts = np.concatenate([[0], ends[:-1]])
            pos = {k: i for i, k in enumerate(freq.index)}
            idx = x.map(pos).to_numpy()
            u = starts[idx] + rng.random(len(x)) * (ends[idx] - starts[idx])
            models.append(("cat", np.asarray(freq.index), ends))
        scores.append(stats.norm.ppf(np.clip(u, EPS, 1 - EPS)))
    return models, np.corrcoef(np.vstack(scores))


def sample(models, corr, rows, rng):
    z = rng.multivariate_normal(np.zeros(len(models)), corr, size=rows, method="cholesky")
    u = np.clip(stats.norm.cdf(z), EPS, 1 - EPS)
    out = {}
    for j, m in enumerate(models):
        if m[0] == "num":
            v = np.clip(m[1](u[:, j]), m[2], m[3])
            out[j] = np.round(v) if m[4] else v
        else:
            out[j] = m[1][np.minimum(np.searchsorted(m[2], u[:, j], "right"), len(m[1]) - 1)]
    return pd.DataFrame(out)


def main():
    df = pd.read_csv(sys.argv[1], skipinitialspace=True)
    rows, repeats = int(sys.argv[2]), int(sys.argv[3])
    best_fit = best_sample = float("inf")
    for r in range(repeats):
        rng = np.random.default_rng(r)
        t0 = time.perf_counter()
        models, corr = fit(df, rng)
        t1 = time.perf_counter()
        out = sample(models, corr, rows, rng)
        t2 = time.perf_counter()
        assert len(out) == rows
        best_fit, best_sample = min(best_fit, t1 - t0), min(best_sample, t2 - t1)
    print("fit_seconds %.4f" % best_fit)
    print("sample_seconds %.4f" % best_sample)


if __name__ == "__main__":
    main()
