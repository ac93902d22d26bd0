"""Golden values for k-anonymity, l-diversity and t-closeness (dev.assay.core.anonymity).

Computed with pandas group-bys, independently of the Java code, on real data (the bundled Adult census
extract, examples/models/adult.csv) and on the worked examples of the papers:
- Machanavajjhala et al., "l-Diversity: Privacy Beyond k-Anonymity" (TKDD 2007), Figures 2 (4-anonymous)
  and 3 (3-diverse) inpatient tables;
- Li, Li, Venkatasubramanian, "t-Closeness" (ICDE 2007), Table 5 (salary: 0.167-closeness).
Run: /usr/bin/python3 scripts/golden/anonymity_golden.py
"""
import itertools
import json
import math
import os

import numpy as np
import pandas as pd

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "anonymity", "anonymity.json")


def k_of(df, qis):
    return int(df.groupby(list(qis), dropna=False).size().min())


def measures(df, qis, sensitive, k, c, ordered):
    sizes = df.groupby(qis, dropna=False).size()
    out = {"k": int(sizes.min()), "classes": int(len(sizes)),
           "rows_below": int(sizes[sizes < k].sum()), "share_below": float(sizes[sizes < k].sum() / len(df))}
    if sensitive is not None:
        counts = df.groupby(qis, dropna=False)[sensitive].value_counts().unstack(fill_value=0)
        shares = counts.div(counts.sum(axis=1), axis=0)
        out["l_distinct"] = int((counts > 0).sum(axis=1).min())
        ent = -(shares * np.log(shares.where(shares > 0, 1))).sum(axis=1)
        out["l_entropy"] = float(np.exp(ent).min())
        rec = []
        for _, row in counts.iterrows():
            r = sorted([v for v in row if v > 0], reverse=True)
            best = 0
            for l in range(1, len(r) + 1):
                if r[0] < c * sum(r[l - 1:]):
                    best = l
            rec.append(best)
        out["l_recursive"] = int(min(rec))
        q = df[sensitive].value_counts(normalize=True)
        if ordered:
            order = sorted(q.index)
            shares = shares[order]
            q = q[order]
        else:
            shares = shares[q.index]
        diff = shares.sub(q, axis=1)
        out["t_equal"] = float((diff.abs().sum(axis=1) / 2).max())
        if ordered:
            m = len(q)
            out["t_ordered"] = float((diff.cumsum(axis=1).abs().sum(axis=1) / (m - 1)).max()) if m > 1 else 0.0
    minimal = []
    for size in range(1, len(qis) + 1):
        for combo in itertools.combinations(qis, size):
            if any(set(m) <= set(combo) for m in minimal):
                continue
            if k_of(df, combo) < k:
                minimal.append(combo)
    out["breaking"] = [list(m) for m in minimal]
    return out


def case(name, df, qis, sensitive, k, c, ordered, source, rows=None):
    entry = {"name": name, "source": source, "quasi_identifiers": qis, "sensitive": sensitive, "k_required": k, "c": c,
             "expected": measures(df, qis, sensitive, k, c, ordered)}
    if rows is not None:
        entry["columns"] = list(df.columns)
        entry["rows"] = rows
    return entry


def main():
    adult = pd.read_csv(os.path.join(ROOT, "examples", "models", "adult.csv"), keep_default_na=False)
    cases = [
        case("adult_occupation", adult, ["age", "sex", "race", "native-country"], "occupation", 5, 2.0, False, "adult.csv"),
        case("adult_hours", adult, ["sex", "race", "education", "marital-status", "relationship"], "hours-per-week", 10, 3.0,
             True, "adult.csv"),
        case("adult_sex_race_occupation", adult, ["sex", "race"], "occupation", 50, 3.0, False, "adult.csv"),
        case("adult_income_education_num", adult, ["sex", "race", "income-per-year"], "education-num", 20, 2.0, True, "adult.csv"),
        case("adult_no_sensitive", adult, ["workclass", "education", "sex", "race", "marital-status"], None, 3, 2.0, False,
             "adult.csv"),
    ]
    # Machanavajjhala et al. 2007, Figure 2: a 4-anonymous inpatient table (zip, age, nationality generalised)
    fig2 = [["130**", "<30", "*", "Heart Disease"], ["130**", "<30", "*", "Heart Disease"],
            ["130**", "<30", "*", "Viral Infection"], ["130**", "<30", "*", "Viral Infection"],
            ["1485*", ">=40", "*", "Cancer"], ["1485*", ">=40", "*", "Heart Disease"],
            ["1485*", ">=40", "*", "Viral Infection"], ["1485*", ">=40", "*", "Viral Infection"],
            ["130**", "3*", "*", "Cancer"], ["130**", "3*", "*", "Cancer"], ["130**", "3*", "*", "Cancer"],
            ["130**", "3*", "*", "Cancer"]]
    # Figure 3: the 3-diverse version of the same data
    fig3 = [["1305*", "<=40", "*", "Heart Disease"], ["1305*", "<=40", "*", "Viral Infection"],
            ["1305*", "<=40", "*", "Cancer"], ["1305*", "<=40", "*", "Cancer"],
            ["1485*", ">40", "*", "Cancer"], ["1485*", ">40", "*", "Heart Disease"],
            ["1485*", ">40", "*", "Viral Infection"], ["1485*", ">40", "*", "Viral Infection"],
            ["1306*", "<=40", "*", "Heart Disease"], ["1306*", "<=40", "*", "Viral Infection"],
            ["1306*", "<=40", "*", "Cancer"], ["1306*", "<=40", "*", "Cancer"]]
    cols = ["zip", "age", "nationality", "condition"]
    for name, rows in (("machanavajjhala_fig2", fig2), ("machanavajjhala_fig3", fig3)):
        df = pd.DataFrame(rows, columns=cols)
        cases.append(case(name, df, ["zip", "age", "nationality"], "condition", 4, 2.0, False, "Machanavajjhala et al. 2007", rows))
    # Li et al. 2007, Table 5: salary in thousands; the paper states 0.167-closeness for salary
    table5 = [["4767*", "<=40", 3, "gastric ulcer"], ["4767*", "<=40", 5, "stomach cancer"], ["4767*", "<=40", 9, "pneumonia"],
              ["4790*", ">=40", 6, "gastritis"], ["4790*", ">=40", 11, "flu"], ["4790*", ">=40", 8, "bronchitis"],
              ["4760*", "<=40", 4, "gastritis"], ["4760*", "<=40", 7, "bronchitis"], ["4760*", "<=40", 10, "stomach cancer"]]
    df = pd.DataFrame(table5, columns=["zip", "age", "salary", "disease"])
    cases.append(case("li_table5_salary", df, ["zip", "age"], "salary", 3, 2.0, True, "Li et al. 2007", table5))
    assert abs(cases[-1]["expected"]["t_ordered"] - 1 / 6) < 1e-12
    with open(OUT, "w") as f:
        json.dump({"pandas": pd.__version__, "cases": cases}, f, indent=1)
    for c in cases:
        print(c["name"], c["expected"])


if __name__ == "__main__":
    main()
