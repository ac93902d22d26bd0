#!/usr/bin/python3
"""Golden values for the synthetic-data package (assay-core dev.assay.core.synth).

Run from the repository root with Debian's python3 (SciPy 1.10.1, pandas 1.5.3, NumPy):
    /usr/bin/python3 scripts/golden/synth_golden.py
Writes assay-core/src/test/resources/synth/golden.json. See PROVENANCE.md beside it.
"""
import json

import numpy as np
import pandas as pd
from scipy import stats

DIR = "assay-core/src/test/resources/synth/"


def marginals():
    data = pd.read_csv(DIR + "breast_cancer_4.csv")
    out = {}
    for col in data.columns:
        x = data[col].to_numpy(dtype=float)
        entry = {}
        loc, scale = stats.norm.fit(x)
        entry["normal"] = {"loc": loc, "scale": scale,
                           "ks": list(stats.kstest(x, stats.norm(loc, scale).cdf))}
        if x.min() > 0:
            a, gloc, gscale = stats.gamma.fit(x, floc=0)
            entry["gamma"] = {"a": a, "loc": gloc, "scale": gscale,
                              "ks": list(stats.kstest(x, stats.gamma(a, gloc, gscale).cdf))}
        a, b, bloc, bscale = stats.beta.fit(x, floc=x.min(), fscale=x.max() - x.min(), method="MM")
        entry["beta"] = {"a": a, "b": b, "loc": bloc, "scale": bscale,
                         "ks": list(stats.kstest(x, stats.beta(a, b, bloc, bscale).cdf))}
        kde = stats.gaussian_kde(x)
        bandwidth = float(np.sqrt(kde.covariance[0, 0]))
        points = [float(p) for p in np.quantile(x, [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99])]
        kde_cdf = np.vectorize(lambda v: kde.integrate_box_1d(-np.inf, v))
        entry["gaussian_kde"] = {"bandwidth": bandwidth,
                                 "cdf": [[p, float(kde_cdf(p))] for p in points],
                                 "ks": list(stats.kstest(x, kde_cdf))}
        out[col] = entry
    return out


def hist_bins(real, values):
    edges = np.histogram_bin_edges(real.dropna().to_numpy(dtype=float), bins=10)
    b = np.searchsorted(edges, values.to_numpy(dtype=float), side="right") - 1
    b = np.clip(b, 0, 9).astype(object)
    b[values.isna().to_numpy()] = ""
    return pd.Series(["bin%s" % v if v != "" else "" for v in b], index=values.index)


def keys(col, real_col, numeric):
    if numeric:
        return hist_bins(real_col, col)
    return col.map(lambda v: "" if pd.isna(v) else "=" + str(v))


def quality():
    real = pd.read_csv(DIR + "adult_real.csv")
    synth = pd.read_csv(DIR + "adult_synthetic.csv")
    holdout = pd.read_csv(DIR + "adult_holdout.csv")
    numeric = [c for c in real.columns if pd.api.types.is_numeric_dtype(real[c])]
    ks, tv = {}, {}
    for c in real.columns:
        if c in numeric:
            ks[c] = 1 - stats.ks_2samp(real[c].dropna(), synth[c].dropna()).statistic
        else:
            p = real[c].value_counts(normalize=True)
            q = synth[c].value_counts(normalize=True)
            cats = p.index.union(q.index)
            tv[c] = 1 - 0.5 * float(np.abs(p.reindex(cats, fill_value=0) - q.reindex(cats, fill_value=0)).sum())
    corr, cont = {}, {}
    cols = list(real.columns)
    for i, a in enumerate(cols):
        for b in cols[i + 1:]:
            key = a + "," + b
            if a in numeric and b in numeric:
                r = real[[a, b]].dropna().corr().iloc[0, 1]
                s = synth[[a, b]].dropna().corr().iloc[0, 1]
                corr[key] = 1 - abs(r - s) / 2
            else:
                def joint(df):
                    t = pd.DataFrame({"a": keys(df[a], real[a], a in numeric), "b": keys(df[b], real[b], b in numeric)})
                    return t.groupby(["a", "b"], dropna=False).size() / len(df)
                p, q = joint(real), joint(synth)
                idx = p.index.union(q.index)
                cont[key] = 1 - 0.5 * float(np.abs(p.reindex(idx, fill_value=0) - q.reindex(idx, fill_value=0)).sum())
    return {"ks_complement": ks, "tv_complement": tv, "correlation_similarity": corr,
            "contingency_similarity": cont, "new_row_synthesis": new_rows(real, synth, numeric),
            "dcr": dcr(real, synth, holdout, numeric)}


def new_rows(real, synth, numeric, tolerance=0.01):
    """SDMetrics NewRowSynthesis (numerical_match_tolerance=0.01), row by row with NumPy masks."""
    new = 0
    for _, row in synth.iterrows():
        mask = np.ones(len(real), dtype=bool)
        for c in real.columns:
            if pd.isna(row[c]):
                mask &= real[c].isna().to_numpy()
            elif c in numeric:
                mask &= (np.abs(real[c].to_numpy(dtype=float) - row[c]) <= abs(tolerance * row[c]))
            else:
                mask &= (real[c] == row[c]).to_numpy()
        if not mask.any():
            new += 1
    return {"score": new / len(synth), "new_rows": new}


def dcr_to(rows, reference, numeric, ranges):
    """sdmetrics calculate_dcr: per row, the smallest mean per-column distance to the reference rows."""
    out = []
    ref = {c: reference[c].to_numpy() for c in reference.columns}
    for _, row in rows.iterrows():
        total = np.zeros(len(reference))
        for c in reference.columns:
            if c in numeric:
                d = np.minimum(np.abs(ref[c].astype(float) - float(row[c])) / ranges[c], 1.0)
            else:
                d = (ref[c] != row[c]).astype(float)
            total += d
        out.append(total.min() / len(reference.columns))
    return np.array(out)


def dcr(real, synth, holdout, numeric):
    ranges = {c: real[c].max() - real[c].min() for c in numeric}
    to_real = dcr_to(synth, real, numeric, ranges)
    to_holdout = dcr_to(synth, holdout, numeric, ranges)
    closer = float(np.mean(to_real < to_holdout))
    return {"median_synthetic": float(np.median(to_real)), "closer_to_training": closer,
            "overfitting_protection": min(2 * (1 - closer), 1.0)}


def nearest_correlation(a, tol=1e-12, iterations=10000):
    """Higham (2002) alternating projections with Dykstra's correction, unit-diagonal projection last."""
    y = a.copy()
    ds = np.zeros_like(a)
    for _ in range(iterations):
        r = y - ds
        w, v = np.linalg.eigh(r)
        x = (v * np.maximum(w, 0)) @ v.T
        ds = x - r
        y_next = x.copy()
        np.fill_diagonal(y_next, 1)
        change = np.linalg.norm(y_next - x)
        y = y_next
        if change < tol:
            break
    return y


def main():
    a = np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 1.0]])
    golden = {"marginals": marginals(), "quality": quality(),
              "nearest_correlation": {"input": a.tolist(), "output": nearest_correlation(a).tolist()}}
    with open(DIR + "golden.json", "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
