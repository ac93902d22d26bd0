#!/usr/bin/python3
"""Golden TreeSHAP values of a scikit-learn random forest.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-numpy, python3-pandas):

    /usr/bin/python3 scripts/golden/tree_shap_golden.py

Fits sklearn.ensemble.RandomForestRegressor(n_estimators=5, max_depth=5, random_state=3) to the seven
numeric columns of examples/german-credit/german_credit.csv (integers, so float32 splitting is exact),
target class == 'bad' (0/1). Writes each tree's structure from its tree_ (children, feature, threshold,
value, weighted_n_node_samples as the covers: the bootstrap counts), checked to reproduce the forest's
predict. Then computes by brute force over all 2^7 coalitions, independently of any TreeSHAP algorithm:
- path-dependent values: Shapley values of v(S) = E[f(x) | x_S], the expectation taken down the trees by
  following x at features in S and weighing the children by weighted_n_node_samples elsewhere;
- interventional values: Shapley values of v(S) = mean over a background of f(x_S, z_not S).
Explained rows: the first 10; background: rows 100..129.
Writes assay-core/src/test/resources/golden/explain/tree_shap.json.
"""
import itertools
import json
import math
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "explain")
FEATURES = ["duration", "credit_amount", "installment_commitment", "residence_since", "age",
            "existing_credits", "num_dependents"]


def expect(t, node, x, s):
    if t.children_left[node] < 0:
        return t.value[node][0][0]
    f = t.feature[node]
    left, right = t.children_left[node], t.children_right[node]
    if f in s:
        return expect(t, left if x[f] <= t.threshold[node] else right, x, s)
    c = t.weighted_n_node_samples
    return (c[left] * expect(t, left, x, s) + c[right] * expect(t, right, x, s)) / c[node]


def shapley(v, m):
    phi = np.zeros(m)
    for size in range(m):
        w = math.factorial(size) * math.factorial(m - size - 1) / math.factorial(m)
        for s in itertools.combinations(range(m), size):
            for i in range(m):
                if i not in s:
                    phi[i] += w * (v[frozenset(s + (i,))] - v[frozenset(s)])
    return phi


def main():
    data = pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"))
    x = data[FEATURES].to_numpy(dtype=float)
    y = (data["class"] == "bad").to_numpy(dtype=float)
    forest = RandomForestRegressor(n_estimators=5, max_depth=5, random_state=3).fit(x, y)
    trees = [e.tree_ for e in forest.estimators_]
    m = len(FEATURES)
    coalitions = [frozenset(s) for k in range(m + 1) for s in itertools.combinations(range(m), k)]
    rows = x[:10]
    background = x[100:130]

    def f(row):
        return np.mean([expect(t, 0, row, set(range(m))) for t in trees])

    assert np.allclose([f(r) for r in rows], forest.predict(rows), atol=1e-12)
    path, interventional = [], []
    for r in rows:
        v = {s: np.mean([expect(t, 0, r, s) for t in trees]) for s in coalitions}
        path.append(shapley(v, m).tolist())
        vi = {}
        for s in coalitions:
            mixed = background.copy()
            for i in s:
                mixed[:, i] = r[i]
            vi[s] = float(np.mean(forest.predict(mixed)))
        interventional.append(shapley(vi, m).tolist())
    out = {
        "sklearn": sklearn.__version__,
        "features": FEATURES,
        "trees": [{
            "left": t.children_left.tolist(), "right": t.children_right.tolist(), "feature": t.feature.tolist(),
            "threshold": t.threshold.tolist(), "value": t.value[:, 0, 0].tolist(),
            "cover": t.weighted_n_node_samples.tolist()} for t in trees],
        "rows": rows.tolist(),
        "background": background.tolist(),
        "prediction": forest.predict(rows).tolist(),
        "path_dependent_base": float(np.mean([expect(t, 0, rows[0], set()) for t in trees])),
        "path_dependent": path,
        "interventional_base": float(np.mean(forest.predict(background))),
        "interventional": interventional,
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "tree_shap.json"), "w") as fh:
        json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
