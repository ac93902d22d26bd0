#!/usr/bin/python3
"""Golden paired bootstrap of metric differences (candidate - baseline) for Assay's compare package.

Run from the repository root with Debian 12's interpreter (python3-scipy 1.10, python3-sklearn 1.2.1,
python3-numpy):

    /usr/bin/python3 scripts/golden/paired_bootstrap_golden.py

Reads assay-core/src/test/resources/compare/german_credit.json (written by compare_golden.py: 300
German credit test rows scored by a logistic regression, the baseline, and a random forest, the
candidate) and writes paired_bootstrap_german_credit.json beside it: seeded resamples drawn with numpy
(row indices, one stratum per class of the label, classes in sorted order, each stratum resampled to its
own size), the SAME rows for both models; per metric scikit-learn's value for each model on the full
data, the difference candidate - baseline on every resample, the leave-one-out (jackknife) differences
per stratum, the percentile interval (np.percentile, linear) and the BCa interval (levels from
scipy.stats._resampling._bca_interval with each stratum one sample, bounds by np.percentile, as
scipy.stats.bootstrap does). Java tests read the same index sets; they never run Python.

It also writes assay-cli/src/test/resources/golden/german_credit_paired_bootstrap.json: the 95%
percentile intervals of the differences from 2000 numpy resamples (seed 17) of the same rows, which the
seeded end-to-end run of `assay compare` (its own random draws) must cover roughly.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.stats._resampling import _bca_interval
from sklearn import metrics as M

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, "assay-core", "src", "test", "resources", "compare")
RESAMPLES = 200
LEVEL = 0.95
SEED = 13
THRESHOLD = 0.5

assert scipy.__version__ == "1.10.1" and sklearn.__version__ == "1.2.1", (scipy.__version__, sklearn.__version__)

METRICS = {
    "accuracy": lambda y, s: M.accuracy_score(y, s >= THRESHOLD),
    "roc_auc": lambda y, s: M.roc_auc_score(y, s),
    "recall": lambda y, s: M.recall_score(y, s >= THRESHOLD),
    "precision": lambda y, s: M.precision_score(y, s >= THRESHOLD),
    "f1": lambda y, s: M.f1_score(y, s >= THRESHOLD),
    "average_precision": lambda y, s: M.average_precision_score(y, s),
    "log_loss": lambda y, s: M.log_loss(y, s),
}

src = json.load(open(os.path.join(DIR, "german_credit.json")))
y = np.array(src["label"]) == src["positive"]
base = np.array(src["baseline_score"])
cand = np.array(src["candidate_score"])
strata = [np.flatnonzero(y == c) for c in (False, True)]
rng = np.random.RandomState(SEED)
resamples = [np.concatenate([s[rng.randint(0, len(s), len(s))] for s in strata]) for _ in range(RESAMPLES)]
alpha = (1 - LEVEL) / 2
out = {"source": "german_credit.json", "seed": SEED, "level": LEVEL, "threshold": THRESHOLD,
       "reference": "scikit-learn " + sklearn.__version__ + " metrics; scipy " + scipy.__version__
                    + " scipy.stats._resampling._bca_interval; numpy " + np.__version__ + " np.percentile (linear)",
       "strata": [s.tolist() for s in strata], "resamples": [r.tolist() for r in resamples], "metrics": {}}
for name, metric in METRICS.items():
    def difference(rows):
        return metric(y[rows], cand[rows]) - metric(y[rows], base[rows])

    def statistic(*samples, axis=-1):
        rows = np.concatenate(samples, axis=-1)
        return difference(rows) if rows.ndim == 1 else np.array([difference(r) for r in rows])

    replicates = np.array([difference(r) for r in resamples])
    jackknife = []
    for j, s in enumerate(strata):
        others = [t for k, t in enumerate(strata) if k != j]
        jackknife.append([difference(np.concatenate(others + [np.delete(s, i)])) for i in range(len(s))])
    alpha_1, alpha_2, _ = _bca_interval(tuple(strata), statistic, -1, alpha, replicates, None)
    out["metrics"][name] = {
        "baseline": float(metric(y, base)), "candidate": float(metric(y, cand)),
        "difference": float(difference(np.arange(len(y)))),
        "replicates": replicates.tolist(), "jackknife": jackknife,
        "percentile": [float(np.percentile(replicates, alpha * 100)), float(np.percentile(replicates, (1 - alpha) * 100))],
        "bca": [float(np.percentile(replicates, alpha_1 * 100)), float(np.percentile(replicates, alpha_2 * 100))],
    }
with open(os.path.join(DIR, "paired_bootstrap_german_credit.json"), "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")

CLI_METRICS = ["accuracy", "roc_auc", "f1", "log_loss"]
rng = np.random.RandomState(17)
wide = [np.concatenate([s[rng.randint(0, len(s), len(s))] for s in strata]) for _ in range(2000)]
cli = {"source": "german_credit_two_models.csv (the rows of german_credit.json)", "seed": 17, "resamples": len(wide),
       "level": LEVEL, "reference": out["reference"], "metrics": {}}
for name in CLI_METRICS:
    metric = METRICS[name]
    reps = np.array([metric(y[r], cand[r]) - metric(y[r], base[r]) for r in wide])
    cli["metrics"][name] = {"difference": out["metrics"][name]["difference"],
                            "percentile": [float(np.percentile(reps, alpha * 100)), float(np.percentile(reps, (1 - alpha) * 100))]}
with open(os.path.join(ROOT, "assay-cli", "src", "test", "resources", "golden", "german_credit_paired_bootstrap.json"), "w") as f:
    json.dump(cli, f, indent=1)
    f.write("\n")
