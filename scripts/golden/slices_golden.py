#!/usr/bin/python3
"""Golden values of Assay's sliced evaluation and numeric `where:` filters.

Run from the repository root with Debian's interpreter (python3-pandas 1.5.3, python3-sklearn
1.2.1, python3-statsmodels 0.13.5):

    /usr/bin/python3 scripts/golden/slices_golden.py

Input: the German credit test split with stored predictions of a logistic regression,
assay-cli/src/test/resources/data/german_credit_test_predictions.csv (300 rows, written by
cli_evaluate_golden.py); positive class `bad`, predicted class in `predicted`.

Slices: `age` cut by pandas.qcut(age, 4, duplicates="drop") (labels in Assay's notation, first
bin closed on the left), `personal_status` and `purpose` by value, and the pairs
(personal_status, age) from groupby over both. For each slice: n, positives (rows with class bad),
recall, precision, f1, accuracy from sklearn.metrics (pos_label="bad", zero_division=0), and the
95% Wilson intervals of recall and precision from
statsmodels.stats.proportion.proportion_confint(count, nobs, method="wilson").

Filters: rows of `age < 25`, `age >= 25`, `[25, 40)` and `(28, 37]` (pandas boolean masks), with n
and recall.

Output: the same JSON to assay-core/src/test/resources/golden/slices_german_test.json (with the
five columns it reads, so core tests need no CSV reader) and
assay-cli/src/test/resources/golden/slices_german_test.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
import statsmodels
from sklearn import metrics
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = pd.read_csv(os.path.join(ROOT, "assay-cli/src/test/resources/data/german_credit_test_predictions.csv"))
POS = "bad"


def fmt(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def wilson(count, nobs):
    if nobs == 0:
        return None
    lo, hi = proportion_confint(count, nobs, alpha=0.05, method="wilson")
    return [float(lo), float(hi)]


def measure(rows, describe, key):
    y = rows["class"] == POS
    p = rows["predicted"] == POS
    tp = int((y & p).sum())
    return {
        "slice": describe,
        "key": key,
        "n": int(len(rows)),
        "positives": int(y.sum()),
        "recall": float(metrics.recall_score(y, p, zero_division=0)),
        "precision": float(metrics.precision_score(y, p, zero_division=0)),
        "f1": float(metrics.f1_score(y, p, zero_division=0)),
        "accuracy": float(metrics.accuracy_score(y, p)),
        "recall_wilson": wilson(tp, int(y.sum())),
        "precision_wilson": wilson(tp, int(p.sum())),
    }


codes, edges = pd.qcut(data["age"], 4, labels=False, duplicates="drop", retbins=True)
age_terms = []
for b in range(len(edges) - 1):
    lo, hi = fmt(edges[b]), fmt(edges[b + 1])
    age_terms.append(("age in " + ("[" if b == 0 else "(") + lo + ", " + hi + "]", "age=" + lo + ".." + hi))
data["age_bin"] = codes

slices = []
for b, (d, k) in enumerate(age_terms):
    slices.append(measure(data[data["age_bin"] == b], d, k))
for column in ["personal_status", "purpose"]:
    for value, rows in data.groupby(column, sort=True):
        slices.append(measure(rows, column + " = " + value, column + "=" + value))
for (value, b), rows in data.groupby(["personal_status", "age_bin"], sort=True):
    d, k = age_terms[int(b)]
    slices.append(measure(rows, "personal_status = " + value + " and " + d, "personal_status=" + value + "," + k))

filters = []
for text, mask in [("< 25", data["age"] < 25), (">= 25", data["age"] >= 25),
                   ("[25, 40)", (data["age"] >= 25) & (data["age"] < 40)),
                   ("(28, 37]", (data["age"] > 28) & (data["age"] <= 37))]:
    rows = data[mask]
    filters.append({"age": text, "n": int(len(rows)),
                    "recall": float(metrics.recall_score(rows["class"] == POS, rows["predicted"] == POS, zero_division=0))})

golden = {"pandas": pd.__version__, "sklearn": sklearn.__version__, "statsmodels": statsmodels.__version__,
          "positive": POS, "age_edges": [float(e) for e in edges], "slices": slices, "filters": filters}
with open(os.path.join(ROOT, "assay-cli/src/test/resources/golden/slices_german_test.json"), "w") as f:
    json.dump(golden, f, indent=1)
    f.write("\n")
golden["columns"] = {c: data[c].tolist() for c in ["age", "personal_status", "purpose", "class", "predicted"]}
with open(os.path.join(ROOT, "assay-core/src/test/resources/golden/slices_german_test.json"), "w") as f:
    json.dump(golden, f, indent=1)
    f.write("\n")
print("wrote", len(slices), "slices and", len(filters), "filters")
