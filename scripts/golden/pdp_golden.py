#!/usr/bin/python3
"""Golden partial dependence and ICE for Assay's explain.pdp package.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-numpy,
python3-pandas):

    /usr/bin/python3 scripts/golden/pdp_golden.py

Fits a logistic regression (scikit-learn, lbfgs, C=1) on the numeric columns of the bundled German
credit data (examples/german-credit/german_credit.csv, label class == 'bad') and runs
sklearn.inspection.partial_dependence(kind='both', method='brute', grid_resolution=100,
percentiles=(0.05, 0.95)) on the same data for credit_amount (a percentile grid), duration and age
(their distinct values) and the pair (duration, age).

Writes assay-core/src/test/resources/golden/explain/partial_dependence.json with the data (x), the
model's weights (so the Java test builds the same model), and per case the grid, the averaged
probability of 'bad' and the ICE curves of the first 5 rows.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.inspection import partial_dependence
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "explain")
FEATURES = ["duration", "credit_amount", "installment_commitment", "residence_since", "age",
            "existing_credits", "num_dependents"]
CASES = [["credit_amount"], ["duration"], ["age"], ["duration", "age"]]
ICE_ROWS = 5


def main():
    df = pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"))
    X = df[FEATURES].to_numpy(dtype=float)
    y = (df["class"] == "bad").to_numpy().astype(int)
    model = LogisticRegression(C=1.0, max_iter=10000).fit(X, y)
    cases = []
    for columns in CASES:
        idx = [FEATURES.index(c) for c in columns]
        r = partial_dependence(model, X, idx, kind="both", method="brute", grid_resolution=100,
                               percentiles=(0.05, 0.95))
        cases.append({
            "columns": columns,
            "grid": [v.tolist() for v in r["values"]],
            "average": r["average"][0].ravel().tolist(),
            "individual": r["individual"][0][:ICE_ROWS].reshape(ICE_ROWS, -1).tolist(),
        })
    out = {
        "sklearn": sklearn.__version__,
        "features": FEATURES,
        "x": X.tolist(),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
        "cases": cases,
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "partial_dependence.json"), "w") as f:
        json.dump(out, f, indent=None)
        f.write("\n")


if __name__ == "__main__":
    main()
