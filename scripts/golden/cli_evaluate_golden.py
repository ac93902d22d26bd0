#!/usr/bin/env python3
"""Golden values for the end-to-end test of `assay evaluate` on the demo's test.csv.

Run from the repository root with Debian's scikit-learn 1.2.1 (apt-get install python3-sklearn
python3-pandas):
    /usr/bin/python3 scripts/golden/cli_evaluate_golden.py
Writes assay-cli/src/test/resources/golden/german_test_evaluate.json.
"""
import json

import pandas as pd
from sklearn import metrics

data = pd.read_csv("examples/german-credit/test.csv")
y = (data["class"] == "bad").astype(int).to_numpy()
pred = (data["predicted"] == "bad").astype(int).to_numpy()
score = data["proba_bad"].to_numpy()
tn, fp, fn, tp = metrics.confusion_matrix(y, pred).ravel()
golden = {
    "source": "examples/german-credit/test.csv, label class, positive bad, score proba_bad, prediction predicted",
    "sklearn": __import__("sklearn").__version__,
    "rows": int(len(y)),
    "metrics": {
        "accuracy": metrics.accuracy_score(y, pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred),
        "recall": metrics.recall_score(y, pred),
        "f1": metrics.f1_score(y, pred),
        "specificity": tn / (tn + fp),
        "npv": tn / (tn + fn),
        "fpr": fp / (fp + tn),
        "fnr": fn / (fn + tp),
        "mcc": metrics.matthews_corrcoef(y, pred),
        "cohen_kappa": metrics.cohen_kappa_score(y, pred),
        "roc_auc": metrics.roc_auc_score(y, score),
        "average_precision": metrics.average_precision_score(y, score),
        "log_loss": metrics.log_loss(y, score),
        "brier_score": metrics.brier_score_loss(y, score),
    },
    "confusion_matrix": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
}
golden["metrics"] = {k: float(v) for k, v in golden["metrics"].items()}
with open("assay-cli/src/test/resources/golden/german_test_evaluate.json", "w") as f:
    json.dump(golden, f, indent=2, sort_keys=True)
    f.write("\n")
print("wrote", len(golden["metrics"]), "metrics")
