#!/usr/bin/python3
"""Golden values of Assay's univariate drift methods, computed with SciPy 1.10.1 and NumPy.

Run from the repository root with Debian's interpreter (python3-scipy, python3-pandas):

    /usr/bin/python3 scripts/golden/drift_golden.py

Cases (reference vs current, real data):
- seattle: assay-core/src/test/resources/drift/seattle_weather.csv, days of 2012 vs days of 2015
  (366 vs 365 rows: exact Kolmogorov-Smirnov p-values, the unequal-sizes path);
- seattle_2013_2014: 2013 vs 2014 (365 vs 365: the equal-sizes exact path);
- seattle_small: the first 15 days of 2012 vs the first 12 days of 2015 (exact Cramer-von Mises);
- adult: examples/models/adult.csv, Male vs Female rows (21790 vs 10771: asymptotic KS);
- german_credit: examples/german-credit/train.csv vs test.csv (700 vs 300).
Per numeric column: ks_2samp(method="auto"), wasserstein_distance, np.std(ref) (ddof 0),
cramervonmises_2samp(method="auto"), and over 10 reference-quantile bins (np.quantile, linear;
repeated edges merged; intervals closed on the right, the outer ones open):
PSI = sum (c - r) ln(c / r) with empty bins set to 1e-4, jensenshannon(r, c) (natural log),
Hellinger = sqrt(sum (sqrt r - sqrt c)^2 / 2).
Per categorical column: chi2_contingency([ref_counts, cur_counts], correction=False) over the
categories seen in either sample, Cramer's V = sqrt(chi2 / N), and PSI, JS, Hellinger over the categories.
Plus kstwo.sf(x, n) on a grid that takes every branch of SciPy's kolmogn.

Output: assay-core/src/test/resources/golden/drift.json
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv"
EPS = 1e-4


def shares(counts):
    counts = np.asarray(counts, dtype=float)
    return counts / counts.sum()


def distances(r, c):
    rp = np.where(r == 0, EPS, r)
    cp = np.where(c == 0, EPS, c)
    return {
        "psi": float(np.sum((cp - rp) * np.log(cp / rp))),
        "jensen_shannon": float(jensenshannon(r, c)),
        "hellinger": float(np.sqrt(np.sum((np.sqrt(r) - np.sqrt(c)) ** 2) / 2)),
    }


def numeric(ref, cur):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    ref = ref[~np.isnan(ref)]
    cur = cur[~np.isnan(cur)]
    ks = stats.ks_2samp(ref, cur, method="auto")
    cvm = stats.cramervonmises_2samp(ref, cur, method="auto")
    edges = []
    for q in np.quantile(ref, np.arange(1, 10) / 10):
        if not edges or q > edges[-1]:
            edges.append(float(q))
    r = shares(np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1))
    c = shares(np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1))
    out = {"kind": "numeric", "n_ref": len(ref), "n_cur": len(cur),
           "ks_statistic": float(ks.statistic), "ks_p": float(ks.pvalue),
           "ks_exact": bool(max(len(ref), len(cur)) <= 10000),
           "wasserstein": float(stats.wasserstein_distance(ref, cur)), "ref_std": float(np.std(ref)),
           "cvm_statistic": float(cvm.statistic), "cvm_p": float(cvm.pvalue), "edges": edges}
    out.update(distances(r, c))
    return out


def categorical(ref, cur):
    ref = pd.Series(ref).dropna().astype(str)
    cur = pd.Series(cur).dropna().astype(str)
    levels = list(dict.fromkeys(list(ref) + list(cur)))
    rc = np.array([(ref == v).sum() for v in levels])
    cc = np.array([(cur == v).sum() for v in levels])
    chi2, p, dof, _ = stats.chi2_contingency(np.array([rc, cc]), correction=False)
    out = {"kind": "categorical", "n_ref": int(rc.sum()), "n_cur": int(cc.sum()), "levels": levels,
           "chi2_statistic": float(chi2), "chi2_p": float(p), "dof": int(dof),
           "cramers_v": float(np.sqrt(chi2 / (rc.sum() + cc.sum())))}
    out.update(distances(shares(rc), shares(cc)))
    return out


def case(name, file, ref, cur, numeric_cols, categorical_cols, ref_desc, cur_desc):
    cols = {}
    for col in numeric_cols:
        cols[col] = numeric(ref[col], cur[col])
    for col in categorical_cols:
        cols[col] = categorical(ref[col], cur[col])
    return {"name": name, "file": file, "reference": ref_desc, "current": cur_desc, "columns": cols}


def main():
    cases = []
    w = pd.read_csv(os.path.join(ROOT, SEATTLE))
    year = w["date"].str[:4]
    wnum = ["precipitation", "temp_max", "temp_min", "wind"]
    cases.append(case("seattle", SEATTLE, w[year == "2012"], w[year == "2015"], wnum, ["weather"],
                      {"year": "2012"}, {"year": "2015"}))
    cases.append(case("seattle_2013_2014", SEATTLE, w[year == "2013"], w[year == "2014"], wnum, ["weather"],
                      {"year": "2013"}, {"year": "2014"}))
    cases.append(case("seattle_small", SEATTLE, w[year == "2012"].head(15), w[year == "2015"].head(12), wnum, [],
                      {"year": "2012", "head": 15}, {"year": "2015", "head": 12}))
    adult_file = "examples/models/adult.csv"
    a = pd.read_csv(os.path.join(ROOT, adult_file))
    cases.append(case("adult", adult_file, a[a["sex"] == "Male"], a[a["sex"] == "Female"],
                      ["age", "hours-per-week", "education-num", "capital-gain", "fnlwgt"],
                      ["education", "race", "workclass", "income-per-year"], {"sex": "Male"}, {"sex": "Female"}))
    tr = pd.read_csv(os.path.join(ROOT, "examples/german-credit/train.csv"))
    te = pd.read_csv(os.path.join(ROOT, "examples/german-credit/test.csv"))
    cases.append(case("german_credit", "examples/german-credit/train.csv", tr, te,
                      ["duration", "credit_amount", "age"], ["purpose", "housing", "checking_status"],
                      {"file": "train.csv"}, {"file": "test.csv"}))
    grid = []
    for n in [5, 20, 100, 140, 141, 1000, 5000, 100000, 250000]:
        for x in [0.004, 0.01, 0.02, 0.05, 0.08, 0.1, 0.2, 0.3, 0.6]:
            grid.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    out = {"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases, "kstwo_sf": grid}
    path = os.path.join(ROOT, "assay-core/src/test/resources/golden/drift.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
