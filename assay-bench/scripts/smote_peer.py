#!/usr/bin/python3
"""SMOTE and ADASYN (k=5, random_state=0) on the numeric columns of a CSV: imbalanced-learn when its source is
given (IMBLEARN_SRC, e.g. a `git archive 0.12.4 imblearn` of imbalanced-learn: pip is not reachable here),
else a SMOTE written on scikit-learn's NearestNeighbors the way imbalanced-learn's is. Prints the median wall
time of three runs and the sum of the new values.
    smote_peer.py DATA.csv LABEL
"""
import os
import sys
import time

import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors

src = os.environ.get("IMBLEARN_SRC")
if src:
    sys.path.insert(0, src)
    from imblearn.over_sampling import ADASYN, SMOTE


def sklearn_smote(X, y, k=5, seed=0):
    classes, counts = np.unique(y, return_counts=True)
    majority = counts.max()
    out = [X]
    for c, n in zip(classes, counts):
        if n == majority:
            continue
        Xc = X[y == c]
        nns = NearestNeighbors(n_neighbors=k + 1).fit(Xc).kneighbors(Xc, return_distance=False)[:, 1:]
        rs = np.random.RandomState(seed)
        idx = rs.randint(0, nns.size, size=majority - n)
        steps = rs.uniform(size=majority - n)[:, None]
        rows, cols = idx // k, idx % k
        out.append(Xc[rows] + steps * (Xc[nns[rows, cols]] - Xc[rows]))
    return np.vstack(out)


def main():
    data = pd.read_csv(sys.argv[1])
    label = sys.argv[2]
    X = data.drop(columns=label).select_dtypes("number").to_numpy(dtype=float)
    y = data[label].to_numpy()
    runs = [("smote", lambda: SMOTE(random_state=0).fit_resample(X, y)[0]),
            ("adasyn", lambda: ADASYN(random_state=0).fit_resample(X, y)[0])] if src else \
        [("smote", lambda: sklearn_smote(X, y))]
    peer = "imbalanced-learn " + __import__("imblearn").__version__ if src else "scikit-learn NearestNeighbors SMOTE"
    for name, fn in runs:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
        print("peer %s (%s): median %.3f s of %s, %d new rows, sum of new values %.6e"
              % (name, peer, sorted(times)[1], ["%.3f" % s for s in times], len(out) - len(X), out[len(X):].sum()))


if __name__ == "__main__":
    main()
