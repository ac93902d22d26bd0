#!/usr/bin/python3
"""Golden ranking metrics for Assay's RankingEvaluation and the `ranking` check.

Run from the repository root with Debian's interpreter (numpy 1.24, pandas 1.5.3, scikit-learn 1.2.1):

    /usr/bin/python3 scripts/golden/ranking_golden.py

Input written by this script into assay-core/src/test/resources/golden/ranking/:
- diabetes_ranking.csv: the 442 patients of /work/shared/datasets/diabetes_regression.csv (Efron et al.
  2004, from Debian python3-sklearn 1.2.1) as a ranking table: query = age decade and sex (e.g. "50s-2"),
  item = "p" + row number (3 digits), score = prediction of a scikit-learn LinearRegression of the target
  on bmi, bp, s1..s6 fitted on all rows (rounded to 4 decimals; no ties within a query, asserted),
  relevance = quartile grade of the target, 0..3 (pandas qcut), and the features bmi, bp.
Output: ranking_golden.json, computed from the CSV as read back, for cutoffs 5 and 10 and one cutoff
longer than every query (where map@k is the full average precision):
- ndcg@k: mean over queries of sklearn.metrics.ndcg_score([rel], [score], k=k) (linear gain);
  ndcg_exp@k: the same with y_true = 2**rel - 1 (sklearn's DCG with exponential gain);
- map@k at the long cutoff: mean over queries of sklearn.metrics.average_precision_score(rel > 0, score);
- precision@k, recall@k, hit_rate@k, map@k, mrr: trec_eval's definitions (P_k, recall_k, map_cut_k,
  recip_rank; trec_eval/m_P.c, m_recall.c, m_map_cut.c, m_recip_rank.c), written out with numpy;
- coverage, mean_popularity, gini_exposure, novelty, personalisation, intra_list_diversity as documented
  in CatalogueMetrics, written out with numpy over each query's top k.
Every query has at least two rows and a relevant item.
- diabetes_by_feature.csv: the same patients ranked once per feature (query = bmi, bp, s1..s6, score = the
  feature's value, many ties), so items recur across queries; `by_feature` holds the catalogue measures
  at k = 10 with ties ordered by descending item id (trec_eval's rule), written out with numpy.
"""
import itertools
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LinearRegression
from sklearn.metrics import average_precision_score, ndcg_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core/src/test/resources/golden/ranking")
SOURCE = "/work/shared/datasets/diabetes_regression.csv"


def build():
    d = pd.read_csv(SOURCE)
    x = d[["bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]]
    score = LinearRegression().fit(x, d["target"]).predict(x).round(4)
    t = pd.DataFrame({
        "query": (d["age"] // 10 * 10).astype(int).astype(str) + "s-" + d["sex"].astype(str),
        "item": ["p%03d" % i for i in range(len(d))],
        "score": score,
        "relevance": pd.qcut(d["target"], 4, labels=False),
        "bmi": d["bmi"],
        "bp": d["bp"],
    })
    t.to_csv(os.path.join(OUT, "diabetes_ranking.csv"), index=False)
    rel = pd.qcut(d["target"], 4, labels=False)
    parts = [pd.DataFrame({"query": f, "item": ["p%03d" % i for i in range(len(d))], "score": d[f], "relevance": rel,
                           "bmi": d["bmi"], "bp": d["bp"]}) for f in x.columns]
    pd.concat(parts).to_csv(os.path.join(OUT, "diabetes_by_feature.csv"), index=False)


def catalogue(t, k):
    queries = list(t.groupby("query", sort=False))
    nq = len(queries)
    items = sorted(t["item"].unique())
    relevant_in = t[t.relevance > 0].groupby("item").size().reindex(items, fill_value=0)
    feats = t.drop_duplicates("item").set_index("item")[["bmi", "bp"]]
    shown = pd.Series(0, index=items)
    pop, nov, ild, lists = [], [], [], []
    for _, g in queries:
        top = g.sort_values(["score", "item"], ascending=False)["item"].values[:k]
        lists.append(set(top))
        shown[top] += 1
        p = relevant_in[top].values / nq
        pop.append(p.mean())
        nov.append((-np.log2(np.maximum(relevant_in[top].values, 1) / nq)).mean())
        f = feats.loc[top].values
        dist = [1 - a @ b / np.sqrt((a @ a) * (b @ b)) for a, b in itertools.combinations(f, 2)]
        ild.append(np.mean(dist))
    c = np.sort(shown.values)
    m = len(c)
    gini = ((2 * np.arange(1, m + 1) - m - 1) * c).sum() / (m * c.sum())
    overlap = [len(a & b) / k for a, b in itertools.combinations(lists, 2)]
    return {
        "coverage@%d" % k: float((shown > 0).mean()),
        "mean_popularity@%d" % k: float(np.mean(pop)),
        "gini_exposure@%d" % k: float(gini),
        "novelty@%d" % k: float(np.mean(nov)),
        "personalisation@%d" % k: float(1 - np.mean(overlap)),
        "intra_list_diversity@%d" % k: float(np.mean(ild)),
    }


def metrics(t, k):
    out = {"ndcg@%d" % k: [], "ndcg_exp@%d" % k: [], "map@%d" % k: [], "mrr": [], "precision@%d" % k: [],
           "recall@%d" % k: [], "hit_rate@%d" % k: []}
    longest = t.groupby("query").size().max()
    full_ap = []
    for _, g in t.groupby("query", sort=False):
        assert len(g) >= 2 and not g["score"].duplicated().any()
        rel = g["relevance"].values.astype(float)
        score = g["score"].values
        out["ndcg@%d" % k].append(ndcg_score([rel], [score], k=k))
        out["ndcg_exp@%d" % k].append(ndcg_score([2 ** rel - 1], [score], k=k))
        ranked = rel[np.argsort(-score)] > 0
        r = ranked.sum()
        assert r > 0
        hits = np.cumsum(ranked[:k])
        ranks = np.arange(1, len(hits) + 1)
        out["precision@%d" % k].append(hits[-1] / k)
        out["recall@%d" % k].append(hits[-1] / r)
        out["hit_rate@%d" % k].append(float(hits[-1] > 0))
        out["map@%d" % k].append((hits / ranks)[ranked[:k]].sum() / r)
        out["mrr"].append(1 / (np.argmax(ranked) + 1))
        full_ap.append(average_precision_score(rel > 0, score))
    result = {key: float(np.mean(v)) for key, v in out.items()}
    if k >= longest:
        result["sklearn_average_precision"] = float(np.mean(full_ap))
    result.update(catalogue(t, k))
    return result


def main():
    build()
    t = pd.read_csv(os.path.join(OUT, "diabetes_ranking.csv"))
    longest = int(t.groupby("query").size().max())
    cases = {str(k): metrics(t, k) for k in (5, 10, longest)}
    golden = {"sklearn": sklearn.__version__, "pandas": pd.__version__, "rows": len(t),
              "queries": int(t["query"].nunique()), "long_k": longest, "cases": cases,
              "by_feature": catalogue(pd.read_csv(os.path.join(OUT, "diabetes_by_feature.csv")), 10)}
    with open(os.path.join(OUT, "ranking_golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
