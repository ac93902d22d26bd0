#!/usr/bin/python3
"""Golden Spearman rank correlations for Assay's dev.assay.core.stats.Spearman.

Run from the repository root with Debian's interpreter (python3-scipy 1.10.1, python3-pandas 1.5.3):

    /usr/bin/python3 scripts/golden/spearman_golden.py

Pairs of numeric columns of the bundled German credit data (examples/german-credit/german_credit.csv,
1000 rows, many ties) and a few small cases (ties, two values, reversed order, a constant input), each
with scipy.stats.spearmanr(x, y).correlation and scipy.stats.rankdata(x) (average ranks).
Writes assay-core/src/test/resources/golden/stats/spearman.json.
"""
import json
import math
import os

import pandas as pd
import scipy
from scipy.stats import rankdata, spearmanr

data = pd.read_csv("examples/german-credit/german_credit.csv")
cases = []


def add(name, x, y):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    r = spearmanr(x, y).correlation
    cases.append({"name": name, "x": x, "y": y, "correlation": None if math.isnan(r) else float(r),
                  "ranks_x": [float(v) for v in rankdata(x)]})


for a, b in [("duration", "credit_amount"), ("age", "credit_amount"), ("installment_commitment", "residence_since"),
             ("age", "num_dependents")]:
    add(a + " vs " + b, data[a], data[b])
add("ties", [1, 2, 2, 3, 3, 3, 0.5], [0.1, 0.4, 0.3, 0.3, 0.9, 0.2, 0.0])
add("two values", [1, 2], [5, 3])
add("reversed", [0.3, 0.2, 0.1, 0.05], [1, 2, 3, 4])
add("constant", [1, 1, 1], [1, 2, 3])

out = {"scipy": scipy.__version__, "pandas": pd.__version__, "cases": cases}
os.makedirs("assay-core/src/test/resources/golden/stats", exist_ok=True)
with open("assay-core/src/test/resources/golden/stats/spearman.json", "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases")
