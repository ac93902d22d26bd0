#!/usr/bin/python3
"""Golden values for Assay's data integrity checks and data contracts.

Run with Debian's Python (scikit-learn 1.2.1, pandas 1.5.3, numpy 1.24):
    /usr/bin/python3 scripts/golden/integrity_golden.py
Writes assay-core/src/test/resources/golden/integrity_*.json. Data: examples/models/adult.csv (UCI
Adult, '?' marks missing values), examples/german-credit/german_credit.csv, and the copies of
pima_diabetes.csv and breast_cancer.csv in assay-core/src/test/resources/integrity/. Problems are
planted in a copy of German credit by `plant_german` (the Java test plants the same ones).
"""
import json
import os
import re

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden")
DATA = os.path.join(ROOT, "assay-core", "src", "test", "resources", "integrity")
ADULT_NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]


def write(name, payload):
    payload["versions"] = {"sklearn": sklearn.__version__, "pandas": pd.__version__, "numpy": np.__version__}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, indent=1, sort_keys=True)
        f.write("\n")


def adult(missing_marker=True):
    return pd.read_csv(os.path.join(ROOT, "examples", "models", "adult.csv"),
                       na_values=["?"] if missing_marker else None, keep_default_na=False)


def german():
    return pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"), keep_default_na=False)


def plant_german(df):
    """Deterministic problems in a copy of German credit: spellings, numbers, markers, a constant column."""
    df = df.copy()
    purpose = df["purpose"].astype(str).tolist()
    for i in range(len(purpose)):
        if i % 37 == 0:
            purpose[i] = purpose[i].upper()
        elif i % 53 == 0:
            purpose[i] = " " + purpose[i] + "."
        elif i % 71 == 0:
            purpose[i] = str(i % 7)
        elif i % 89 == 0:
            purpose[i] = "?"
    df["purpose"] = purpose
    df["constant"] = "x"
    return df


def baseform(s):
    """Deepchecks' string_baseform: letters and digits only, lower case."""
    return re.sub("[^A-Za-z0-9]+", "", s).lower()


def is_number(s):
    return pd.to_numeric(pd.Series([s]), errors="coerce").notna()[0]


def text_columns(df):
    return [c for c in df.columns if df[c].dtype == object]


def feature_auc(x, y):
    """ROC AUC of one feature alone, folded to max(auc, 1 - auc); categories by target rate."""
    if x.dtype == object or str(x.dtype) == "category":
        x = x.fillna("\0missing")
        x = x.map(y.groupby(x).mean())
    else:
        keep = x.notna()
        x, y = x[keep], y[keep]
    auc = roc_auc_score(y, x)
    return max(auc, 1 - auc)


def conflicting(df, features, label):
    g = df.groupby(features, dropna=False)[label].transform("nunique")
    return int((g > 1).sum()), int(df[g > 1].groupby(features, dropna=False).ngroups)


def integrity_adult():
    df = adult()
    raw = adult(missing_marker=False)
    features = [c for c in df.columns if c != "income-per-year"]
    y = (df["income-per-year"] == ">50K").astype(int)
    out = {"rows": len(df)}
    out["missing_count"] = {c: int(df[c].isna().sum()) for c in df.columns}
    out["missing_share"] = {c: float(df[c].isna().mean()) for c in df.columns}
    out["duplicate_count"] = int(df.duplicated().sum())
    dup = df[df.duplicated(keep=False)]
    out["duplicate_groups"] = int(dup.groupby(list(df.columns), dropna=False).ngroups)
    out["conflicting_count"], out["conflicting_groups"] = conflicting(df, features, "income-per-year")
    counts = df["income-per-year"].value_counts()
    out["class_share"] = {k: float(v) for k, v in df["income-per-year"].value_counts(normalize=True).items()}
    out["imbalance_ratio"] = float(counts.min() / counts.max())
    out["feature_auc"] = {c: float(feature_auc(df[c], y)) for c in features}
    iqr = {}
    for c in ADULT_NUMERIC:
        q1, q3 = df[c].quantile(0.25), df[c].quantile(0.75)
        lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        iqr[c] = {"count": int(((df[c] < lo) | (df[c] > hi)).sum()), "lower": float(lo), "upper": float(hi)}
    out["iqr"] = iqr
    special = {}
    for c in text_columns(raw):
        v = raw[c]
        special[c] = int(v.map(lambda s: baseform(s) == "").sum())
    out["special_count_raw"] = special
    # reference: the first 10000 rows; current: the rest
    ref, cur = df.iloc[:10000], df.iloc[10000:]
    ref_keys = set(map(tuple, ref[features].astype(str).values))
    out["leaked_count"] = int(sum(tuple(r) in ref_keys for r in cur[features].astype(str).values))
    out["current_rows"] = len(cur)
    newcat = {}
    small = df.iloc[:300]
    for c in [c for c in features if df[c].dtype == object]:
        known = set(small[c].dropna())
        present = df[c].dropna()
        fresh = present[~present.isin(known)]
        newcat[c] = {"count": int(fresh.nunique()), "share": float(len(fresh) / len(present))}
    out["new_categories_vs_first_300"] = newcat
    x = df[["age", "hours-per-week", "education-num"]].values
    out["isolation_outlier_share_age_hours_education"] = float(
        (IsolationForest(random_state=0).fit(x).predict(x) == -1).mean())
    write("integrity_adult.json", out)


