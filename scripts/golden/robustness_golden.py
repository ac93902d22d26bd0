#!/usr/bin/python3
"""Golden spreads of the numeric columns of examples/models/adult.csv, by which the `perturbation` check scales
Gaussian noise and extreme values (dev.assay.core.robustness.NumericProfile).

Run from the repository root with Debian's interpreter (pandas 1.5.3, numpy):

    /usr/bin/python3 scripts/golden/robustness_golden.py

std: pandas Series.std() (ddof=1); iqr: np.percentile(x, 75) - np.percentile(x, 25) (linear interpolation);
min, max; integer: every value a whole number. Missing values left out.
Output: assay-core/src/test/resources/golden/robustness_spreads_adult.json
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core/src/test/resources/golden/robustness_spreads_adult.json")

frame = pd.read_csv(os.path.join(ROOT, "examples/models/adult.csv"))
out = {"pandas": pd.__version__, "numpy": np.__version__, "columns": {}}
for name in frame.columns:
    if not pd.api.types.is_numeric_dtype(frame[name]):
        continue
    x = frame[name].dropna().to_numpy(dtype=float)
    out["columns"][name] = {
        "count": int(x.size),
        "std": float(pd.Series(x).std()),
        "iqr": float(np.percentile(x, 75) - np.percentile(x, 25)),
        "min": float(x.min()),
        "max": float(x.max()),
        "integer": bool(np.all(x == np.round(x))),
    }
with open(OUT, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
print(OUT)
