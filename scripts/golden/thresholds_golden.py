#!/usr/bin/python3
"""Golden values of Assay's decision thresholds and cost-sensitive evaluation, computed with
scikit-learn 1.2.1 and numpy by brute force over every threshold.

Run from the repository root with Debian's interpreter (python3-sklearn, python3-numpy):

    /usr/bin/python3 scripts/golden/thresholds_golden.py

Inputs are the labels, positive-class scores and sample weights already committed as golden metric
fixtures (assay-core/src/test/resources/golden/binary_*.json, see PROVENANCE.md there; fixtures
whose labels, scores and weights repeat an earlier one's are skipped) and the stored predictions
of the German credit test split (assay-cli/src/test/resources/data/german_credit_test_predictions.csv).

For every case it writes:
- roc (for cases of at most 400 distinct scores, to keep the file small): roc_curve(y, p, sample_weight=w, drop_intermediate=False) without its first point (the one
  that predicts nothing positive, threshold max + 1): thresholds, fpr, tpr;
- pr: precision_recall_curve(y, p, sample_weight=w): thresholds, and precision and recall without
  their final (1, 0) point;
- optima: for each metric, the threshold among the distinct scores (a row is positive when its score
  is >= the threshold) where scikit-learn's own metric function (precision_score, recall_score,
  fbeta_score with zero_division=0, accuracy_score, balanced_accuracy_score, matthews_corrcoef,
  and tpr - fpr from confusion_matrix) on the thresholded predictions is best; numpy's argmax over
  the thresholds from the highest down, so the highest of equally good thresholds;
- constrained: the same among the thresholds meeting a constraint, or the best reachable value of
  the constrained metric when none does;
- costs: for each cost matrix, the expected cost per row (c_tp tp + c_fp fp + c_fn fn + c_tn tn) /
  sum(w) from confusion_matrix at each threshold and at "nothing positive" (the threshold just above
  the highest score, np.nextafter(max, inf)): its minimum and where (argmin, highest first), at the
  decision threshold 0.5, and the Bayes threshold (c_fp - c_tn) / ((c_fp - c_tn) + (c_fn - c_tp)).

Output: assay-core/src/test/resources/golden/thresholds.json (cases refer to their fixture by file
name) and assay-cli/src/test/resources/golden/thresholds_german_test.json.
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn import metrics as M

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")
CLI = os.path.join(ROOT, "assay-cli", "src", "test", "resources")

assert sklearn.__version__ == "1.2.1", "golden values are defined by scikit-learn 1.2.1, found " + sklearn.__version__

COSTS = [
    {"true_positive": 0.0, "false_positive": 1.0, "false_negative": 5.0, "true_negative": 0.0},
    {"true_positive": 0.5, "false_positive": 2.0, "false_negative": 3.0, "true_negative": 0.25},
    # false alarms so dear that predicting nothing positive is often cheapest
    {"true_positive": 0.0, "false_positive": 50.0, "false_negative": 1.0, "true_negative": 0.0},
]
CONSTRAINTS = [
    ("precision", "recall", ">=", 0.9),
    ("recall", "precision", ">=", 0.8),
    ("recall", "fpr", "<=", 0.05),
    ("f1", "precision", ">=", 1.5),
]


def counts(y, pred, w):
    tn, fp, fn, tp = M.confusion_matrix(y, pred, labels=[0, 1], sample_weight=w).ravel()
    return float(tp), float(fp), float(fn), float(tn)


def metric(name, y, pred, w):
    if name == "precision":
        return M.precision_score(y, pred, sample_weight=w, zero_division=0)
    if name == "recall":
        return M.recall_score(y, pred, sample_weight=w, zero_division=0)
    if name == "f1":
        return M.f1_score(y, pred, sample_weight=w, zero_division=0)
    if name == "f0.5":
        return M.fbeta_score(y, pred, beta=0.5, sample_weight=w, zero_division=0)
    if name == "f2":
        return M.fbeta_score(y, pred, beta=2, sample_weight=w, zero_division=0)
    if name == "accuracy":
        return M.accuracy_score(y, pred, sample_weight=w)
    if name == "balanced_accuracy":
        return M.balanced_accuracy_score(y, pred, sample_weight=w)
    if name == "mcc":
        return M.matthews_corrcoef(y, pred, sample_weight=w)
    tp, fp, fn, tn = counts(y, pred, w)
    if name == "fpr":
        return fp / (fp + tn)
    if name == "youden_j":
        return tp / (tp + fn) - fp / (fp + tn)
    raise ValueError(name)


MAX_CURVE_POINTS = 400
METRICS = ["precision", "recall", "f1", "f0.5", "f2", "accuracy", "balanced_accuracy", "mcc", "youden_j", "fpr"]


def first_best(values, mask, larger):
    idx = np.flatnonzero(mask)
    if len(idx) == 0:
        return None
    v = values[idx]
    k = idx[int(np.argmax(v) if larger else np.argmin(v))]
    return int(k)


def case(y, p, w):
    fpr, tpr, roc_thr = M.roc_curve(y, p, sample_weight=w, drop_intermediate=False)
    precision, recall, pr_thr = M.precision_recall_curve(y, p, sample_weight=w)
    thresholds = np.unique(p)[::-1]
    assert np.array_equal(thresholds, roc_thr[1:]) and np.array_equal(thresholds, pr_thr[::-1])
    table = {m: np.array([metric(m, y, (p >= t).astype(int), w) for t in thresholds]) for m in METRICS}
    above_all = np.nextafter(thresholds[0], np.inf)
    cost_thresholds = np.concatenate([[above_all], thresholds])
    confusion = np.array([counts(y, (p >= t).astype(int), w) for t in cost_thresholds])
    everything = np.ones(len(thresholds), dtype=bool)
    optima = {}
    for m in METRICS:
        k = first_best(table[m], everything, m != "fpr")
        optima[m] = {"threshold": float(thresholds[k]), "value": float(table[m][k]), "index": k}
    constrained = []
    for target, on, op, bound in CONSTRAINTS:
        values = table[on]
        mask = values >= bound if op == ">=" else values <= bound
        k = first_best(table[target], mask, True)
        entry = {"optimize": target, "constraint": "%s %s %s" % (on, op, bound)}
        if k is None:
            r = first_best(values, everything, op == ">=")
            entry.update({"feasible": False, "reachable": float(values[r]), "reachable_threshold": float(thresholds[r])})
        else:
            entry.update({"feasible": True, "threshold": float(thresholds[k]), "value": float(table[target][k]), "index": k})
        constrained.append(entry)
    total = float(np.sum(w)) if w is not None else float(len(y))
    costs = []
    for c in COSTS:
        cost = (c["true_positive"] * confusion[:, 0] + c["false_positive"] * confusion[:, 1]
                + c["false_negative"] * confusion[:, 2] + c["true_negative"] * confusion[:, 3]) / total
        k = int(np.argmin(cost))
        tp, fp, fn, tn = counts(y, (p >= 0.5).astype(int), w)
        at_half = (c["true_positive"] * tp + c["false_positive"] * fp + c["false_negative"] * fn + c["true_negative"] * tn) / total
        dfp = c["false_positive"] - c["true_negative"]
        dfn = c["false_negative"] - c["true_positive"]
        costs.append({**c, "optimal_threshold": float(cost_thresholds[k]), "optimal_cost": float(cost[k]), "cost_at_0.5": float(at_half),
                      "bayes_threshold": dfp / (dfp + dfn)})
    if len(thresholds) > MAX_CURVE_POINTS:
        return {"optima": optima, "constrained": constrained, "costs": costs}
    return {
        "roc": {"thresholds": roc_thr[1:].tolist(), "fpr": fpr[1:].tolist(), "tpr": tpr[1:].tolist()},
        "pr": {"thresholds": pr_thr.tolist(), "precision": precision[:-1].tolist(), "recall": recall[:-1].tolist()},
        "optima": optima,
        "constrained": constrained,
        "costs": costs,
    }


def core_cases():
    index = json.load(open(os.path.join(CORE, "index.json")))
    out, seen = [], set()
    for name in index["cases"]:
        fixture = json.load(open(os.path.join(CORE, name)))
        if fixture["task"] != "binary" or fixture.get("score") is None:
            continue
        y = np.array([str(v) == str(fixture["positive"]) for v in fixture["label"]], dtype=int)
        p = np.array(fixture["score"], dtype=float)
        w = None if fixture.get("weight") is None else np.array(fixture["weight"], dtype=float)
        key = (y.tobytes(), p.tobytes(), None if w is None else w.tobytes())
        if key in seen:
            continue
        seen.add(key)
        out.append({"fixture": name, **case(y, p, w)})
    return out


def german_test():
    with open(os.path.join(CLI, "data", "german_credit_test_predictions.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    y = np.array([r["class"] == "bad" for r in rows], dtype=int)
    p = np.array([float(r["proba_bad"]) for r in rows])
    return {"file": "data/german_credit_test_predictions.csv", "label": "class", "positive": "bad", "score": "proba_bad",
            **case(y, p, None)}


def write(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=None, separators=(",", ":"))
        f.write("\n")


versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}
write(os.path.join(CORE, "thresholds.json"), {"versions": versions, "costs": COSTS, "cases": core_cases()})
write(os.path.join(CLI, "golden", "thresholds_german_test.json"), {"versions": versions, "costs": COSTS, **german_test()})
