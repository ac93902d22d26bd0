#!/usr/bin/python3
"""Golden values of Assay's calibration measures, computed with scikit-learn 1.2.1 and numpy.

Run from the repository root with Debian's interpreter (python3-sklearn, python3-numpy):

    /usr/bin/python3 scripts/golden/calibration_golden.py

Inputs are the labels and positive-class scores already committed as golden metric fixtures
(assay-core/src/test/resources/golden/binary_*.json, see PROVENANCE.md there; the weighted variants
are skipped because the calibration measures count rows, and so are fixtures whose labels and
scores repeat an earlier one's) and the stored predictions of the German
credit test split (assay-cli/src/test/resources/data/german_credit_test_predictions.csv).

For every case, strategy (uniform, quantile) and bin count (5, 10, 15) it writes:
- prob_true, prob_pred: scikit-learn's calibration_curve(y, p, n_bins=..., strategy=...), which
  drops empty bins;
- count: the rows of each non-empty bin, from the same binning as calibration_curve
  (np.searchsorted(edges[1:-1], p), side 'left'), asserted consistent with prob_true;
- ece = sum_b n_b / n * |prob_true_b - prob_pred_b|, mce = max_b |prob_true_b - prob_pred_b|;
- brier_score: sklearn.metrics.brier_score_loss(y, p, pos_label=...);
- the Murphy (1973) decomposition over the same bins, with f_b, o_b the bin means of forecast and
  outcome and o the overall rate: reliability = sum n_b/n (f_b - o_b)^2, resolution = sum n_b/n
  (o_b - o)^2, uncertainty = o (1 - o), and the within-bin terms of Stephenson et al. (2008):
  within_variance = 1/n sum_b sum_i (p_i - f_b)^2, within_covariance = 1/n sum_b sum_i (p_i - f_b)
  (y_i - o_b), so that brier = reliability - resolution + uncertainty + within_variance
  - 2 within_covariance (asserted here to 1e-12).

Output: assay-core/src/test/resources/golden/calibration.json (core cases refer to their fixture
by file name) and assay-cli/src/test/resources/golden/calibration_german_test.json.
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")
CLI = os.path.join(ROOT, "assay-cli", "src", "test", "resources")

assert sklearn.__version__ == "1.2.1", "golden values are defined by scikit-learn 1.2.1, found " + sklearn.__version__


def measures(y, p, n_bins, strategy):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    total = np.bincount(ids, minlength=len(edges))
    nonzero = total != 0
    count = total[nonzero]
    assert np.array_equal(np.bincount(ids, weights=y, minlength=len(edges))[nonzero] / count, prob_true)
    n = len(y)
    gap = np.abs(prob_true - prob_pred)
    o = y.mean()
    f_row = prob_pred[np.searchsorted(np.flatnonzero(nonzero), ids)]
    o_row = prob_true[np.searchsorted(np.flatnonzero(nonzero), ids)]
    out = {
        "strategy": strategy,
        "n_bins": n_bins,
        "prob_true": prob_true.tolist(),
        "prob_pred": prob_pred.tolist(),
        "count": count.tolist(),
        "ece": float(np.sum(count / n * gap)),
        "mce": float(np.max(gap)),
        "brier_score": float(brier_score_loss(y, p)),
        "brier_reliability": float(np.sum(count / n * (prob_pred - prob_true) ** 2)),
        "brier_resolution": float(np.sum(count / n * (prob_true - o) ** 2)),
        "brier_uncertainty": float(o * (1 - o)),
        "within_variance": float(np.mean((p - f_row) ** 2)),
        "within_covariance": float(np.mean((p - f_row) * (y - o_row))),
    }
    rebuilt = (out["brier_reliability"] - out["brier_resolution"] + out["brier_uncertainty"]
               + out["within_variance"] - 2 * out["within_covariance"])
    assert abs(rebuilt - out["brier_score"]) < 1e-12, (rebuilt, out["brier_score"])
    return out


def variants(y, p):
    return [measures(y, p, b, s) for s in ("uniform", "quantile") for b in (5, 10, 15)]


def core_cases():
    index = json.load(open(os.path.join(CORE, "index.json")))
    cases, seen = [], set()
    for name in index["cases"]:
        fixture = json.load(open(os.path.join(CORE, name)))
        if fixture["task"] != "binary" or fixture.get("weight") is not None or fixture.get("score") is None:
            continue
        y = np.array([str(v) == str(fixture["positive"]) for v in fixture["label"]], dtype=float)
        p = np.array(fixture["score"], dtype=float)
        if (y.tobytes(), p.tobytes()) in seen:
            continue
        seen.add((y.tobytes(), p.tobytes()))
        cases.append({"fixture": name, "variants": variants(y, p)})
    return cases


def german_test():
    with open(os.path.join(CLI, "data", "german_credit_test_predictions.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    y = np.array([r["class"] == "bad" for r in rows], dtype=float)
    p = np.array([float(r["proba_bad"]) for r in rows])
    return {"file": "data/german_credit_test_predictions.csv", "label": "class", "positive": "bad", "score": "proba_bad",
            "variants": variants(y, p)}


def write(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}
write(os.path.join(CORE, "calibration.json"), {"versions": versions, "cases": core_cases()})
write(os.path.join(CLI, "golden", "calibration_german_test.json"), {"versions": versions, **german_test()})
