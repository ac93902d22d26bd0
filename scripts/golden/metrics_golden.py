#!/usr/bin/python3
"""Golden values of Assay's metrics, computed with scikit-learn 1.2.1.

Run from the repository root with Debian's interpreter (it needs Debian 12's python3-sklearn,
python3-pandas and python3-numpy: `apt-get install python3-sklearn python3-pandas`):

    /usr/bin/python3 scripts/golden/metrics_golden.py [DATASETS_DIR]

DATASETS_DIR defaults to /work/shared/datasets. The script is deterministic: it fits simple models
with fixed random states on real data sets to obtain realistic labels, predictions and
probabilities, derives edge-case variants (tied scores, a class never predicted, sample weights,
string and numeric labels, zero-division policies), and writes one JSON fixture per case, holding
the inputs and scikit-learn's value of every metric id (null where Assay reports the metric as
undefined), into assay-core/src/test/resources/golden/, plus index.json listing the cases.
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as M
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, label_binarize

warnings.filterwarnings("ignore")

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")
ZD = {"warn": "warn", "zero": 0, "one": 1}

assert sklearn.__version__ == "1.2.1", "golden values are defined by scikit-learn 1.2.1, found " + sklearn.__version__


def features(df, numeric, categorical=()):
    x = df[list(numeric)].astype(float)
    if categorical:
        x = pd.concat([x, pd.get_dummies(df[list(categorical)].astype(str), drop_first=True).astype(float)], axis=1)
    return x.fillna(x.median())


def split(x, y, test_size, stratify=True):
    return train_test_split(x, y, test_size=test_size, random_state=0, stratify=y if stratify else None)


def classifier(x_train, y_train):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    return model.fit(x_train, y_train)


def weights(n, seed):
    return np.random.RandomState(seed).uniform(0.5, 2.0, n)


def f(v):
    v = float(v)
    return None if math.isnan(v) else v


def ratio(num, den, zd):
    if den == 0:
        return 1.0 if zd == "one" else 0.0
    return num / den


def binary_expected(y, pred, score, w, pos, neg, zd):
    z = ZD[zd]
    e = {}
    if pred is not None:
        cm = M.confusion_matrix(y, pred, labels=[neg, pos], sample_weight=w)
        tn, fp, fn, tp = (float(c) for c in cm.ravel())
        e["accuracy"] = M.accuracy_score(y, pred, sample_weight=w)
        e["balanced_accuracy"] = M.balanced_accuracy_score(y, pred, sample_weight=w)
        e["precision"] = M.precision_score(y, pred, pos_label=pos, zero_division=z, sample_weight=w)
        e["recall"] = M.recall_score(y, pred, pos_label=pos, zero_division=z, sample_weight=w)
        e["f1"] = M.f1_score(y, pred, pos_label=pos, zero_division=z, sample_weight=w)
        e["f0.5"] = M.fbeta_score(y, pred, beta=0.5, pos_label=pos, zero_division=z, sample_weight=w)
        e["f2"] = M.fbeta_score(y, pred, beta=2, pos_label=pos, zero_division=z, sample_weight=w)
        e["specificity"] = M.recall_score(y, pred, pos_label=neg, zero_division=z, sample_weight=w)
        e["npv"] = M.precision_score(y, pred, pos_label=neg, zero_division=z, sample_weight=w)
        e["fpr"] = ratio(fp, fp + tn, zd)
        e["fnr"] = ratio(fn, fn + tp, zd)
        e["mcc"] = M.matthews_corrcoef(y, pred, sample_weight=w)
        e["cohen_kappa"] = M.cohen_kappa_score(y, pred, sample_weight=w)
        e["true_positives"], e["false_positives"], e["true_negatives"], e["false_negatives"] = tp, fp, tn, fn
    yb = (np.asarray(y) == pos).astype(int)
    e["roc_auc"] = M.roc_auc_score(yb, score, sample_weight=w)
    e["average_precision"] = M.average_precision_score(yb, score, sample_weight=w)
    e["log_loss"] = M.log_loss(yb, score, sample_weight=w)
    e["brier_score"] = M.brier_score_loss(yb, score, sample_weight=w)
    return {k: f(v) for k, v in e.items()}


def multiclass_expected(y, pred, proba, classes, w, zd):
    z = ZD[zd]
    e = {
        "accuracy": M.accuracy_score(y, pred, sample_weight=w),
        "balanced_accuracy": M.balanced_accuracy_score(y, pred, sample_weight=w),
        "mcc": M.matthews_corrcoef(y, pred, sample_weight=w),
        "cohen_kappa": M.cohen_kappa_score(y, pred, sample_weight=w),
    }
    for avg in ("macro", "micro", "weighted"):
        e["precision_" + avg] = M.precision_score(y, pred, average=avg, zero_division=z, sample_weight=w)
        e["recall_" + avg] = M.recall_score(y, pred, average=avg, zero_division=z, sample_weight=w)
        e["f1_" + avg] = M.f1_score(y, pred, average=avg, zero_division=z, sample_weight=w)
    if set(y) == set(classes):
        e["roc_auc_ovr"] = M.roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=classes,
                                           sample_weight=w)
        onehot = label_binarize(y, classes=classes)
        for avg in ("macro", "weighted"):
            e["average_precision_" + avg] = M.average_precision_score(onehot, proba, average=avg, sample_weight=w)
    e["log_loss"] = M.log_loss(y, proba, labels=classes, sample_weight=w)
    return {k: f(v) for k, v in e.items()}


def regression_expected(y, pred, w):
    e = {
        "mae": M.mean_absolute_error(y, pred, sample_weight=w),
        "mse": M.mean_squared_error(y, pred, sample_weight=w),
        "rmse": M.mean_squared_error(y, pred, squared=False, sample_weight=w),
        "r2": M.r2_score(y, pred, sample_weight=w),
        "explained_variance": M.explained_variance_score(y, pred, sample_weight=w),
        "mape": M.mean_absolute_percentage_error(y, pred, sample_weight=w),
        "median_absolute_error": M.median_absolute_error(y, pred, sample_weight=w),
        "max_error": M.max_error(y, pred),
    }
    return {k: f(v) for k, v in e.items()}


def confusion(labels, predictions, order, w):
    """scikit-learn's confusion matrix over the classes seen in labels or predictions (its default),
    with rows and columns in Assay's class order."""
    seen = set(values(labels)) | set(values(predictions))
    order = [k for k in order if k in seen]
    cm = M.confusion_matrix(labels, predictions, labels=order, sample_weight=w)
    return {"labels": [str(k) for k in order], "counts": [[float(x) for x in row] for row in cm.tolist()]}


