#!/usr/bin/env python3
"""The peer of `assay evaluate` end to end: read a CSV with pandas, compute the binary metrics.

    pandas_sklearn_evaluate.py FILE.csv

Timed as a whole process (interpreter start, imports, read_csv, metrics), like the assay command.
"""
import sys

import pandas as pd
from sklearn import metrics

data = pd.read_csv(sys.argv[1])
y = data["label"].to_numpy()
p = data["score"].to_numpy()
pred = (p >= 0.5).astype(int)
values = {
    "accuracy": metrics.accuracy_score(y, pred),
    "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
    "precision": metrics.precision_score(y, pred),
    "recall": metrics.recall_score(y, pred),
    "f1": metrics.f1_score(y, pred),
    "mcc": metrics.matthews_corrcoef(y, pred),
    "cohen_kappa": metrics.cohen_kappa_score(y, pred),
    "roc_auc": metrics.roc_auc_score(y, p),
    "average_precision": metrics.average_precision_score(y, p),
    "log_loss": metrics.log_loss(y, p),
    "brier_score": metrics.brier_score_loss(y, p),
}
print(metrics.confusion_matrix(y, pred))
for k, v in values.items():
    print(f"{k} {v:.10f}")
