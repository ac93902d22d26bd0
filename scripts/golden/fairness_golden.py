#!/usr/bin/python3
"""Golden group metrics, disparities and selection-rate tests for Assay's fairness package.

Run from the repository root with Debian's interpreter (numpy, pandas 1.5.3, scikit-learn 1.2.1,
scipy 1.10.1, statsmodels 0.13.5):

    /usr/bin/python3 scripts/golden/fairness_golden.py

Fairlearn and AIF360 do not install here, so their definitions are ported line by line:
- Fairlearn, commit 380ad9f4f98100605693872fd0911703f02a5ea6:
  fairlearn/metrics/_base_metrics.py (selection_rate; true/false positive/negative rates through
  confusion_matrix(normalize="true"), whose 0/0 becomes 0), fairlearn/metrics/_disaggregated_result.py
  (MetricFrame.difference / ratio, methods between_groups and to_overall) and
  fairlearn/metrics/_fairness_metrics.py (demographic parity, equalized odds with agg="worst_case",
  equal opportunity); precision uses scikit-learn's precision_score(zero_division=0).
- AIF360, commit 34877916b789e569edf5c0aac033403ca90f34b3: aif360/metrics/classification_metric.py
  (performance_measures TPR = TP / P, FPR = FP / N with numpy division; disparate_impact =
  ratio(selection_rate) = unprivileged / privileged; statistical_parity_difference;
  average_odds_difference = 0.5 (FPR difference + TPR difference)).

Inputs (written by this script into assay-core/src/test/resources/golden/fairness/):
- adult_predictions.csv: UCI Adult (examples/models/adult.csv) with the predictions of a
  scikit-learn LogisticRegression (lbfgs, C=1, max_iter=1000) fitted on the standardised numeric
  columns of the same rows, labels 1 = income >50K; columns age, race, sex, label, predicted.
- german_predictions.csv: the 300 rows of assay-cli/src/test/resources/data/german_credit_test_predictions.csv
  (a bundled model's stored predictions), positive class "bad"; columns age, personal_status,
  foreign_worker, label, predicted (1 = bad).
The metric frames (member "metric_frames") are Fairlearn's MetricFrame of scikit-learn metrics
(f1_score, recall_score, precision_score, accuracy_score, balanced_accuracy_score and, where the rows
have scores, roc_auc_score) per group, overall, and their difference / ratio in both aggregations
(MetricFrame.difference(method=...), .ratio(method=...)); the German credit ones use the bundled
file's proba_bad as the score.
Output: fairness_golden.json in the same directory: per case the groups (pandas groupby over the
product of the protected columns, age cut by pandas.cut(right=True, include_lowest=True)), their
counts and rates, Fairlearn's disparities in both aggregations, AIF360's measures against the
privileged group, and scipy's chi2_contingency / fisher_exact with statsmodels' multipletests.
"""
import itertools
import json
import os

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.multitest import multipletests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core/src/test/resources/golden/fairness")


def adult():
    d = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
    numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
    x = StandardScaler().fit_transform(d[numeric].astype(float))
    y = (d["income-per-year"].str.strip() == ">50K").astype(int)
    pred = LogisticRegression(C=1.0, max_iter=1000).fit(x, y).predict(x)
    out = pd.DataFrame({"age": d["age"], "race": d["race"], "sex": d["sex"], "label": y, "predicted": pred})
    out.to_csv(os.path.join(OUT, "adult_predictions.csv"), index=False)
    return out


def german():
    d = pd.read_csv(os.path.join(ROOT, "assay-cli/src/test/resources/data/german_credit_test_predictions.csv"))
    out = pd.DataFrame({"age": d["age"], "personal_status": d["personal_status"], "foreign_worker": d["foreign_worker"],
                        "label": (d["class"] == "bad").astype(int), "predicted": (d["predicted"] == "bad").astype(int)})
    out.to_csv(os.path.join(OUT, "german_predictions.csv"), index=False)
    return out


