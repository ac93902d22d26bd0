#!/usr/bin/env python3
"""Golden values for the end-to-end tests of `assay evaluate`, one case per task.

- binary: German credit with stored predictions: a scikit-learn logistic regression (one-hot
  categorical, standardised numeric features) fitted on examples/german-credit/train.csv and
  applied to train.csv and test.csv, written with `proba_bad` and `predicted`;
- multiclass: iris, a logistic regression fitted on a stratified half (seed 7) and applied to the
  other half, written with per-class probabilities proba_<species> and the predicted species;
- regression: diabetes, a linear regression fitted on the first 300 rows and applied to the other
  142, written with the prediction.

Run from the repository root with Debian's scikit-learn 1.2.1 (apt-get install python3-sklearn
python3-pandas):
    /usr/bin/python3 scripts/golden/cli_evaluate_golden.py [SHARED_DATASETS_DIR]
Writes the prediction files to assay-cli/src/test/resources/data/ and the expected values to
assay-cli/src/test/resources/golden/. Running it twice gives identical files.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets"
out_data = "assay-cli/src/test/resources/data/"
out_golden = "assay-cli/src/test/resources/golden/"


def write(name, golden):
    golden["sklearn"] = __import__("sklearn").__version__
    golden["metrics"] = {k: float(v) for k, v in golden["metrics"].items()}
    with open(out_golden + name, "w") as f:
        json.dump(golden, f, indent=2, sort_keys=True)
        f.write("\n")


# binary: German credit, stored predictions of a scikit-learn logistic regression
train = pd.read_csv("examples/german-credit/train.csv")
features = [c for c in train.columns if c != "class"]
categorical = [c for c in features if train[c].dtype == object]
model = make_pipeline(
    ColumnTransformer([("categorical", OneHotEncoder(handle_unknown="ignore"), categorical),
                       ("numeric", StandardScaler(), [c for c in features if c not in categorical])]),
    LogisticRegression(max_iter=2000, C=0.5)).fit(train[features], train["class"])
bad = list(model.classes_).index("bad")
for part in ("train", "test"):
    rows = pd.read_csv(f"examples/german-credit/{part}.csv")
    rows["proba_bad"] = model.predict_proba(rows[features])[:, bad].round(6)
    rows["predicted"] = np.where(rows["proba_bad"] >= 0.5, "bad", "good")
    rows.to_csv(f"{out_data}german_credit_{part}_predictions.csv", index=False, lineterminator="\n")
data = pd.read_csv(f"{out_data}german_credit_test_predictions.csv")
y = (data["class"] == "bad").astype(int).to_numpy()
pred = (data["predicted"] == "bad").astype(int).to_numpy()
score = data["proba_bad"].to_numpy()
tn, fp, fn, tp = metrics.confusion_matrix(y, pred).ravel()
write("german_test_evaluate.json", {
    "source": "german_credit_test_predictions.csv, label class, positive bad, score proba_bad, prediction predicted",
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
    # rows true, columns predicted, in Assay's order for binary tasks: negative class, positive class
    "confusion_matrix": {"labels": ["good", "bad"], "counts": metrics.confusion_matrix(y, pred, labels=[0, 1]).tolist()},
})

# multiclass: iris
iris = pd.read_csv(shared + "/iris.csv")
features = [c for c in iris.columns if c != "species"]
train, test = train_test_split(iris, test_size=0.5, stratify=iris["species"], random_state=7)
model = LogisticRegression(max_iter=1000, C=0.3).fit(train[features], train["species"])
test = test.sort_index().copy()
proba = np.round(model.predict_proba(test[features]), 6)
proba = proba / proba.sum(axis=1, keepdims=True)
for i, cls in enumerate(model.classes_):
    test["proba_" + cls] = proba[:, i]
test["predicted"] = model.classes_[proba.argmax(axis=1)]
test.to_csv(out_data + "iris_predictions.csv", index=False, lineterminator="\n")
y, p = test["species"], test["predicted"]
write("iris_evaluate.json", {
    "source": "iris_predictions.csv, label species, probabilities proba_<species>, prediction predicted",
    "rows": int(len(test)),
    "metrics": {
        "accuracy": metrics.accuracy_score(y, p),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
        "precision_macro": metrics.precision_score(y, p, average="macro"),
        "recall_weighted": metrics.recall_score(y, p, average="weighted"),
        "f1_micro": metrics.f1_score(y, p, average="micro"),
        "mcc": metrics.matthews_corrcoef(y, p),
        "cohen_kappa": metrics.cohen_kappa_score(y, p),
        "roc_auc_ovr": metrics.roc_auc_score(y, proba, multi_class="ovr", labels=model.classes_),
        "log_loss": metrics.log_loss(y, proba, labels=model.classes_),
    },
    "confusion_matrix": {"labels": list(model.classes_),
                         "counts": metrics.confusion_matrix(y, p, labels=model.classes_).tolist()},
})

# regression: diabetes
diabetes = pd.read_csv(shared + "/diabetes_regression.csv")
features = [c for c in diabetes.columns if c != "target"]
fit, held_out = diabetes.iloc[:300], diabetes.iloc[300:].copy()
held_out["predicted"] = np.round(LinearRegression().fit(fit[features], fit["target"]).predict(held_out[features]), 4)
held_out.to_csv(out_data + "diabetes_predictions.csv", index=False, lineterminator="\n")
y, p = held_out["target"], held_out["predicted"]
write("diabetes_evaluate.json", {
    "source": "diabetes_predictions.csv, label target, prediction predicted",
    "rows": int(len(held_out)),
    "metrics": {
        "mae": metrics.mean_absolute_error(y, p),
        "mse": metrics.mean_squared_error(y, p),
        "rmse": metrics.mean_squared_error(y, p, squared=False),
        "r2": metrics.r2_score(y, p),
        "explained_variance": metrics.explained_variance_score(y, p),
        "mape": metrics.mean_absolute_percentage_error(y, p),
        "median_absolute_error": metrics.median_absolute_error(y, p),
        "max_error": metrics.max_error(y, p),
    },
})
print("wrote 3 cases")
