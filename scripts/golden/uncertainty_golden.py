#!/usr/bin/python3
"""Golden confidence intervals for Assay's uncertainty package.

Run from the repository root with Debian's interpreter (python3-scipy 1.10, python3-sklearn 1.2.1,
python3-numpy, python3-statsmodels):

    /usr/bin/python3 scripts/golden/uncertainty_golden.py

Writes into assay-core/src/test/resources/golden/uncertainty/:

* wilson.json: statsmodels' proportion_confint(method='wilson') for several (successes, n, level),
  including 0 and n successes.
* bootstrap_<case>.json: for an existing metric fixture (../<case>.json, real labels, scores and
  predictions), seeded stratified bootstrap resamples drawn with numpy (row indices, one stratum per
  class of the label, each stratum resampled to its own size), each replicate's metric computed with
  scikit-learn, the leave-one-out jackknife values per stratum, and the percentile and BCa intervals.
  The BCa levels come from scipy.stats._resampling._bca_interval (scipy 1.10, the function
  scipy.stats.bootstrap uses, with each stratum as one of its samples), the interval bounds from
  np.percentile (linear interpolation) of the replicates at those levels, as scipy.stats.bootstrap does.

Java tests read the same index sets, compute the replicates with Assay's evaluator and must find the
same replicates and intervals; they never run Python.
"""
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy.special import ndtri
from scipy.stats._resampling import _bca_interval, _percentile_of_score
from sklearn import metrics as M
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")
OUT = os.path.join(GOLDEN, "uncertainty")
RESAMPLES = 200
LEVEL = 0.95

assert scipy.__version__ == "1.10.1" and sklearn.__version__ == "1.2.1", (scipy.__version__, sklearn.__version__)


def wilson():
    cases = []
    for successes, n, level in [(0, 1, 0.95), (1, 1, 0.95), (0, 30, 0.95), (30, 30, 0.95), (39, 90, 0.95),
                                (39, 90, 0.9), (39, 90, 0.99), (197, 210, 0.95), (236, 300, 0.8), (1, 1000, 0.95),
                                (4000, 4210, 0.95)]:
        lower, upper = proportion_confint(successes, n, alpha=1 - level, method="wilson")
        cases.append({"successes": successes, "n": n, "level": level, "lower": float(lower), "upper": float(upper)})
    return {"reference": "statsmodels " + statsmodels.__version__ + " proportion_confint(method='wilson')", "cases": cases}


def binary_metric(name, pos):
    def compute(y, pred, score):
        if name == "roc_auc":
            return M.roc_auc_score(y == pos, score)
        if name == "recall":
            return M.recall_score(y, pred, pos_label=pos)
        if name == "f1":
            return M.f1_score(y, pred, pos_label=pos)
        if name == "log_loss":
            return M.log_loss(y == pos, score)
        raise ValueError(name)
    return compute


def regression_metric(name):
    def compute(y, pred, _score):
        return {"r2": M.r2_score, "mae": M.mean_absolute_error}[name](y, pred)
    return compute


def bootstrap(case, metrics, seed):
    src = json.load(open(os.path.join(GOLDEN, case + ".json")))
    y = np.array(src["label"])
    pred = np.array(src["prediction"])
    score = np.array(src["score"]) if src.get("score") is not None else None
    n = len(y)
    if src["task"] == "regression":
        strata = [np.arange(n)]
        computes = {m: regression_metric(m) for m in metrics}
    else:
        # one stratum per class, classes in sorted order, rows in their original order
        strata = [np.flatnonzero(y == c) for c in sorted(set(y.tolist()))]
        computes = {m: binary_metric(m, src["positive"]) for m in metrics}

    rng = np.random.RandomState(seed)
    resamples = [np.concatenate([s[rng.randint(0, len(s), len(s))] for s in strata]) for _ in range(RESAMPLES)]

    out = {"source": case + ".json", "seed": seed, "level": LEVEL,
           "reference": "scipy " + scipy.__version__ + " scipy.stats._resampling._bca_interval; scikit-learn "
                        + sklearn.__version__ + " metrics; numpy " + np.__version__ + " np.percentile (linear)",
           "strata": [s.tolist() for s in strata], "resamples": [r.tolist() for r in resamples], "metrics": {}}
    alpha = (1 - LEVEL) / 2
    for name, compute in computes.items():
        def on_rows(rows):
            return compute(y[rows], pred[rows], None if score is None else score[rows])

        def statistic(*samples, axis=-1):
            rows = np.concatenate(samples, axis=-1)
            if rows.ndim == 1:
                return on_rows(rows)
            return np.array([on_rows(r) for r in rows])

        estimate = on_rows(np.concatenate(strata))
        replicates = np.array([on_rows(r) for r in resamples])
        jackknife = []
        for j, s in enumerate(strata):
            others = [t for k, t in enumerate(strata) if k != j]
            jackknife.append([on_rows(np.concatenate(others + [np.delete(s, i)])) for i in range(len(s))])
        alpha_1, alpha_2, a_hat = _bca_interval(tuple(strata), statistic, -1, alpha, replicates, None)
        z0 = ndtri(_percentile_of_score(replicates, np.asarray(estimate)[..., None], axis=-1))
        out["metrics"][name] = {
            "estimate": float(estimate),
            "replicates": replicates.tolist(),
            "jackknife": jackknife,
            "bias_correction": float(z0),
            "acceleration": float(a_hat),
            "percentile": [float(np.percentile(replicates, alpha * 100)), float(np.percentile(replicates, (1 - alpha) * 100))],
            "bca_levels": [float(alpha_1), float(alpha_2)],
            "bca": [float(np.percentile(replicates, alpha_1 * 100)), float(np.percentile(replicates, alpha_2 * 100))],
        }
    return out


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")


os.makedirs(OUT, exist_ok=True)
write("wilson.json", wilson())
write("bootstrap_binary_german_credit.json", bootstrap("binary_german_credit", ["roc_auc", "recall", "f1", "log_loss"], 7))
write("bootstrap_regression_professor_salaries.json", bootstrap("regression_professor_salaries", ["r2", "mae"], 11))