def fmt(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def cut_labels(edges):
    return ["[%s, %s]" % (fmt(edges[0]), fmt(edges[1]))] + ["(%s, %s]" % (fmt(a), fmt(b)) for a, b in zip(edges[1:], edges[2:])]


def rates(y, p):
    """Fairlearn's base metrics (0 for 0/0, as confusion_matrix(normalize='true') then nan_to_num)."""
    tp = int(((y == 1) & (p == 1)).sum()); fp = int(((y == 0) & (p == 1)).sum())
    fn = int(((y == 1) & (p == 0)).sum()); tn = int(((y == 0) & (p == 0)).sum())
    div = lambda a, b: a / b if b > 0 else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "n": len(y),
            "selection_rate": float(np.dot(p == 1, np.ones(len(p))) / len(p)),
            "base_rate": div(tp + fn, len(y)), "accuracy": div(tp + tn, len(y)),
            "true_positive_rate": div(tp, tp + fn), "false_positive_rate": div(fp, fp + tn),
            "true_negative_rate": div(tn, fp + tn), "false_negative_rate": div(fn, tp + fn),
            "positive_predictive_value": float(precision_score(y, p, zero_division=0)),
            "negative_predictive_value": div(tn, tn + fn)}


def difference(by_group, overall, method):
    s = pd.Series(by_group)
    sub = s.min() if method == "between_groups" else overall
    return float((s - sub).abs().max())


def ratio(by_group, overall, method):
    s = pd.Series(by_group, dtype=float)
    if method == "between_groups":
        return float(s.min() / s.max())
    r = s / overall
    return float(r.transform(lambda x: 1 / x if x > 1 else x).min())


def case(name, data, columns, edges, privileged):
    d = data.copy()
    keys = []
    for c in columns:
        if c in edges:
            d[c] = pd.cut(d[c], edges[c], right=True, include_lowest=True, labels=cut_labels(edges[c])).astype(str)
        keys.append(c)
    y, p = d["label"].to_numpy(), d["predicted"].to_numpy()
    groups = {}
    for key, part in d.groupby(keys if len(keys) > 1 else keys[0]):
        key = key if isinstance(key, tuple) else (key,)
        label = ", ".join("%s=%s" % (c, v) for c, v in zip(columns, key))
        groups[label] = rates(part["label"].to_numpy(), part["predicted"].to_numpy())
    overall = rates(y, p)
    fl = {}
    for method in ("between_groups", "to_overall"):
        m = {}
        for rid, short in [("selection_rate", "demographic_parity"), ("true_positive_rate", "equal_opportunity"),
                           ("positive_predictive_value", "predictive_parity"), ("false_negative_rate", "false_negative_rate"),
                           ("false_positive_rate", "false_positive_rate"), ("accuracy", "accuracy")]:
            v = {g: r[rid] for g, r in groups.items()}
            m[short + "_difference"] = difference(v, overall[rid], method)
            if short in ("demographic_parity", "equal_opportunity"):
                m[short + "_ratio"] = ratio(v, overall[rid], method)
        tpr = {g: r["true_positive_rate"] for g, r in groups.items()}
        fpr = {g: r["false_positive_rate"] for g, r in groups.items()}
        m["equalized_odds_difference"] = max(difference(tpr, overall["true_positive_rate"], method),
                                             difference(fpr, overall["false_positive_rate"], method))
        m["equalized_odds_ratio"] = min(ratio(tpr, overall["true_positive_rate"], method),
                                        ratio(fpr, overall["false_positive_rate"], method))
        fl[method] = m
    aif = None
    if privileged is not None:
        priv = groups[privileged]
        unpriv = [g for g in groups if g != privileged]
        assert len(unpriv) == 1, "AIF360 compares two groups"
        u = groups[unpriv[0]]
        with np.errstate(divide="ignore", invalid="ignore"):
            tpr_ = lambda r: np.float64(r["tp"]) / (r["tp"] + r["fn"])
            fpr_ = lambda r: np.float64(r["fp"]) / (r["fp"] + r["tn"])
            sr = lambda r: np.float64(r["tp"] + r["fp"]) / r["n"]
            aif = {"privileged": privileged,
                   "disparate_impact": float(sr(u) / sr(priv)),
                   "statistical_parity_difference": float(sr(u) - sr(priv)),
                   "average_odds_difference": float(0.5 * ((fpr_(u) - fpr_(priv)) + (tpr_(u) - tpr_(priv))))}
    labels = list(groups)
    table = np.array([[groups[g]["tp"] + groups[g]["fp"], groups[g]["fn"] + groups[g]["tn"]] for g in labels])
    chi2, pval, dof, _ = st.chi2_contingency(table)
    tests = []
    for i, g in enumerate(labels):
        t = np.array([table[i], table.sum(axis=0) - table[i]])
        expected = st.contingency.expected_freq(t)
        if (expected < 5).any():
            odds, pv = st.fisher_exact(t)
            tests.append({"group": g, "method": "fisher-exact", "p": float(pv)})
        else:
            c2, pv, _, _ = st.chi2_contingency(t)
            tests.append({"group": g, "method": "chi-square (Yates)", "statistic": float(c2), "p": float(pv)})
    pvals = [t["p"] for t in tests]
    for method, key in (("holm", "holm"), ("fdr_bh", "fdr_bh")):
        adj = multipletests(pvals, method=method)[1]
        for t, a in zip(tests, adj):
            t[key] = float(a)
    return {"name": name, "columns": columns, "edges": {c: list(map(float, e)) for c, e in edges.items()},
            "groups": groups, "overall": overall, "fairlearn": fl, "aif360": aif,
            "chi2": {"statistic": float(chi2), "p": float(pval), "dof": int(dof)}, "tests": tests}


