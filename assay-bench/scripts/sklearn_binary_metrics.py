#!/usr/bin/env python3
"""Times scikit-learn's binary metrics on the data written by make_binary_data.py.

    sklearn_binary_metrics.py OUT_PREFIX REPEATS

Computes what `Evaluator.binary` computes: the confusion matrix, precision, recall and f1,
roc_auc, average_precision, log_loss and brier_score, on arrays already in memory (loading is
not timed). Prints one line per repeat and `best_seconds=<s>` and the metric values last.
"""
import sys
import time

import numpy as np
from sklearn import metrics

prefix, repeats = sys.argv[1], int(sys.argv[2])
y = np.fromfile(prefix + ".labels", dtype=np.int8)
p = np.fromfile(prefix + ".scores", dtype="<f8")
best = float("inf")
for r in range(repeats):
    t0 = time.perf_counter()
    pred = (p >= 0.5).astype(np.int8)
    cm = metrics.confusion_matrix(y, pred)
    prec, rec, f1, _ = metrics.precision_recall_fscore_support(y, pred, average="binary")
    auc = metrics.roc_auc_score(y, p)
    ap = metrics.average_precision_score(y, p)
    ll = metrics.log_loss(y, p)
    brier = metrics.brier_score_loss(y, p)
    elapsed = time.perf_counter() - t0
    best = min(best, elapsed)
    print(f"repeat {r + 1}: {elapsed:.3f} s", flush=True)
print(f"values: precision={prec:.12f} recall={rec:.12f} f1={f1:.12f} roc_auc={auc:.12f} "
      f"average_precision={ap:.12f} log_loss={ll:.12f} brier_score={brier:.12f}")
print(f"best_seconds={best:.4f}")
