#!/usr/bin/python3
"""Golden quantile bins of Assay's slicing, computed with pandas 1.5.3 and numpy.

Run from the repository root with Debian's interpreter (python3-pandas, python3-numpy):

    /usr/bin/python3 scripts/golden/slicing_golden.py

Input: the UCI Adult training data bundled at examples/models/adult.csv (see its README).
For each numeric column and q in (4, 10) it writes pandas.qcut(x, q, duplicates="drop", retbins=True):
- edges: the bin edges (np.quantile with linear interpolation, repeats dropped);
- counts: the rows in each bin (value_counts of the codes, in bin order).
A column with at most q distinct values is cut by value instead; counts are then the rows per
distinct value in ascending order, and edges are absent.

Output: assay-core/src/test/resources/golden/slicing_adult.json
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
cases = []
for column in ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]:
    x = data[column].astype(float)
    for q in (4, 10):
        distinct = np.unique(x)
        if len(distinct) <= q:
            counts = [int((x == v).sum()) for v in distinct]
            cases.append({"column": column, "q": q, "values": distinct.tolist(), "counts": counts})
            continue
        codes, edges = pd.qcut(x, q, labels=False, duplicates="drop", retbins=True)
        counts = np.bincount(codes.astype(int), minlength=len(edges) - 1)
        assert counts.sum() == len(x)
        cases.append({"column": column, "q": q, "edges": edges.tolist(), "counts": counts.tolist()})
out = os.path.join(ROOT, "assay-core/src/test/resources/golden/slicing_adult.json")
with open(out, "w") as f:
    json.dump({"pandas": pd.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print("wrote", out, len(cases), "cases")
