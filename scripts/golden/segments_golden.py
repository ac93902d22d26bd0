#!/usr/bin/python3
"""Golden p-values of Assay's weak-segment search, computed with SciPy 1.10.1 and statsmodels 0.13.5.

Run from the repository root with Debian's interpreter (python3-sklearn, -scipy, -statsmodels, -pandas):

    /usr/bin/python3 scripts/golden/segments_golden.py

Input: the UCI Adult training data bundled at examples/models/adult.csv (see its README), all 32561 rows.
Predictions: a scikit-learn LogisticRegression(max_iter=2000) on the standardised numeric columns
and the one-hot categorical columns (without fnlwgt), fitted on every row and predicting every row
(positive class ">50K"). They are written as strings of 0/1, one character per row.

Slices, as Assay cuts them: columns sex, race, education, age; numbers in pandas.qcut(x, 4) bins,
categories one slice per value; every column alone, then every pair of columns (i < j), each
non-empty cell. A slice is tried when it has at least MIN_SIZE of the metric's denominator rows and
not all of them (no slices here share the same rows; the script checks this).
For each metric (accuracy, recall, precision, fpr) and each slice tried:
- p: scipy.stats.fisher_exact([[succ, miss], [rest_succ, rest_miss]], alternative) with
  alternative "less" (higher is better) or "greater" (fpr);
- adjusted: statsmodels multipletests(p, method="fdr_bh")[1] over all slices tried of that metric.

Output: assay-core/src/test/resources/golden/segments_adult.json
"""
import itertools
import json
import os

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.stats import fisher_exact
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.multitest import multipletests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MIN_SIZE = 30
COLUMNS = ["sex", "race", "education", "age"]

data = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
truth = (data["income-per-year"] == ">50K").to_numpy()
numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
categorical = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"]
X = np.hstack([StandardScaler().fit_transform(data[numeric].astype(float)),
               pd.get_dummies(data[categorical]).to_numpy(dtype=float)])
predicted = LogisticRegression(max_iter=2000).fit(X, truth).predict(X)


def fmt(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def bins(column):
    """(description, mask) per bin, as ColumnBins cuts the column."""
    x = data[column]
    if x.dtype == object:
        return [(f"{column} = {v}", (x == v).to_numpy()) for v in sorted(x.unique())]
    codes, edges = pd.qcut(x.astype(float), 4, labels=False, duplicates="drop", retbins=True)
    out = []
    for b in range(len(edges) - 1):
        label = ("[" if b == 0 else "(") + fmt(edges[b]) + ", " + fmt(edges[b + 1]) + "]"
        out.append((f"{column} in {label}", (codes == b).to_numpy()))
    return out


slices = []
per_column = [bins(c) for c in COLUMNS]
for column_bins in per_column:
    slices.extend(column_bins)
for i, j in itertools.combinations(range(len(COLUMNS)), 2):
    for (da, ma), (db, mb) in itertools.product(per_column[i], per_column[j]):
        if (ma & mb).any():
            slices.append((da + " and " + db, ma & mb))
assert len({m.tobytes() for _, m in slices}) == len(slices), "two slices share the same rows"

METRICS = {
    "accuracy": (np.ones_like(truth), truth == predicted, "less"),
    "recall": (truth, predicted, "less"),
    "precision": (predicted, truth, "less"),
    "fpr": (~truth, predicted, "greater"),
}
cases = []
for metric, (counted, success, alternative) in METRICS.items():
    total, total_succ = int(counted.sum()), int((counted & success).sum())
    tried = []
    for description, mask in slices:
        n = int((mask & counted).sum())
        if n < MIN_SIZE or n == total:
            continue
        k = int((mask & counted & success).sum())
        table = [[k, n - k], [total_succ - k, total - n - (total_succ - k)]]
        tried.append({"slice": description, "rows": int(mask.sum()), "count": n, "successes": k,
                      "p": float(fisher_exact(table, alternative=alternative)[1])})
    adjusted = multipletests([t["p"] for t in tried], method="fdr_bh")[1]
    for t, a in zip(tried, adjusted):
        t["adjusted"] = float(a)
    cases.append({"metric": metric, "tried": tried})

out = os.path.join(ROOT, "assay-core/src/test/resources/golden/segments_adult.json")
with open(out, "w") as f:
    json.dump({"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "min_size": MIN_SIZE,
               "columns": COLUMNS, "truth": "".join("1" if t else "0" for t in truth),
               "predicted": "".join("1" if p else "0" for p in predicted), "cases": cases}, f)
    f.write("\n")
print("wrote", out, [(c["metric"], len(c["tried"])) for c in cases])
