#!/usr/bin/python3
"""Golden pieces of LIME (tabular) for Assay's explain.lime package.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-numpy,
python3-pandas):

    /usr/bin/python3 scripts/golden/lime_golden.py

From the bundled German credit data (examples/german-credit/german_credit.csv):
- quartiles: numpy.percentile(column, [25, 50, 75]) of each numeric column, as lime 0.2's
  QuartileDiscretizer (then numpy.unique);
- ridge: a fixture of lime's neighbourhood kind, the first 400 rows with each numeric column turned
  into 1 when above its median (binary x), y = the fitted logistic regression's probability of 'bad'
  and seeded weights w (numpy RandomState(3).uniform(0.05, 1)); sklearn.linear_model.Ridge with
  alpha 1, 0.01 and 0 fitted with sample_weight=w: coefficients, intercept and weighted R^2 (score);
- selection: lime 0.2's forward_selection (Ridge alpha 0, up to 4 features) and highest_weights
  (Ridge alpha 0.01, coef * x[0], 3 features) re-implemented here with scikit-learn's Ridge
  (lime itself is not packaged in Debian; the functions are copied from lime/lime_base.py 0.2.0.1).

Writes assay-core/src/test/resources/golden/explain/lime.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "explain")
FEATURES = ["duration", "credit_amount", "installment_commitment", "residence_since", "age",
            "existing_credits", "num_dependents"]
ROWS = 400


def forward_selection(data, labels, weights, num_features):
    clf = Ridge(alpha=0, fit_intercept=True)
    used = []
    for _ in range(min(num_features, data.shape[1])):
        max_ = -100000000
        best = 0
        for feature in range(data.shape[1]):
            if feature in used:
                continue
            clf.fit(data[:, used + [feature]], labels, sample_weight=weights)
            score = clf.score(data[:, used + [feature]], labels, sample_weight=weights)
            if score > max_:
                best = feature
                max_ = score
        used.append(best)
    return used


def highest_weights(data, labels, weights, num_features):
    clf = Ridge(alpha=0.01, fit_intercept=True)
    clf.fit(data, labels, sample_weight=weights)
    weighted = clf.coef_ * data[0]
    order = sorted(zip(range(data.shape[1]), weighted), key=lambda x: np.abs(x[1]), reverse=True)
    return [int(x[0]) for x in order[:num_features]]


def main():
    df = pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"))
    X = df[FEATURES].to_numpy(dtype=float)
    y = (df["class"] == "bad").to_numpy().astype(int)
    quartiles = {c: np.unique(np.percentile(X[:, j], [25, 50, 75])).tolist() for j, c in enumerate(FEATURES)}
    model = LogisticRegression(C=1.0, max_iter=10000).fit(X, y)
    xs = X[:ROWS]
    binary = (xs > np.median(xs, axis=0)).astype(float)
    target = model.predict_proba(xs)[:, 1]
    w = np.random.RandomState(3).uniform(0.05, 1, ROWS)
    fits = {}
    for alpha in [1.0, 0.01, 0.0]:
        r = Ridge(alpha=alpha, fit_intercept=True).fit(binary, target, sample_weight=w)
        fits[str(alpha)] = {"coef": r.coef_.tolist(), "intercept": float(r.intercept_),
                            "score": float(r.score(binary, target, sample_weight=w))}
    out = {
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "features": FEATURES,
        "quartiles": quartiles,
        "x": binary.tolist(),
        "y": target.tolist(),
        "w": w.tolist(),
        "ridge": fits,
        "forward_selection_4": forward_selection(binary, target, w, 4),
        "highest_weights_3": highest_weights(binary, target, w, 3),
    }
    with open(os.path.join(OUT, "lime.json"), "w") as f:
        json.dump(out, f, indent=None)
        f.write("\n")


if __name__ == "__main__":
    main()
