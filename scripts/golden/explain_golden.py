#!/usr/bin/python3
"""Golden permutation importances for Assay's explain package.

Run from the repository root with Debian's interpreter (python3-sklearn 1.2.1, python3-numpy,
python3-pandas):

    /usr/bin/python3 scripts/golden/explain_golden.py

Fits a logistic regression (scikit-learn, lbfgs, C=1) on the numeric columns of the bundled German
credit data (examples/german-credit/german_credit.csv, label class == 'bad'), then runs
sklearn.inspection.permutation_importance with n_repeats=5, random_state=7 for three scorers
(accuracy, roc_auc, neg_log_loss) on the same data.

Writes assay-core/src/test/resources/golden/explain/permutation_importance.json with the data (x, y),
the model's weights (so the Java test builds the same model), the effective row order of every repeat (scikit-learn
shuffles one index array in place per repeat and reorders the already permuted column, so repeat k
reads the original rows at order_k = order_{k-1}[shuffle_k]; every feature uses the same seed, hence the
same orders) and scikit-learn's baseline scores and importances (mean, population std, raw).
The orders are re-derived here and checked against scikit-learn's own result before writing.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "explain")
FEATURES = ["duration", "credit_amount", "installment_commitment", "residence_since", "age",
            "existing_credits", "num_dependents"]
REPEATS = 5
SEED = 7


def orders(n):
    rs = np.random.RandomState(SEED)
    seed = rs.randint(np.iinfo(np.int32).max + 1)
    inner = np.random.RandomState(seed)
    idx = np.arange(n)
    current = np.arange(n)
    out = []
    for _ in range(REPEATS):
        inner.shuffle(idx)
        current = current[idx]
        out.append(current.copy())
    return out


def main():
    df = pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"))
    X = df[FEATURES].to_numpy(dtype=float)
    y = (df["class"] == "bad").to_numpy().astype(int)
    model = LogisticRegression(C=1.0, max_iter=10000).fit(X, y)
    perms = orders(len(y))
    scorers = {"accuracy": lambda p: accuracy_score(y, (p >= 0.5).astype(int)),
               "roc_auc": lambda p: roc_auc_score(y, p),
               "neg_log_loss": lambda p: -log_loss(y, p)}
    results = {}
    for name, score in scorers.items():
        r = permutation_importance(model, X, y, scoring=name, n_repeats=REPEATS, random_state=SEED)
        base = score(model.predict_proba(X)[:, 1])
        mine = np.zeros((len(FEATURES), REPEATS))
        for j in range(len(FEATURES)):
            for k, order in enumerate(perms):
                Xp = X.copy()
                Xp[:, j] = X[order, j]
                mine[j, k] = base - score(model.predict_proba(Xp)[:, 1])
        assert np.allclose(mine, r.importances, rtol=0, atol=1e-12), name
        results[name] = {"baseline": base, "mean": r.importances_mean.tolist(),
                         "std": r.importances_std.tolist(), "importances": r.importances.tolist()}
    out = {"sklearn": sklearn.__version__, "features": FEATURES, "label": "class", "positive": "bad",
           "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
           "x": X.tolist(), "y": y.tolist(), "orders": [p.tolist() for p in perms], "scores": results}
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "permutation_importance.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