def professors():
    """Salaries for Professors: rank (3 classes) and salary predicted by scikit-learn on the same rows."""
    d = pd.read_csv(os.path.join(ROOT, "assay-core/src/test/resources/golden/fairness/professor_salaries.csv"))
    x = np.column_stack([StandardScaler().fit_transform(d[["yrs.since.phd", "yrs.service"]].astype(float)),
                         (d["discipline"] == "B").astype(float)])
    rank = LogisticRegression(C=1.0, max_iter=1000).fit(x, d["rank"]).predict(x)
    salary = LinearRegression().fit(np.column_stack([x, pd.get_dummies(d["rank"]).to_numpy(float)]), d["salary"])
    predicted_salary = salary.predict(np.column_stack([x, pd.get_dummies(d["rank"]).to_numpy(float)]))
    out = pd.DataFrame({"sex": d["sex"], "discipline": d["discipline"], "rank": d["rank"], "predicted_rank": rank,
                        "salary": d["salary"], "predicted_salary": np.round(predicted_salary, 4)})
    out.to_csv(os.path.join(OUT, "professor_predictions.csv"), index=False)
    return out


def multiclass(name, data, columns, privileged):
    """One-vs-rest per class: the binary case of (rank == c) against (predicted_rank == c)."""
    out = {}
    for c in sorted(set(data["rank"]) | set(data["predicted_rank"])):
        d = data[columns].copy()
        d["label"] = (data["rank"] == c).astype(int)
        d["predicted"] = (data["predicted_rank"] == c).astype(int)
        out[c] = case(name + "_" + c, d, columns, {}, privileged)
    return {"name": name, "columns": columns, "classes": out}


def regression(name, path, group, label, predicted):
    """Fairlearn's MetricFrame of mean_absolute_error and the mean prediction by one column, differences and ratios."""
    from sklearn.metrics import mean_absolute_error
    d = pd.read_csv(path)
    out = pd.DataFrame({group: d[group].astype(str), "label": d[label], "predicted": d[predicted]})
    if name == "diabetes_sex":
        out.to_csv(os.path.join(OUT, "diabetes_predictions.csv"), index=False)
    mae = {"%s=%s" % (group, k): float(mean_absolute_error(p["label"], p["predicted"])) for k, p in out.groupby(group)}
    mean = {"%s=%s" % (group, k): float(np.mean(p["predicted"])) for k, p in out.groupby(group)}
    overall_mae = float(mean_absolute_error(out["label"], out["predicted"]))
    overall_mean = float(np.mean(out["predicted"]))
    return {"name": name, "group": group, "mean_absolute_error": mae, "mean_prediction": mean,
            "overall": {"mean_absolute_error": overall_mae, "mean_prediction": overall_mean},
            "differences": {m: {"mean_absolute_error_difference": difference(mae, overall_mae, m),
                                "mean_absolute_error_ratio": ratio(mae, overall_mae, m),
                                "mean_prediction_difference": difference(mean, overall_mean, m),
                                "mean_prediction_ratio": ratio(mean, overall_mean, m)}
                            for m in ("between_groups", "to_overall")}}


