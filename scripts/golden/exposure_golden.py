#!/usr/bin/python3
"""Golden exposure fairness in rankings for Assay's RankingExposure and the `exposure` check.

Run from the repository root with Debian's interpreter (numpy 1.24, pandas 1.5.3, scikit-learn 1.2.1):

    /usr/bin/python3 scripts/golden/exposure_golden.py

Definitions (Singh & Joachims, "Fairness of Exposure in Rankings", KDD 2018, section 4, with the
DCG position bias v_j = 1 / log2(1 + j) of their experiments), pooled over several rankings:
- within each query, rows ordered by descending score (or ascending rank), ties in row order
  (pandas rank(method="first")); position j = 1, 2, ...
- Exposure(g) = sum of v_j over the rows of group g / n_g; U(g) = mean relevance of g
- exposure_ratio = min_g Exposure(g) / max_g Exposure(g)
- disparate_treatment_ratio = min_g (Exposure(g) / U(g)) / max_g (Exposure(g) / U(g))
  (the paper's DTR for two groups is one of these ratios or its inverse; min/max makes it <= 1)
- top_k_share(g) = rows of g at positions <= k / all positions <= k; share(g) = n_g / N;
  top_k_ratio(g) = top_k_share(g) / share(g)

Inputs written by this script into assay-core/src/test/resources/golden/exposure/:
- german_ranking.csv: the 300 rows of assay-cli/src/test/resources/data/german_credit_test_predictions.csv
  (German credit held-out split with the bundled german_credit_forest model's proba_bad):
  purpose, personal_status, foreign_worker, proba_bad, bad (1 = class bad) and rank_in_purpose.
- adult_ranking.csv: 3000 rows of examples/models/adult.csv drawn with numpy seed 8 (sorted), with
  score = predict_proba of a scikit-learn LogisticRegression (lbfgs, C=1, max_iter=1000) fitted on the
  standardised numeric columns of all rows, rounded to 6 decimals: occupation, race, sex, score, label.
Output: exposure_golden.json, computed from the CSV files as read back.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core/src/test/resources/golden/exposure")


def german():
    d = pd.read_csv(os.path.join(ROOT, "assay-cli/src/test/resources/data/german_credit_test_predictions.csv"))
    out = pd.DataFrame({"purpose": d["purpose"], "personal_status": d["personal_status"],
                        "foreign_worker": d["foreign_worker"], "proba_bad": d["proba_bad"],
                        "bad": (d["class"] == "bad").astype(int)})
    out["rank_in_purpose"] = out.groupby("purpose")["proba_bad"].rank(method="first", ascending=False).astype(int)
    out.to_csv(os.path.join(OUT, "german_ranking.csv"), index=False)


def adult():
    d = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
    numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
    x = StandardScaler().fit_transform(d[numeric].astype(float))
    y = (d["income-per-year"].str.strip() == ">50K").astype(int)
    score = LogisticRegression(C=1.0, max_iter=1000).fit(x, y).predict_proba(x)[:, 1]
    rows = np.sort(np.random.default_rng(8).choice(len(d), size=3000, replace=False))
    out = pd.DataFrame({"occupation": d["occupation"], "race": d["race"], "sex": d["sex"],
                        "score": np.round(score, 6), "label": y}).iloc[rows]
    out.to_csv(os.path.join(OUT, "adult_ranking.csv"), index=False)


def exposure(d, group, score=None, rank=None, query=None, relevance=None, k=10):
    d = d.copy()
    q = d[query].astype(str) if query else pd.Series("", index=d.index)
    if score:
        d["_pos"] = d.groupby(q)[score].rank(method="first", ascending=False)
    else:
        d["_pos"] = d.groupby(q)[rank].rank(method="first", ascending=True)
    d["_v"] = 1.0 / np.log2(1.0 + d["_pos"])
    d["_top"] = (d["_pos"] <= k).astype(int)
    g = d.groupby(d[group].astype(str), sort=False)
    places = int(d["_top"].sum())
    groups = {}
    for name, part in g:
        e = {"rows": int(len(part)), "exposure": float(part["_v"].mean()), "top_k": int(part["_top"].sum()),
             "share": len(part) / len(d), "top_k_share": part["_top"].sum() / places}
        e["top_k_ratio"] = e["top_k_share"] / e["share"]
        if relevance:
            e["relevance"] = float(part[relevance].mean())
            e["exposure_per_relevance"] = e["exposure"] / e["relevance"] if e["relevance"] > 0 else None
        groups[name] = e
    exp = [e["exposure"] for e in groups.values()]
    out = {"group": group, "score": score, "rank": rank, "query": query, "relevance": relevance, "k": k,
           "queries": int(q.nunique()), "top_k_places": places, "groups": groups,
           "exposure_ratio": min(exp) / max(exp)}
    if relevance:
        per = [e["exposure_per_relevance"] for e in groups.values()]
        out["disparate_treatment_ratio"] = None if None in per else min(per) / max(per)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    german()
    adult()
    g = pd.read_csv(os.path.join(OUT, "german_ranking.csv"))
    a = pd.read_csv(os.path.join(OUT, "adult_ranking.csv"))
    cases = {
        "german_status_by_purpose": ("german_ranking.csv", exposure(g, "personal_status", score="proba_bad", query="purpose",
                                                                    relevance="bad", k=5)),
        "german_status_by_purpose_rank": ("german_ranking.csv", exposure(g, "personal_status", rank="rank_in_purpose",
                                                                         query="purpose", relevance="bad", k=5)),
        "german_foreign_one_ranking": ("german_ranking.csv", exposure(g, "foreign_worker", score="proba_bad",
                                                                      relevance="bad", k=30)),
        "adult_sex_by_occupation": ("adult_ranking.csv", exposure(a, "sex", score="score", query="occupation",
                                                                  relevance="label", k=10)),
        "adult_race_one_ranking": ("adult_ranking.csv", exposure(a, "race", score="score", k=100)),
    }
    golden = {"versions": {"pandas": pd.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__},
              "cases": {name: dict(file=f, **c) for name, (f, c) in cases.items()}}
    with open(os.path.join(OUT, "exposure_golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
