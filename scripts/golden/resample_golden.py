#!/usr/bin/python3
"""Golden values for Assay's class-imbalance resamplers (dev.assay.core.resample).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24.2, pandas 1.5.3) and imbalanced-learn 0.12.4 from
its source (the newest release that runs on scikit-learn 1.2; its samplers are unchanged up to 0.14):
    git clone https://github.com/scikit-learn-contrib/imbalanced-learn && git -C imbalanced-learn archive 0.12.4 imblearn | tar -x -C /tmp/imblearn-0.12.4
    /usr/bin/python3 scripts/golden/resample_golden.py /tmp/imblearn-0.12.4
Writes assay-core/src/test/resources/golden/resample/*.json:
  numpy_random.json  draws of numpy.random.RandomState (random_sample, randint, uniform, permutation)
  neighbors.json     sklearn NearestNeighbors(n_neighbors=6).kneighbors on the feature columns of
                     integrity/breast_cancer.csv and integrity/pima_diabetes.csv (indices, distances)
  samplers.json      imbalanced-learn fit_resample outputs on Pima diabetes, wine, German credit and the
                     fixtures of imbalanced-learn's own tests (test_tomek_links.py, test_nearmiss.py, test_smote.py)
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.neighbors import NearestNeighbors

sys.path.insert(0, sys.argv[1])
import imblearn  # noqa: E402
from imblearn.over_sampling import ADASYN, SMOTE, SMOTENC, BorderlineSMOTE, RandomOverSampler  # noqa: E402
from imblearn.under_sampling import NearMiss, RandomUnderSampler, TomekLinks  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
RES = os.path.join(ROOT, "assay-core", "src", "test", "resources")
OUT = os.path.join(RES, "golden", "resample")


def write(name, payload):
    payload["versions"] = {"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__,
                           "imblearn": imblearn.__version__}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, sort_keys=True)
        f.write("\n")


def numpy_random():
    cases = []
    for seed in [0, 1, 42, 12345, 4294967295]:
        rs = RandomState = np.random.RandomState(seed)
        ops = [["double", None, rs.random_sample(5).tolist()]]
        for high in [1, 2, 3, 7, 100, 1000003, 2 ** 31 + 7, 2 ** 32]:
            ops.append(["randint", high, rs.randint(0, high, size=4).tolist()])
        ops.append(["uniform_half", None, rs.uniform(low=0.0, high=0.5, size=3).tolist()])
        for n in [1, 2, 10, 300]:
            ops.append(["permutation", n, rs.permutation(n).tolist()])
        ops.append(["choice_no_replace", 50, rs.choice(range(50), size=7, replace=False).tolist()])
        ops.append(["double", None, rs.random_sample(3).tolist()])
        del RandomState
        cases.append({"seed": seed, "ops": ops})
    write("numpy_random.json", {"cases": cases})


def pima():
    d = pd.read_csv(os.path.join(RES, "integrity", "pima_diabetes.csv"))
    return d.drop(columns="diabetes").to_numpy(dtype=float), d["diabetes"].to_numpy()


def breast():
    d = pd.read_csv(os.path.join(RES, "integrity", "breast_cancer.csv"))
    label = d.columns[-1]
    return d.drop(columns=label).to_numpy(dtype=float), d[label].to_numpy()


def wine():
    d = pd.read_csv(os.path.join(OUT, "wine.csv"))
    return d.drop(columns="class").to_numpy(dtype=float), d["class"].to_numpy()


def german():
    d = pd.read_csv(os.path.join(ROOT, "examples", "german-credit", "german_credit.csv"), keep_default_na=False)
    X = d.drop(columns="class")
    cats = [i for i, c in enumerate(X.columns) if X[c].dtype == object]
    return X, d["class"].to_numpy(), cats


def neighbors():
    out = {}
    for name, (X, _) in {"breast_cancer": breast(), "pima": pima()}.items():
        nn = NearestNeighbors(n_neighbors=6).fit(X)
        dist, idx = nn.kneighbors(X)
        out[name] = {"k": 6, "index": idx.tolist(), "distance": dist.tolist()}
    write("neighbors.json", out)


# Fixtures of imbalanced-learn's tests (copied from its tests at 0.12.4).
TOMEK_X = [[0.31230513, 0.1216318], [0.68481731, 0.51935141], [1.34192108, -0.13367336], [0.62366841, -0.21312976],
           [1.61091956, -0.40283504], [-0.37162401, -2.19400981], [0.74680821, 1.63827342], [0.2184254, 0.24299982],
           [0.61472253, -0.82309052], [0.19893132, -0.47761769], [1.06514042, -0.0770537], [0.97407872, 0.44454207],
           [1.40301027, -0.83648734], [-1.20515198, -1.02689695], [-0.27410027, -0.54194484], [0.8381014, 0.44085498],
           [-0.23374509, 0.18370049], [-0.32635887, -0.29299653], [-0.00288378, 0.84259929], [1.79580611, -0.02219234]]
TOMEK_Y = [1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0]
NEARMISS_X = [[1.17737838, -0.2002118], [0.4960075, 0.86130762], [-0.05903827, 0.10947647], [0.91464286, 1.61369212],
              [-0.54619583, 1.73009918], [-0.60413357, 0.24628718], [0.45713638, 1.31069295],
              [-0.04032409, 3.01186964], [0.03142011, 0.12323596], [0.50701028, -0.17636928],
              [-0.80809175, -1.09917302], [-0.20497017, -0.26630228], [0.99272351, -0.11631728],
              [-1.95581933, 0.69609604], [1.15157493, -1.2981518]]
NEARMISS_Y = [1, 2, 1, 0, 2, 1, 2, 2, 1, 2, 0, 0, 2, 1, 2]
SMOTE_X = [[0.11622591, -0.0317206], [0.77481731, 0.60935141], [1.25192108, -0.22367336], [0.53366841, -0.30312976],
           [1.52091956, -0.49283504], [-0.28162401, -2.10400981], [0.83680821, 1.72827342], [0.3084254, 0.33299982],
           [0.70472253, -0.73309052], [0.28893132, -0.38761769], [1.15514042, 0.0129463], [0.88407872, 0.35454207],
           [1.31301027, -0.92648734], [-1.11515198, -0.93689695], [-0.18410027, -0.45194484], [0.9281014, 0.53085498],
           [-0.14374509, 0.27370049], [-0.41635887, -0.38299653], [0.08711622, 0.93259929], [1.70580611, -0.11219234]]
SMOTE_Y = [0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0]


def case(data, method, params, sampler, X, y, categorical=None):
    Xr, yr = sampler.fit_resample(X, y)
    n = len(y)
    out = {"data": data, "method": method, "params": params}
    if hasattr(sampler, "sample_indices_"):
        out["kept"] = sampler.sample_indices_.tolist()
        assert np.array_equal(np.asarray(yr), np.asarray(y)[sampler.sample_indices_]), method
        out["y_new"] = []
    else:
        assert np.array_equal(np.asarray(Xr[:n]), np.asarray(X)), method
        out["kept"] = list(range(n))
        new = np.asarray(Xr[n:])
        out["new_rows"] = [[v if isinstance(v, str) else float(v) for v in row] for row in new.tolist()]
        out["y_new"] = [str(v) for v in yr[n:]]
    return out


def samplers():
    data = {"pima": pima(), "wine": wine(), "tomek_test": (np.array(TOMEK_X), np.array(TOMEK_Y)),
            "nearmiss_test": (np.array(NEARMISS_X), np.array(NEARMISS_Y)), "smote_test": (np.array(SMOTE_X), np.array(SMOTE_Y))}
    cases = []
    for name in ["pima", "wine", "smote_test"]:
        X, y = data[name]
        cases.append(case(name, "smote", {"k": 5, "seed": 0}, SMOTE(random_state=0), X, y))
        if name != "pima":
            cases.append(case(name, "smote", {"k": 3, "seed": 42, "strategy": "all"},
                              SMOTE(k_neighbors=3, random_state=42, sampling_strategy="all"), X, y))
        cases.append(case(name, "random_over", {"seed": 0}, RandomOverSampler(random_state=0), X, y))
        cases.append(case(name, "random_under", {"seed": 0}, RandomUnderSampler(random_state=0), X, y))
        cases.append(case(name, "tomek", {}, TomekLinks(), X, y))
        for v in (1, 2, 3):
            cases.append(case(name, "nearmiss", {"version": v}, NearMiss(version=v), X, y))
    for name in ["pima", "wine"]:
        X, y = data[name]
        cases.append(case(name, "adasyn", {"k": 5, "seed": 0}, ADASYN(random_state=0), X, y))
        for kind in (1, 2):
            cases.append(case(name, "borderline_smote", {"kind": kind, "k": 5, "m": 10, "seed": 1},
                              BorderlineSMOTE(kind="borderline-%d" % kind, random_state=1), X, y))
    X, y = data["pima"]
    cases.append(case("pima", "smote", {"k": 5, "seed": 7, "strategy": "0.8"},
                      SMOTE(random_state=7, sampling_strategy=0.8), X, y))
    cases.append(case("pima", "random_under", {"seed": 3, "strategy": "0.75"},
                      RandomUnderSampler(random_state=3, sampling_strategy=0.75), X, y))
    for name in ["tomek_test", "nearmiss_test"]:
        X, y = data[name]
        cases.append(case(name, "tomek", {}, TomekLinks(), X, y))
        for v in (1, 2, 3):
            cases.append(case(name, "nearmiss", {"version": v}, NearMiss(version=v), X, y))
    Xg, yg, cats = german()
    for seed in (0,):
        c = case("german", "smotenc", {"k": 5, "seed": seed, "categorical": cats},
                 SMOTENC(categorical_features=cats, random_state=seed), Xg.to_numpy(dtype=object), yg)
        cases.append(c)
    datasets = {k: {"x": v[0].tolist(), "y": [str(t) for t in v[1]]} for k, v in data.items() if k not in ("pima",)}
    write("samplers.json", {"cases": cases, "data": datasets,
                            "german_columns": list(Xg.columns), "german_categorical": cats})


if __name__ == "__main__":
    numpy_random()
    neighbors()
    samplers()
