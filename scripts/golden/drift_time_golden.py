#!/usr/bin/python3
"""Golden values of Assay's drift over time and of the domain classifier's AUC interval.

Run from the repository root with Debian's interpreter (python3-scipy, python3-pandas, python3-sklearn):

    /usr/bin/python3 scripts/golden/drift_time_golden.py

Data: assay-core/src/test/resources/drift/seattle_weather.csv (daily, 2012-2015). Reference: the
days of 2012; current: the days of 2013-2015.
- windows: pandas resample of the current rows by calendar month ('M', labelled YYYY-MM) and by
  week ('W' = weeks Monday to Sunday, labelled by their Monday), and consecutive runs of 100 rows
  in date order; per window and numeric column scipy.stats.ks_2samp(reference, window,
  method='auto') (exact p-values for these sizes) and the row count.
- planted: the same current rows with wind + 4 from 2014-07-01 on; monthly windows, ks_2samp of
  wind per window.
- auc: ROC AUC of temp_max telling the days of 2015 (positive) from those of 2012, with
  sklearn.metrics.roc_auc_score, and DeLong's standard error of one AUC computed by the direct
  O(m n) structural components (DeLong et al. 1988): V10[i] = mean_j psi(X_i, Y_j),
  V01[j] = mean_i psi(X_i, Y_j), se = sqrt(var(V10)/m + var(V01)/n) with ddof 1.

Output: assay-core/src/test/resources/golden/drift_time.json
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy import stats
from sklearn.metrics import roc_auc_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv"
NUMERIC = ["precipitation", "temp_max", "temp_min", "wind"]
PLANT_FROM = "2014-07-01"
PLANT_WIND = 4.0


def ks_windows(reference, groups, columns):
    out = []
    for label, window in groups:
        if len(window) == 0:
            continue
        row = {"window": label, "rows": int(len(window))}
        for c in columns:
            r = stats.ks_2samp(reference[c].to_numpy(), window[c].to_numpy(), method="auto")
            row[c] = {"statistic": float(r.statistic), "p_value": float(r.pvalue)}
        out.append(row)
    return out


def monthly(frame):
    return [(str(p)[:7], w) for p, w in frame.resample("M")]


def weekly(frame):
    return [((end - pd.Timedelta(days=6)).strftime("%Y-%m-%d"), w) for end, w in frame.resample("W")]


def by_rows(frame, size):
    ordered = frame.sort_index(kind="stable")
    return [("rows %d-%d" % (i + 1, min(i + size, len(ordered))), ordered.iloc[i:i + size])
            for i in range(0, len(ordered), size)]


def delong_se(pos, neg):
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    return float(np.sqrt(v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)))


def main():
    data = pd.read_csv(os.path.join(ROOT, SEATTLE), parse_dates=["date"]).set_index("date")
    reference = data[data.index.year == 2012]
    current = data[data.index.year >= 2013]
    planted = current.copy()
    planted.loc[planted.index >= PLANT_FROM, "wind"] += PLANT_WIND
    pos = data[data.index.year == 2015]["temp_max"].to_numpy()
    neg = reference["temp_max"].to_numpy()
    out = {
        "versions": {"scipy": scipy.__version__, "pandas": pd.__version__, "sklearn": sklearn.__version__},
        "reference_rows": int(len(reference)),
        "current_rows": int(len(current)),
        "monthly": ks_windows(reference, monthly(current), NUMERIC),
        "weekly": ks_windows(reference, weekly(current), NUMERIC),
        "rows_100": ks_windows(reference, by_rows(current, 100), NUMERIC),
        "planted": {"from": PLANT_FROM, "wind_plus": PLANT_WIND,
                    "monthly": ks_windows(reference, monthly(planted), ["wind"])},
        "auc": {"auc": float(roc_auc_score(np.r_[np.ones(len(pos)), np.zeros(len(neg))], np.r_[pos, neg])),
                "standard_error": delong_se(pos, neg), "positives": int(len(pos)), "negatives": int(len(neg))},
    }
    path = os.path.join(ROOT, "assay-core/src/test/resources/golden/drift_time.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
