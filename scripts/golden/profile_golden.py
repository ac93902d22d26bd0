#!/usr/bin/python3
"""Golden values of Assay's data profiles: exact statistics from pandas, quantiles from NumPy.

Run from the repository root with Debian's interpreter (python3-pandas 1.5.3, NumPy 1.24.2):

    /usr/bin/python3 scripts/golden/profile_golden.py

Data (real): examples/models/adult.csv (32561 rows) and
assay-core/src/test/resources/drift/seattle_weather.csv (1461 rows).
Per numeric column: rows, missing (NaN), count, min, max, mean and population variance
(Series.var(ddof=0)), and numpy.quantile(values, p, method="inverted_cdf") for p = 0, 0.005, ..., 1,
against which the KLL sketch's quantiles are checked within its rank error.
Per categorical column: missing, the number of distinct values and the count of every value.

Output: assay-core/src/test/resources/golden/profile.json
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = {
    "adult": "examples/models/adult.csv",
    "seattle": "assay-core/src/test/resources/drift/seattle_weather.csv",
}
GRID = [i / 200 for i in range(201)]


def column(s):
    if pd.api.types.is_numeric_dtype(s):
        v = s.dropna().to_numpy(dtype=float)
        return {
            "type": "numeric", "rows": int(len(s)), "missing": int(s.isna().sum()), "count": int(len(v)),
            "min": float(v.min()), "max": float(v.max()), "mean": float(s.mean()), "variance": float(s.var(ddof=0)),
            "quantile_grid": GRID,
            "quantiles": [float(q) for q in np.quantile(v, GRID, method="inverted_cdf")],
        }
    counts = s.dropna().value_counts()
    return {"type": "categorical", "rows": int(len(s)), "missing": int(s.isna().sum()), "distinct": int(len(counts)),
            "counts": {str(k): int(c) for k, c in counts.items()}}


def main():
    out = {"versions": {"pandas": pd.__version__, "numpy": np.__version__}, "data": {}}
    for name, path in FILES.items():
        df = pd.read_csv(os.path.join(ROOT, path), keep_default_na=False, na_values=[""])
        out["data"][name] = {"file": path, "columns": {c: column(df[c]) for c in df.columns}}
    target = os.path.join(ROOT, "assay-core/src/test/resources/golden/profile.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
