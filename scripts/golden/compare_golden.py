#!/usr/bin/python3
"""Golden values of Assay's champion/challenger statistics (McNemar, DeLong, flips).

Run from the repository root with Debian 12's interpreter (python3-sklearn, python3-pandas,
python3-scipy, python3-statsmodels):

    /usr/bin/python3 scripts/golden/compare_golden.py [DATASETS_DIR]

DATASETS_DIR defaults to /work/shared/datasets. The script is deterministic. On a stratified 30%
test split of German credit (random_state 0) it fits two different models on the same training
rows, a scaled logistic regression (the baseline) and a random forest (the candidate), and scores
the same 300 test rows with both. It writes:

- assay-core/src/test/resources/compare/german_credit.json: labels, both models' scores and
  predictions, the flips, statsmodels' McNemar tests (exact, chi-square with and without
  continuity correction), scikit-learn's ROC AUCs and DeLong's test of the AUC difference computed
  here with numpy from the published formula (DeLong, DeLong & Clarke-Pearson 1988) by the direct
  O(m n) structural components;
- german_credit_rounded.json: the same with both scores rounded to one decimal (many ties);
- mcnemar_tables.json: statsmodels' McNemar tests on a grid of discordant counts (b, c);
- assay-cli/src/test/resources/data/german_credit_two_models.csv: the label and both models'
  scores and predictions, for the `assay compare` command tests, and
  assay-cli/src/test/resources/golden/german_credit_compare.json: the members that
  `assay compare --format json` must print for it (accuracy by scikit-learn's accuracy_score).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
from scipy.stats import norm
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.contingency_tables import mcnemar

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "compare")
CLI_CSV = os.path.join(ROOT, "assay-cli", "src", "test", "resources", "data", "german_credit_two_models.csv")
CLI_GOLDEN = os.path.join(ROOT, "assay-cli", "src", "test", "resources", "golden", "german_credit_compare.json")
CONFIDENCE = 0.95
VERSIONS = {"scikit-learn": sklearn.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "numpy": np.__version__, "pandas": pd.__version__}

assert sklearn.__version__ == "1.2.1", "golden values are defined by scikit-learn 1.2.1, found " + sklearn.__version__


def mcnemar_tests(b, c):
    """statsmodels' three forms on the 2x2 table [[both right, b], [c, both wrong]]."""
    table = [[0, b], [c, 0]]
    out = {}
    for name, exact, correction in [("exact", True, False), ("chi_square", False, False),
                                    ("chi_square_corrected", False, True)]:
        r = mcnemar(table, exact=exact, correction=correction)
        out[name] = {"statistic": float(r.statistic), "p_value": float(r.pvalue)}
    return out


def delong(y, s1, s2):
    """DeLong's test of auc(s2) - auc(s1): direct structural components, psi(x, y) = 1, 1/2, 0."""
    pos, neg = y == 1, y == 0
    m, n = pos.sum(), neg.sum()
    v10, v01, aucs = [], [], []
    for s in (s1, s2):
        x, z = s[pos][:, None], s[neg][None, :]
        psi = (x > z) + 0.5 * (x == z)
        v10.append(psi.mean(axis=1))
        v01.append(psi.mean(axis=0))
        aucs.append(psi.mean())
    s10 = np.cov(np.vstack(v10))  # unbiased, divides by m - 1
    s01 = np.cov(np.vstack(v01))
    cov = s10 / m + s01 / n
    contrast = np.array([-1.0, 1.0])
    se = float(np.sqrt(contrast @ cov @ contrast))
    diff = aucs[1] - aucs[0]
    z = diff / se
    half = norm.ppf(0.5 + CONFIDENCE / 2) * se
    return {"baseline_auc": float(aucs[0]), "candidate_auc": float(aucs[1]), "difference": float(diff),
            "standard_error": se, "z": float(z), "p_value": float(2 * norm.sf(abs(z))),
            "confidence": CONFIDENCE, "lower": float(diff - half), "upper": float(diff + half)}


