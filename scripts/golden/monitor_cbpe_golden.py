#!/usr/bin/python3
"""Golden values of Assay's label-free performance estimation (CBPE), computed with scikit-learn 1.2.1.

Run from the repository root with Debian's interpreter (python3-sklearn, -pandas):

    /usr/bin/python3 scripts/golden/monitor_cbpe_golden.py

Input: the UCI Adult training data bundled at examples/models/adult.csv (see its README).
Model: a scikit-learn LogisticRegression(max_iter=2000) on the standardised numeric columns and the
one-hot categorical columns (without fnlwgt), fitted on the rows numbered 20000 and above of a
seeded shuffle (numpy default_rng(17).permutation). Scores (positive class ">50K") are rounded to 6
decimals, so the fixture's scores are exactly the ones used; predicted class = score >= 0.5.
Rows 0..5999 of the shuffle are the reference (chunks of 1000), rows 6000..8999 three windows of 1000,
and a drifted window is the first 1000 rows from 9000 on with age >= 50 (an older subpopulation).

Per window, following NannyML 0.8's CBPE (binary):
- calibrated (stored for w1 and age_50_plus) = IsotonicRegression(out_of_bounds="clip").fit(ref_scores, ref_truth).predict(scores);
- expected cells: tp = sum(p [pred=1]), fp = sum(1-p [pred=1]), fn = sum(p [pred=0]), tn = sum(1-p [pred=0]),
  and the metrics read from them;
- estimated roc_auc: NannyML's estimate_roc_auc on the calibrated probabilities, curve closed at (0, 0);
- realised metrics: sklearn accuracy_score, precision_score, recall_score, f1_score, roc_auc_score;
- reference spread: mean and numpy std (ddof 0) of each realised metric over the six reference chunks.

Output: assay-core/src/test/resources/golden/monitor_cbpe_adult.json
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, auc, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
data = data.iloc[np.random.default_rng(17).permutation(len(data))].reset_index(drop=True)
truth = (data["income-per-year"] == ">50K").to_numpy()
numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
categorical = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"]
X = np.hstack([StandardScaler().fit_transform(data[numeric].astype(float)),
               pd.get_dummies(data[categorical]).to_numpy(dtype=float)])
model = LogisticRegression(max_iter=2000).fit(X[20000:], truth[20000:])
scores = np.round(model.predict_proba(X)[:, 1], 6)
predicted = scores >= 0.5

REF = np.arange(0, 6000)
CHUNK = 1000
old = np.flatnonzero((data["age"].to_numpy() >= 50) & (np.arange(len(data)) >= 9000))[:1000]
WINDOWS = {"w1": np.arange(6000, 7000), "w2": np.arange(7000, 8000), "w3": np.arange(8000, 9000), "age_50_plus": old}

calibrator = IsotonicRegression(out_of_bounds="clip").fit(scores[REF], truth[REF])


def estimate_roc_auc(p):
    """NannyML 0.8 nannyml/performance_estimation/confidence_based/metrics.py estimate_roc_auc, with the curve
    closed at the origin (0, 0): NannyML 0.8 ends the curve at the highest threshold's point, later versions
    append a threshold of 1 to come close to the origin; the difference is the triangle to (0, 0)."""
    thresholds = np.sort(p)
    one_min = 1 - thresholds
    TP = np.cumsum(thresholds[::-1])[::-1]
    FP = np.cumsum(one_min[::-1])[::-1]
    FN = np.cumsum(np.insert(thresholds, 0, 0)[:-1])
    TN = np.cumsum(np.insert(one_min, 0, 0)[:-1])
    keep = np.diff(np.insert(thresholds, 0, -1)).astype(bool)
    TP, FP, FN, TN = TP[keep], FP[keep], FN[keep], TN[keep]
    tpr = TP / (TP + FN)
    fpr = FP / (FP + TN)
    return float(auc(np.append(fpr, 0), np.append(tpr, 0)))


def realised(rows):
    t, y, s = truth[rows], predicted[rows], scores[rows]
    return {"accuracy": accuracy_score(t, y), "precision": precision_score(t, y), "recall": recall_score(t, y),
            "f1": f1_score(t, y), "roc_auc": roc_auc_score(t, s)}


def bits(a):
    return "".join("1" if v else "0" for v in a)


chunks = [realised(REF[i:i + CHUNK]) for i in range(0, len(REF), CHUNK)]
spread = {m: [float(np.mean([c[m] for c in chunks])), float(np.std([c[m] for c in chunks]))] for m in chunks[0]}
windows = {}
for name, rows in WINDOWS.items():
    p = calibrator.predict(scores[rows])
    y = predicted[rows]
    tp, fp, fn, tn = p[y].sum(), (1 - p[y]).sum(), p[~y].sum(), (1 - p[~y]).sum()
    windows[name] = {
        "rows": rows.tolist(),
        "calibrated": p.tolist() if name in ("w1", "age_50_plus") else None,
        "expected": [float(tp), float(fp), float(fn), float(tn)],
        "estimated": {"accuracy": float((tp + tn) / len(rows)), "precision": float(tp / (tp + fp)),
                      "recall": float(tp / (tp + fn)), "f1": float(2 * tp / (2 * tp + fp + fn)),
                      "roc_auc": estimate_roc_auc(p)},
        "realised": {k: float(v) for k, v in realised(rows).items()},
    }

used = np.unique(np.concatenate([REF] + list(WINDOWS.values())))
out = {
    "sklearn": sklearn.__version__,
    "chunk": CHUNK,
    "reference_rows": [0, 6000],
    "row_ids": used.tolist(),
    "scores": [float(v) for v in scores[used]],
    "truth": bits(truth[used]),
    "ages": [int(v) for v in data["age"].to_numpy()[used]],
    "reference_spread": spread,
    "windows": windows,
}
path = os.path.join(ROOT, "assay-core/src/test/resources/golden/monitor_cbpe_adult.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, os.path.getsize(path), "bytes")
for name, w in windows.items():
    print(name, {k: round(v, 4) for k, v in w["estimated"].items()}, {k: round(v, 4) for k, v in w["realised"].items()})
