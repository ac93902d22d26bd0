#!/usr/bin/python3
"""Golden values of Assay's baselines check, computed with scikit-learn 1.2.1 and numpy.

Run from the repository root with Debian's interpreter (python3-sklearn, python3-numpy):

    /usr/bin/python3 scripts/golden/baselines_golden.py

Inputs are the labels, predictions and (binary) positive-class scores already committed as golden
metric fixtures (assay-core/src/test/resources/golden/{binary,multiclass}_*.json, see PROVENANCE.md
there), including the weighted variants, whose weights go to every scikit-learn call as
sample_weight (class counts n_c are then sums of weights, as DummyClassifier.fit(X, y, sample_weight=w)
counts them). No new data. For every case it writes:
- prevalence of each class of np.unique(y) (n_c / n) and imbalance_ratio = max n_c / min n_c;
- most_frequent: DummyClassifier(strategy='most_frequent').fit(X, y).predict(X), scored by
  scikit-learn: accuracy_score, balanced_accuracy_score and, for binary tasks, recall_score and
  f1_score with pos_label = the minority class (both 0);
- stratified and uniform: random in scikit-learn, so their EXPECTED accuracy is computed here from
  the class frequencies: stratified sum_c p_c^2, uniform 1 / k (k classes in the label);
- accuracy (accuracy_score(y, y_pred)) and accuracy_lift = accuracy - most_frequent accuracy;
- the minority class: the fewest rows, ties to the LAST class in sorted order (the majority class,
  DummyClassifier's, is the FIRST of the most frequent in sorted order); its precision, recall and
  F1 by scikit-learn (binary: pos_label=minority; multiclass: labels=[minority]) with the fixture's
  zero_division; average_precision_score(y, p_minority, pos_label=minority) for binary fixtures with
  scores, p_minority = score (minority is the positive class) or 1 - score.

The German credit fixture appears a second time with "flip": true: positive class 'good' and score
1 - score, so that the minority class ('bad') is the negative class and average precision is taken
on 1 - (1 - score).

Output: assay-core/src/test/resources/golden/baselines.json (cases refer to their fixture by file name)
and assay-cli/src/test/resources/golden/baselines_german_test.json (the stored predictions of the German
credit test split, assay-cli/src/test/resources/data/german_credit_test_predictions.csv: label class,
prediction predicted, score proba_bad, positive class bad).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, f1_score,
                             precision_recall_fscore_support, recall_score)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")

assert sklearn.__version__ == "1.2.1", "golden values are defined by scikit-learn 1.2.1, found " + sklearn.__version__


def zero_division(fixture):
    z = fixture.get("zero_division", "warn")
    return {"warn": "warn", "zero": 0, "one": 1}[z]


def case(name, fixture):
    y = np.array(fixture["label"])
    y_pred = np.array(fixture["prediction"])
    w = None if fixture.get("weight") is None else np.array(fixture["weight"], dtype=float)
    classes, inverse = np.unique(y, return_inverse=True)
    counts = np.bincount(inverse, weights=w)
    n, k = counts.sum(), len(classes)
    p = counts / n
    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y), 1)), y, sample_weight=w)
    baseline = dummy.predict(np.zeros((len(y), 1)))
    majority = classes[int(np.argmax(counts))]
    assert baseline[0] == majority and np.all(baseline == majority)
    minority = classes[len(classes) - 1 - int(np.argmin(counts[::-1]))]
    zd = zero_division(fixture)
    out = {
        "fixture": name,
        "majority": str(majority),
        "minority": str(minority),
        "prevalence": {str(c): float(v) for c, v in zip(classes, p)},
        "imbalance_ratio": float(counts.max() / counts.min()),
        "baseline_accuracy": {
            "most_frequent": float(accuracy_score(y, baseline, sample_weight=w)),
            "stratified": float(np.sum(p ** 2)),
            "uniform": float(1 / k),
        },
        "baseline_balanced_accuracy_most_frequent": float(balanced_accuracy_score(y, baseline, sample_weight=w)),
        "accuracy": float(accuracy_score(y, y_pred, sample_weight=w)),
    }
    out["accuracy_lift"] = out["accuracy"] - out["baseline_accuracy"]["most_frequent"]
    if fixture["task"] == "binary":
        out["baseline_minority_recall_most_frequent"] = float(recall_score(y, baseline, pos_label=minority, zero_division=0,
                                                                       sample_weight=w))
        out["baseline_minority_f1_most_frequent"] = float(f1_score(y, baseline, pos_label=minority, zero_division=0,
                                                                   sample_weight=w))
        prec, rec, f1, _ = precision_recall_fscore_support(y, y_pred, pos_label=minority, average="binary", zero_division=zd,
                                                         sample_weight=w)
    else:
        prec, rec, f1, _ = precision_recall_fscore_support(y, y_pred, labels=[minority], average=None, zero_division=zd,
                                                         sample_weight=w)
        prec, rec, f1 = prec[0], rec[0], f1[0]
    out["minority_precision"] = float(prec)
    out["minority_recall"] = float(rec)
    out["minority_f1"] = float(f1)
    negative_minority = fixture["task"] == "binary" and str(minority) != str(fixture["positive"])
    if fixture["task"] == "binary" and fixture.get("score") is not None and not (w is not None and negative_minority):
        # Assay leaves the negative class's average precision undefined with sample weights.
        score = np.array(fixture["score"], dtype=float)
        p_min = score if str(minority) == str(fixture["positive"]) else 1 - score
        out["average_precision"] = float(average_precision_score(y, p_min, pos_label=minority, sample_weight=w))
    else:
        out["average_precision"] = None
    return out


index = json.load(open(os.path.join(CORE, "index.json")))
cases = []
for name in index["cases"]:
    fixture = json.load(open(os.path.join(CORE, name)))
    if fixture["task"] == "regression" or fixture.get("prediction") is None:
        continue
    cases.append(case(name, fixture))
    if name == "binary_german_credit.json":
        # The minority class as the NEGATIVE class: positive class 'good', score 1 - P(bad) taken as P(good).
        flipped = dict(fixture, positive="good", score=[1 - s for s in fixture["score"]])
        out = case(name, flipped)
        out["flip"] = True
        cases.append(out)
with open(os.path.join(CORE, "baselines.json"), "w") as f:
    json.dump({"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}, "cases": cases}, f, indent=1)
    f.write("\n")

# The German credit test split's stored predictions, as assay-cli's suite test reads them.
import csv
with open(os.path.join(ROOT, "assay-cli", "src", "test", "resources", "data", "german_credit_test_predictions.csv"), newline="") as f:
    rows = list(csv.DictReader(f))
german = case("data/german_credit_test_predictions.csv", {"task": "binary", "positive": "bad", "label": [r["class"] for r in rows],
              "prediction": [r["predicted"] for r in rows], "score": [float(r["proba_bad"]) for r in rows]})
with open(os.path.join(ROOT, "assay-cli", "src", "test", "resources", "golden", "baselines_german_test.json"), "w") as f:
    json.dump(dict(german, versions={"sklearn": sklearn.__version__, "numpy": np.__version__}), f, indent=1)
    f.write("\n")
print(len(cases), "cases")