def metric_pair(metric, y, base, cand):
    b, c = float(metric(y, base)), float(metric(y, cand))
    return {"baseline": b, "candidate": c, "difference": c - b}


def case(name, y, base_score, cand_score, base_pred, cand_pred):
    base_right, cand_right = base_pred == y, cand_pred == y
    b = int(np.sum(base_right & ~cand_right))
    c = int(np.sum(~base_right & cand_right))
    doc = {
        "name": name, "versions": VERSIONS, "positive": 1,
        "label": y.tolist(), "baseline_score": base_score.tolist(), "candidate_score": cand_score.tolist(),
        "baseline_predicted": base_pred.tolist(), "candidate_predicted": cand_pred.tolist(),
        "flips": {"baseline_only": b, "candidate_only": c,
                  "both_right": int(np.sum(base_right & cand_right)), "both_wrong": int(np.sum(~base_right & ~cand_right))},
        "mcnemar": mcnemar_tests(b, c),
        "roc_auc": {"baseline": float(roc_auc_score(y, base_score)), "candidate": float(roc_auc_score(y, cand_score))},
        "delong": delong(y, base_score, cand_score),
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    return doc


def main():
    os.makedirs(OUT, exist_ok=True)
    df = pd.read_csv(os.path.join(DATA, "german_credit.csv"))
    y = (df["class"] == "bad").astype(int).to_numpy()
    x = pd.get_dummies(df.drop(columns=["class"]), drop_first=True).astype(float)
    x_train, x_test, y_train, y_test, _, test_class = train_test_split(
        x, y, df["class"], test_size=0.3, random_state=0, stratify=y)
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(x_train, y_train)
    candidate = RandomForestClassifier(n_estimators=200, min_samples_leaf=3, random_state=0).fit(x_train, y_train)
    base_score = np.round(baseline.predict_proba(x_test)[:, 1], 6)
    cand_score = np.round(candidate.predict_proba(x_test)[:, 1], 6)
    base_pred = (base_score >= 0.5).astype(int)
    cand_pred = (cand_score >= 0.5).astype(int)

    doc = case("german_credit", y_test, base_score, cand_score, base_pred, cand_pred)
    case("german_credit_rounded", y_test, np.round(base_score, 1), np.round(cand_score, 1), base_pred, cand_pred)

    grid = [(1, 0), (0, 3), (3, 7), (12, 5), (10, 25), (59, 41), (200, 230), (5, 5), (40, 40)]
    with open(os.path.join(OUT, "mcnemar_tables.json"), "w") as f:
        json.dump({"versions": VERSIONS, "tables": [dict(b=b, c=c, **mcnemar_tests(b, c)) for b, c in grid]}, f, indent=1)
        f.write("\n")

    labels = {1: "bad", 0: "good"}
    pd.DataFrame({
        "class": test_class.to_numpy(),
        "logistic_proba_bad": base_score, "forest_proba_bad": cand_score,
        "logistic_predicted": [labels[v] for v in base_pred], "forest_predicted": [labels[v] for v in cand_pred],
    }).to_csv(CLI_CSV, index=False)
    d = doc["delong"]
    cli = {
        "versions": VERSIONS, "rows": len(y_test), "positive": "bad",
        "metrics": {"accuracy": metric_pair(accuracy_score, y_test, base_pred, cand_pred),
                    "roc_auc": metric_pair(roc_auc_score, y_test, base_score, cand_score)},
        "flips": doc["flips"],
        "mcnemar": dict(method="exact", **doc["mcnemar"]["exact"]),
        "delong": {"statistic": d["z"], "p_value": d["p_value"], "difference": d["difference"],
                   "standard_error": d["standard_error"], "confidence": d["confidence"],
                   "lower": d["lower"], "upper": d["upper"]},
    }
    with open(CLI_GOLDEN, "w") as f:
        json.dump(cli, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