METRICS = {"f1": f1_score, "recall": recall_score, "precision": precision_score, "accuracy": accuracy_score,
           "balanced_accuracy": balanced_accuracy_score}


def metric_frame(name, data, columns, edges, score):
    """MetricFrame of scikit-learn metrics by the product of columns; roc_auc from the score column when given."""
    d = data.copy()
    for c in columns:
        if c in edges:
            d[c] = pd.cut(d[c], edges[c], right=True, include_lowest=True, labels=cut_labels(edges[c])).astype(str)

    def values(part):
        y, p = part["label"].to_numpy(), part["predicted"].to_numpy()
        out = {m: float(f(y, p)) for m, f in METRICS.items()}
        if score is not None:
            out["roc_auc"] = float(roc_auc_score(y, part[score].to_numpy()))
        return out

    groups = {}
    for key, part in d.groupby(columns if len(columns) > 1 else columns[0]):
        key = key if isinstance(key, tuple) else (key,)
        groups[",".join("%s=%s" % (c, v) for c, v in zip(columns, key))] = values(part)
    overall = values(d)
    disparities = {}
    for method in ("between_groups", "to_overall"):
        disparities[method] = {}
        for m in overall:
            v = {g: r[m] for g, r in groups.items()}
            disparities[method][m + "_difference"] = difference(v, overall[m], method)
            disparities[method][m + "_ratio"] = ratio(v, overall[m], method)
    return {"name": name, "columns": columns, "edges": {c: list(map(float, e)) for c, e in edges.items()},
            "groups": groups, "overall": overall, "disparities": disparities}


def german_scored():
    d = pd.read_csv(os.path.join(ROOT, "assay-cli/src/test/resources/data/german_credit_test_predictions.csv"))
    return pd.DataFrame({"age": d["age"], "personal_status": d["personal_status"], "foreign_worker": d["foreign_worker"],
                         "label": (d["class"] == "bad").astype(int), "predicted": (d["predicted"] == "bad").astype(int),
                         "proba_bad": d["proba_bad"]})


a = adult()
g = german()
age_edges = {"age": [17, 25, 45, 65, 90]}
cases = [
    case("adult_sex", a, ["sex"], {}, "sex=Male"),
    case("adult_race", a, ["race"], {}, None),
    case("adult_age", a, ["age"], age_edges, None),
    case("adult_sex_race", a, ["sex", "race"], {}, None),
    case("adult_sex_race_age", a, ["sex", "race", "age"], age_edges, None),
    case("german_age", g, ["age"], {"age": [0, 25, 100]}, "age=(25, 100]"),
    case("german_foreign_worker", g, ["foreign_worker"], {}, "foreign_worker=no"),
    case("german_personal_status", g, ["personal_status"], {}, None),
]
p = professors()
regressions = [
    regression("diabetes_sex", os.path.join(ROOT, "assay-cli/src/test/resources/data/diabetes_predictions.csv"),
               "sex", "target", "predicted"),
    regression("professor_salary_sex", os.path.join(OUT, "professor_predictions.csv"), "sex", "salary", "predicted_salary"),
]
multiclasses = [
    multiclass("professor_rank_sex", p, ["sex"], "sex=Male"),
    multiclass("professor_rank_discipline", p, ["discipline"], None),
]
gs = german_scored()
metric_frames = [
    metric_frame("german_age", gs, ["age"], {"age": [0, 25, 100]}, "proba_bad"),
    metric_frame("german_foreign_worker", gs, ["foreign_worker"], {}, "proba_bad"),
    metric_frame("german_personal_status", gs, ["personal_status"], {}, "proba_bad"),
    metric_frame("adult_sex", a, ["sex"], {}, None),
    metric_frame("adult_race", a, ["race"], {}, None),
]
with open(os.path.join(OUT, "fairness_golden.json"), "w") as f:
    json.dump({"pandas": pd.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
               "cases": cases, "regression": regressions[0], "regressions": regressions, "multiclass": multiclasses,
               "metric_frames": metric_frames},
              f, indent=1)
