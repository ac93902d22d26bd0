#!/usr/bin/python3
"""Golden values for Assay's differential-privacy and membership-inference code.

Run from the repository root with Debian's interpreter (python3-scipy 1.10.1, python3-sklearn 1.2.1,
python3-statsmodels 0.13.5):

    /usr/bin/python3 scripts/golden/privacy_golden.py

Writes into assay-core/src/test/resources/golden/privacy/:

* analytic_gaussian.json: sigma of the analytic Gaussian mechanism for (epsilon, delta, sensitivity) by
  Balle and Wang's Algorithm 1 (their published calibrateAnalyticGaussianMechanism, with scipy.special.ndtr
  for Phi and a stopping tolerance of 1e-10 * delta on delta instead of their absolute 1e-12), and the
  delta that sigma gives by Theorem 8.
* discrete_gaussian.json: delta of the discrete Gaussian N_Z(0, sigma2) at epsilon, sensitivity 1
  (Canonne, Kamath, Steinke 2020, Theorem 7: P[Y > eps*sigma2 - 1/2] - e^eps P[Y > eps*sigma2 + 1/2]),
  with the probabilities summed by numpy over |y| <= 40 sigma + 40.
* noise_cdf.json: the distribution functions the noise samplers must follow: scipy.stats.dlaplace.cdf
  (discrete Laplace of scale t/s, a = s/t), the discrete Gaussian CDF (normalised numpy sums), and for the snapping
  mechanism scipy.stats.laplace.cdf((k + 1/2) Lambda - x, scale=lambda) (the output rounded to the grid
  Lambda, before clamping, which is far away).
* membership.json: for each fixture (read with float_precision="round_trip", so that every
  probability is the double Java parses) membership_<model>.csv (true class index and class probabilities of
  a real model's training rows, member = 1, and held-out rows, member = 0; written by
  assay-models' ExportMembershipFixtures), the per-row loss, entropy and modified entropy
  (negated and rounded to a multiple of 1e-12, as Assay's membership scores),
  scikit-learn's roc_auc_score of the membership score, the advantage max(tpr - fpr) over
  roc_curve(drop_intermediate=False), TPR at FPR <= 0.01 and 0.001 with statsmodels'
  proportion_confint(method='beta') at 95%, and the epsilon lower bound with the same intervals
  (delta = 1e-5).
"""
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
from scipy.special import ndtr
from scipy.stats import dlaplace, laplace
from sklearn.metrics import roc_auc_score, roc_curve
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "privacy")
VERSIONS = {"scipy": scipy.__version__, "sklearn": sklearn.__version__, "statsmodels": statsmodels.__version__,
            "numpy": np.__version__, "pandas": pd.__version__}


def calibrate_analytic_gaussian(epsilon, delta, gs):
    """Balle and Wang 2018, Algorithm 1, as in their published code (Phi by scipy.special.ndtr)."""
    tol = 1e-10 * delta

    def case_a(s):
        return ndtr(math.sqrt(epsilon * s)) - math.exp(epsilon) * ndtr(-math.sqrt(epsilon * (s + 2.0)))

    def case_b(s):
        return ndtr(-math.sqrt(epsilon * s)) - math.exp(epsilon) * ndtr(-math.sqrt(epsilon * (s + 2.0)))

    def doubling(stop, s_inf, s_sup):
        while not stop(s_sup):
            s_inf = s_sup
            s_sup = 2.0 * s_inf
        return s_inf, s_sup

    def bisect(stop, left, s_inf, s_sup):
        s_mid = s_inf + (s_sup - s_inf) / 2.0
        while not stop(s_mid):
            if left(s_mid):
                s_sup = s_mid
            else:
                s_inf = s_mid
            s_mid = s_inf + (s_sup - s_inf) / 2.0
        return s_mid

    threshold = case_a(0.0)
    if delta == threshold:
        alpha = 1.0
    else:
        if delta > threshold:
            stop_dt = lambda s: case_a(s) >= delta
            to_delta = case_a
            left = lambda s: to_delta(s) > delta
            to_alpha = lambda s: math.sqrt(1.0 + s / 2.0) - math.sqrt(s / 2.0)
        else:
            stop_dt = lambda s: case_b(s) <= delta
            to_delta = case_b
            left = lambda s: to_delta(s) < delta
            to_alpha = lambda s: math.sqrt(1.0 + s / 2.0) + math.sqrt(s / 2.0)
        stop_bs = lambda s: abs(to_delta(s) - delta) <= tol
        s_inf, s_sup = doubling(stop_dt, 0.0, 1.0)
        alpha = to_alpha(bisect(stop_bs, left, s_inf, s_sup))
    return alpha * gs / math.sqrt(2.0 * epsilon)


def gaussian_delta(sigma, epsilon, gs):
    a = gs / (2 * sigma)
    b = epsilon * sigma / gs
    return ndtr(a - b) - math.exp(epsilon) * ndtr(-a - b)


def discrete_gaussian_pmf(sigma2):
    reach = int(math.ceil(40 * math.sqrt(sigma2) + 40))
    y = np.arange(-reach, reach + 1)
    w = np.exp(-(y.astype(float) ** 2) / (2 * sigma2))
    return y, w / w.sum()


def discrete_gaussian_delta(sigma2, epsilon):
    y, p = discrete_gaussian_pmf(sigma2)
    a = epsilon * sigma2 - 0.5
    return max(0.0, p[y > a].sum() - math.exp(epsilon) * p[y > a + 1].sum())


def snapping_lambda(epsilon):
    bound = 2.0 ** 30 / epsilon
    return (1 + 2.0 ** -49 * bound) / epsilon


def snapping_grid(lam):
    g = 2.0 ** math.floor(math.log2(lam))
    return 2 * g if g < lam else g


