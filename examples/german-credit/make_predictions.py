#!/usr/bin/env python3
"""Reproducible predictions for the Assay demo on Statlog German Credit.

Splits german_credit.csv 70/30 (stratified, seed 42), fits a scikit-learn logistic regression
(one-hot categorical features, standardised numeric features) on the 700 training rows, and
writes train.csv and test.csv: the original columns plus `proba_bad` (the predicted probability
that the applicant is a bad credit risk) and `predicted` (bad when proba_bad >= 0.5, else good).

Run from this folder with Debian's scikit-learn (apt-get install python3-sklearn python3-pandas):
    /usr/bin/python3 make_predictions.py
Running it twice gives byte-identical files.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

data = pd.read_csv("german_credit.csv")
label = "class"
features = [c for c in data.columns if c != label]
categorical = [c for c in features if data[c].dtype == object]
numeric = [c for c in features if c not in categorical]

train, test = train_test_split(data, test_size=0.3, stratify=data[label], random_state=42)
model = make_pipeline(
    ColumnTransformer([
        ("categorical", OneHotEncoder(handle_unknown="ignore"), categorical),
        ("numeric", StandardScaler(), numeric),
    ]),
    LogisticRegression(max_iter=2000, C=0.5),
)
model.fit(train[features], train[label])
bad = list(model.classes_).index("bad")

for name, part in (("train.csv", train), ("test.csv", test)):
    out = part.sort_index().copy()
    out["proba_bad"] = model.predict_proba(out[features])[:, bad].round(6)
    out["predicted"] = ["bad" if p >= 0.5 else "good" for p in out["proba_bad"]]
    out.to_csv(name, index=False, lineterminator="\n")
    print(f"wrote {name}: {len(out)} rows")