def values(a):
    return [v.item() if hasattr(v, "item") else v for v in np.asarray(a).tolist()]


CASES = []


def write(case):
    path = os.path.join(OUT, case["name"] + ".json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(case, fh, separators=(",", ":"), allow_nan=False)
        fh.write("\n")
    CASES.append(case["name"] + ".json")


def default_positive(labels):
    classes = sorted(set(labels))
    counts = [list(labels).count(c) for c in classes]
    return classes[0] if counts[0] < counts[1] else classes[1]


def binary_cases(name, source, y, proba_pos, pos, neg, numeric_variant=False):
    n = len(y)
    y = np.asarray(y, dtype=object)
    pred = np.where(proba_pos >= 0.5, pos, neg).astype(object)
    w = weights(n, 1)

    def case(suffix, labels, predictions, score, wt, zd="warn", positive=pos, negative=neg, label_type="text"):
        c = {
            "name": "binary_" + name + suffix, "task": "binary", "source": source, "label_type": label_type,
            "positive": positive, "default_positive": default_positive(labels) == positive
            if label_type == "text" else positive == 1,
            "zero_division": zd, "threshold": 0.5,
            "label": values(labels), "prediction": None if predictions is None else values(predictions),
            "score": values(score), "weight": None if wt is None else values(wt),
        }
        if predictions is None:
            predictions = np.where(np.asarray(score) >= 0.5, positive, negative).astype(object)
            if label_type == "numeric":
                predictions = predictions.astype(int)
        c["expected"] = binary_expected(labels, predictions, score, wt, positive, negative, zd)
        c["confusion_matrix"] = confusion(labels, predictions, [negative, positive], wt)
        if label_type == "numeric":
            c["positive"] = str(positive)
        write(c)

    case("", y, pred, proba_pos, None)
    case("_weighted", y, pred, proba_pos, w)
    case("_ties_threshold", y, None, np.round(proba_pos, 1), None)
    case("_ties_weighted", y, None, np.round(proba_pos, 1), w)
    never = np.full(n, neg, dtype=object)
    for zd in ("warn", "zero", "one"):
        case("_never_positive_" + zd, y, never, proba_pos, None, zd=zd)
    if numeric_variant:
        yn = (y == pos).astype(int)
        pn = (pred == pos).astype(int)
        case("_numeric", yn, pn, proba_pos, None, positive=1, negative=0, label_type="numeric")
        case("_numeric_weighted", yn, pn, proba_pos, w, positive=1, negative=0, label_type="numeric")


def multiclass_cases(name, source, y, proba, classes, numeric_variant=False):
    n = len(y)
    y = np.asarray(y, dtype=object)
    pred = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    w = weights(n, 2)

    def case(suffix, labels, predictions, wt, zd="warn", label_type="text", cls=classes):
        c = {
            "name": "multiclass_" + name + suffix, "task": "multiclass", "source": source, "label_type": label_type,
            "zero_division": zd, "classes": [str(k) for k in cls],
            "label": values(labels), "prediction": values(predictions),
            "probabilities": {str(k): values(proba[:, i]) for i, k in enumerate(cls)},
            "weight": None if wt is None else values(wt),
        }
        c["expected"] = multiclass_expected(labels, predictions, proba, list(cls), wt, zd)
        c["confusion_matrix"] = confusion(labels, predictions, list(cls), wt)
        write(c)

    case("", y, pred, None)
    case("_weighted", y, pred, w)
    # a class never predicted: its predictions go to the next class
    absent = classes[0]
    replaced = np.where(pred == absent, classes[1], pred).astype(object)
    for zd in ("warn", "zero", "one"):
        case("_never_predicts_" + str(absent) + "_" + zd, y, replaced, None, zd=zd)
    # a class only predicted, never true: keep the rows of the other classes; roc_auc_ovr is then
    # undefined (scikit-learn raises), log_loss is defined through labels=classes
    keep = y != classes[-1]
    c = {
        "name": "multiclass_" + name + "_label_lacks_" + str(classes[-1]), "task": "multiclass", "source": source,
        "label_type": "text", "zero_division": "warn", "classes": [str(k) for k in classes],
        "label": values(y[keep]), "prediction": values(pred[keep]),
        "probabilities": {str(k): values(proba[keep, i]) for i, k in enumerate(classes)}, "weight": None,
    }
    expected = multiclass_expected(y[keep], pred[keep], proba[keep], list(classes), None, "warn")
    expected["roc_auc_ovr"] = None
    expected["average_precision_macro"] = None
    expected["average_precision_weighted"] = None
    c["expected"] = expected
    c["confusion_matrix"] = confusion(y[keep], pred[keep], list(classes), None)
    write(c)
    if numeric_variant:
        index = {k: i for i, k in enumerate(classes)}
        yn = np.array([index[v] for v in y])
        pn = np.array([index[v] for v in pred])
        case("_numeric", yn, pn, None, label_type="numeric", cls=list(range(len(classes))))
        case("_numeric_weighted", yn, pn, w, label_type="numeric", cls=list(range(len(classes))))


def regression_cases(name, source, y, pred):
    w = weights(len(y), 3)
    # labels shifted so that one is exactly 0: mape divides by machine epsilon there
    shift = y[0]
    for suffix, y, pred, wt in (("", y, pred, None), ("_weighted", y, pred, w),
                                ("_zero_label", y - shift, pred - shift, None)):
        c = {"name": "regression_" + name + suffix, "task": "regression", "source": source,
             "label": values(y), "prediction": values(pred), "weight": None if wt is None else values(wt)}
        c["expected"] = regression_expected(y, pred, wt)
        write(c)


def csv(name, **kw):
    return pd.read_csv(os.path.join(DATA, name), **kw)


def main():
    os.makedirs(OUT, exist_ok=True)
    # only this script's fixtures: the other scripts' golden files live in the same folder
    for old in os.listdir(OUT):
        if old.endswith(".json") and (old == "index.json" or old.split("_")[0] in ("binary", "multiclass", "regression")):
            os.remove(os.path.join(OUT, old))

    df = csv("german_credit.csv")
    x = features(df, ["duration", "credit_amount", "installment_commitment", "age", "existing_credits"],
                 ["checking_status", "credit_history", "savings_status"])
    xtr, xte, ytr, yte = split(x, df["class"], 0.3)
    model = classifier(xtr, ytr)
    binary_cases("german_credit", "german_credit.csv", yte.values,
                 model.predict_proba(xte)[:, list(model.classes_).index("bad")], "bad", "good")

    df = csv("breast_cancer.csv")
    x = features(df, [c for c in df.columns if c != "diagnosis"][:10])
    xtr, xte, ytr, yte = split(x, df["diagnosis"], 0.3)
    model = classifier(xtr, ytr)
    binary_cases("breast_cancer", "breast_cancer.csv", yte.values,
                 model.predict_proba(xte)[:, list(model.classes_).index("malignant")], "malignant", "benign",
                 numeric_variant=True)

    df = csv("adult.csv", na_values="?").sample(n=5000, random_state=0)
    x = features(df, ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"], ["sex", "relationship"])
    xtr, xte, ytr, yte = split(x, df["income-per-year"], 0.5)
    model = classifier(xtr, ytr)
    binary_cases("adult", "adult.csv", yte.values,
                 model.predict_proba(xte)[:, list(model.classes_).index(">50K")], ">50K", "<=50K")

    df = csv("pima_diabetes.csv")
    x = features(df, ["pregnant", "glucose", "pressure", "mass", "pedigree", "age"])
    xtr, xte, ytr, yte = split(x, df["diabetes"], 0.3)
    model = classifier(xtr, ytr)
    binary_cases("pima_diabetes", "pima_diabetes.csv", yte.values,
                 model.predict_proba(xte)[:, list(model.classes_).index("pos")], "pos", "neg")

    for name, label, numeric in (("iris", "species", True), ("wine", "class", False)):
        df = csv(name + ".csv")
        x = features(df, [c for c in df.columns if c != label])
        xtr, xte, ytr, yte = split(x, df[label], 0.4)
        model = classifier(xtr, ytr)
        multiclass_cases(name, name + ".csv", yte.values, model.predict_proba(xte), list(model.classes_), numeric)

    df = csv("seattle_weather.csv")
    x = features(df, ["precipitation", "temp_max", "temp_min", "wind"])
    xtr, xte, ytr, yte = split(x, df["weather"], 0.3)
    model = classifier(xtr, ytr)
    multiclass_cases("seattle_weather", "seattle_weather.csv", yte.values, model.predict_proba(xte), list(model.classes_))

    df = csv("diabetes_regression.csv")
    x = features(df, [c for c in df.columns if c != "target"])
    xtr, xte, ytr, yte = split(x, df["target"], 0.3, stratify=False)
    regression_cases("diabetes_regression", "diabetes_regression.csv", yte.values.astype(float),
                     LinearRegression().fit(xtr, ytr).predict(xte))

    df = csv("professor_salaries.csv")
    x = features(df, ["yrs.since.phd", "yrs.service"], ["rank", "discipline", "sex"])
    xtr, xte, ytr, yte = split(x, df["salary"], 0.3, stratify=False)
    regression_cases("professor_salaries", "professor_salaries.csv", yte.values.astype(float),
                     LinearRegression().fit(xtr, ytr).predict(xte))

    with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8") as fh:
        json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__,
                   "cases": CASES}, fh, indent=1)
        fh.write("\n")
    print(len(CASES), "cases written to", OUT)


if __name__ == "__main__":
    main()