def integrity_german():
    df = plant_german(german())
    out = {"rows": len(df)}
    mismatch = {}
    mixed = {}
    special = {}
    distinct = {}
    for c in df.columns:
        distinct[c] = int(df[c].nunique(dropna=True))
    for c in text_columns(df):
        v = df[c]
        forms = {}
        for s in v:
            b = baseform(s)
            if b:
                forms.setdefault(b, set()).add(s)
        groups = {b: vs for b, vs in forms.items() if len(vs) > 1}
        rows = int(v.map(lambda s: baseform(s) in groups).sum())
        mismatch[c] = {"groups": len(groups), "share": rows / len(v)}
        numbers = int(v.map(is_number).sum())
        mixed[c] = {"numbers": numbers, "share": min(numbers, len(v) - numbers) / len(v)}
        special[c] = int(v.map(lambda s: baseform(s) == "").sum())
    out.update({"mismatch": mismatch, "mixed": mixed, "special_count": special, "distinct_count": distinct})
    clean = german()
    y = (clean["class"] == "good").astype(int)
    out["feature_auc"] = {c: float(feature_auc(clean[c], y)) for c in clean.columns if c != "class"}
    write("integrity_german.json", out)


def isolation(name, path, label, columns=None):
    df = pd.read_csv(path)
    x = df.drop(columns=[label]) if columns is None else df[columns]
    forest = IsolationForest(random_state=0).fit(x.values)
    scores = -forest.score_samples(x.values)
    return {"columns": list(x.columns), "scores": [float(s) for s in scores],
            "outlier_count_auto": int((forest.predict(x.values) == -1).sum())}


def integrity_isolation():
    out = {"pima_diabetes": isolation("pima", os.path.join(DATA, "pima_diabetes.csv"), "diabetes"),
           "breast_cancer": isolation("bc", os.path.join(DATA, "breast_cancer.csv"), "diagnosis")}
    write("integrity_isolation_forest.json", out)


def contract_adult():
    """Unexpected counts as Great Expectations defines them (nulls skipped except by not_null)."""
    df = adult()
    out = {}
    age = df["age"]
    out["age:range"] = int(((age < 20) | (age > 80)).sum())
    out["age:strict_range"] = int(((age <= 17) | (age >= 90)).sum())
    wc = df["workclass"].dropna()
    out["workclass:allowed"] = int((~wc.isin(["Private", "Self-emp-not-inc", "Self-emp-inc"])).sum())
    out["workclass:checked"] = int(len(wc))
    out["workclass:not_null"] = int(df["workclass"].isna().sum())
    edu = df["education"]
    out["education:regex"] = int((~edu.str.contains("^(?:Bachelors|Masters|Doctorate|HS-grad)$", regex=True)).sum())
    out["education:length"] = int(((edu.str.len() < 5) | (edu.str.len() > 9)).sum())
    out["fnlwgt:unique"] = int(df["fnlwgt"].duplicated(keep=False).sum())
    out["hours:increasing"] = int((df["hours-per-week"].diff() < 0).sum())
    out["rows"] = len(df)
    write("integrity_contract_adult.json", out)


if __name__ == "__main__":
    integrity_adult()
    integrity_german()
    integrity_isolation()
    contract_adult()