def write(name, payload):
    payload["versions"] = VERSIONS
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def dp_goldens():
    cases = []
    for eps, delta, gs in [(0.1, 1e-5, 1.0), (0.5, 1e-6, 1.0), (1.0, 1e-5, 1.0), (1.0, 1e-10, 2.5), (2.0, 1e-3, 1.0),
                           (5.0, 1e-5, 1.0), (10.0, 1e-8, 3.0), (0.01, 1e-5, 1.0), (1.0, 0.3, 1.0)]:
        sigma = calibrate_analytic_gaussian(eps, delta, gs)
        cases.append({"epsilon": eps, "delta": delta, "sensitivity": gs, "sigma": sigma,
                      "delta_at_sigma": gaussian_delta(sigma, eps, gs)})
    write("analytic_gaussian.json", {"cases": cases})

    dg = []
    for sigma2, eps in [(1.0, 0.5), (4.0, 1.0), (10.5, 0.3), (25.0, 0.2), (100.0, 0.05), (2.25, 2.0)]:
        dg.append({"sigma2": sigma2, "epsilon": eps, "delta": discrete_gaussian_delta(sigma2, eps)})
    write("discrete_gaussian.json", {"cases": dg})

    cdfs = []
    for s, t in [(2 ** 20, 2 ** 20 * 2), (2 ** 20, 2 ** 20 * 10), (2 ** 20, 2 ** 20)]:
        a = s / t
        k = np.arange(-60, 61) if a < 0.2 else np.arange(-20, 21)
        cdfs.append({"distribution": "discrete_laplace", "s": s, "t": t, "x": k.tolist(),
                     "cdf": dlaplace.cdf(k, a).tolist()})
    for sigma2 in [2.25, 30.0]:
        y, p = discrete_gaussian_pmf(sigma2)
        k = np.arange(-int(5 * math.sqrt(sigma2)) - 1, int(5 * math.sqrt(sigma2)) + 2)
        cdf = [float(p[y <= v].sum()) for v in k]
        cdfs.append({"distribution": "discrete_gaussian", "sigma2": sigma2, "x": k.tolist(), "cdf": cdf})
    for eps, x in [(1.0, 0.3), (0.25, 7.0)]:
        lam = snapping_lambda(eps)
        grid = snapping_grid(lam)
        k = np.arange(-12, 13) if eps == 1.0 else np.arange(-6, 8)
        cdfs.append({"distribution": "snapping_laplace", "epsilon": eps, "value": x, "lambda": lam, "grid": grid,
                     "x": (k * grid).tolist(), "cdf": laplace.cdf((k + 0.5) * grid - x, scale=lam).tolist()})
    write("noise_cdf.json", {"dkw_alpha": 0.001, "cases": cdfs})


def cp(k, n):
    lo, hi = proportion_confint(k, n, alpha=0.05, method="beta")
    lo = 0.0 if k == 0 else float(lo)
    hi = 1.0 if k == n else float(hi)
    return lo, hi


def signals(frame):
    probs = frame[[c for c in frame.columns if c.startswith("p")]].to_numpy()
    y = frame["label_index"].to_numpy()
    clipped = np.clip(probs, 1e-15, 1 - 1e-15)
    py = clipped[np.arange(len(y)), y]
    loss = -np.log(py)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(probs > 0, probs * np.log(np.where(probs > 0, probs, 1)), 0.0)
    entropy = -terms.sum(axis=1)
    other = -clipped * np.log(1 - clipped)
    other[np.arange(len(y)), y] = 0
    mentr = -(1 - py) * np.log(py) + other.sum(axis=1)
    return {name: np.rint(-value * 1e12) / 1e12 for name, value in
            [("loss", loss), ("entropy", entropy), ("modified_entropy", mentr)]}


def attack(member, score, delta):
    auc = roc_auc_score(member, score)
    fpr, tpr, thr = roc_curve(member, score, drop_intermediate=False)
    p = int(member.sum())
    n = int(len(member) - p)
    out = {"auc": auc, "advantage": float(np.max(tpr - fpr)), "members": p, "non_members": n, "tpr_at_fpr": {}}
    for target in [0.01, 0.001]:
        ok = fpr <= target
        best = int(np.argmax(np.where(ok, tpr, -1)))
        tp = int(round(tpr[best] * p))
        lo, hi = cp(tp, p)
        out["tpr_at_fpr"][str(target)] = {"value": tp / p, "ci_low": lo, "ci_high": hi, "fpr": float(fpr[best])}
    best = 0.0
    for f, t in zip(fpr, tpr):
        fp = int(round(f * n))
        fn = p - int(round(t * p))
        fpr_hi = cp(fp, n)[1]
        fnr_hi = cp(fn, p)[1]
        terms = []
        if 1 - delta - fpr_hi > 0:
            terms.append(math.log((1 - delta - fpr_hi) / fnr_hi))
        if 1 - delta - fnr_hi > 0:
            terms.append(math.log((1 - delta - fnr_hi) / fpr_hi))
        if terms:
            best = max(best, max(terms))
    out["epsilon_lower_bound"] = best
    return out


def membership_goldens():
    cases = []
    for name in sorted(os.listdir(OUT)):
        if not (name.startswith("membership_") and name.endswith(".csv")):
            continue
        frame = pd.read_csv(os.path.join(OUT, name), float_precision="round_trip")
        member = frame["member"].to_numpy()
        scores = signals(frame)
        case = {"fixture": name, "delta": 1e-5, "attacks": {}}
        for signal, score in scores.items():
            result = attack(member, score, 1e-5)
            result["scores_head"] = score[:20].tolist()
            case["attacks"][signal] = result
        cases.append(case)
    write("membership.json", {"cases": cases})


if __name__ == "__main__":
    dp_goldens()
    membership_goldens()
