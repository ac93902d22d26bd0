#!/usr/bin/python3
"""Golden values of Assay's A/B test statistics (dev.assay.core.abtest).

Run from the repository root with Debian 12's interpreter (python3-scipy, python3-statsmodels,
python3-pandas):

    /usr/bin/python3 scripts/golden/abtest_golden.py [DATASETS_DIR]

DATASETS_DIR defaults to /work/shared/datasets. The script is deterministic (numpy seed 16). From
UCI Adult it builds an A/B-like data set of 4,000 rows (DataFrame.sample(n=4000, random_state=16)):

- variant: control or treatment, drawn at random with probability 1/2 each;
- day: the look (1..10), drawn uniformly at random;
- converted: income-per-year > 50K (0/1); in the treatment arm a seeded 4% of the rows with 0 are
  set to 1, so the data has a real lift to find;
- revenue: capital-gain (skewed: mostly 0, a long right tail);
- hours: hours-per-week;
- education_num: the pre-period covariate (correlated with converted and hours).

It writes assay-core/src/test/resources/abtest/adult_ab.csv (also read by assay-cli's tests) and
adult_ab.json with, per metric, statsmodels' proportions_ztest (pooled) and
confint_proportions_2indep(method="wald") for 0/1 metrics, scipy.stats.ttest_ind(equal_var=False)
with statsmodels' CompareMeans.tconfint_diff(usevar="unequal") otherwise, the delta-method
relative lift computed here from its formula, scipy.stats.mannwhitneyu, CUPED computed here with
numpy (theta = cov(Y, X) / var(X) over both arms, then Welch on the adjusted values), the
normal-mixture mSPRT per look computed here from Johari et al.'s formula, scipy.stats.chisquare for
the sample-ratio check, statsmodels multipletests (holm, fdr_bh), and statsmodels' power solvers.
"""
import json
import warnings
import os
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower, tt_ind_solve_power, zt_ind_solve_power
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core", "src", "test", "resources", "abtest")
ALPHA = 0.05
TAU_STANDARDISED = 0.01
assert scipy.__version__ == "1.10.1", scipy.__version__


def build():
    adult = pd.read_csv(os.path.join(DATA, "adult.csv")).sample(n=4000, random_state=16).reset_index(drop=True)
    rng = np.random.default_rng(16)
    variant = np.where(rng.random(len(adult)) < 0.5, "control", "treatment")
    day = rng.integers(1, 11, len(adult))
    converted = (adult["income-per-year"] == ">50K").astype(int).to_numpy()
    lift = (variant == "treatment") & (converted == 0) & (rng.random(len(adult)) < 0.04)
    converted = np.where(lift, 1, converted)
    return pd.DataFrame({"variant": variant, "day": day, "converted": converted,
                         "revenue": adult["capital-gain"].astype(float), "hours": adult["hours-per-week"].astype(float),
                         "education_num": adult["education-num"].astype(float)})


def relative(mt, mc, vt, vc):
    """Delta method: r = mt/mc - 1, Var ≈ vt/mc² + mt² vc/mc⁴ (vt, vc: variances of the two means)."""
    r = mt / mc - 1
    se = np.sqrt(vt / mc ** 2 + mt ** 2 * vc / mc ** 4)
    z = stats.norm.isf(ALPHA / 2)
    return {"value": r, "ci_low": r - z * se, "ci_high": r + z * se}


def proportion(t, c):
    xt, nt, xc, nc = int(t.sum()), len(t), int(c.sum()), len(c)
    zstat, p = proportions_ztest([xt, xc], [nt, nc])
    low, high = confint_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alpha=ALPHA)
    pt, pc = xt / nt, xc / nc
    return {"test": "two_proportion_z", "control_mean": pc, "treatment_mean": pt, "difference": pt - pc,
            "statistic": zstat, "p_value": p, "ci_low": low, "ci_high": high,
            "relative": relative(pt, pc, pt * (1 - pt) / nt, pc * (1 - pc) / nc)}


def welch(t, c):
    r = stats.ttest_ind(t, c, equal_var=False)
    low, high = CompareMeans(DescrStatsW(t), DescrStatsW(c)).tconfint_diff(alpha=ALPHA, usevar="unequal")
    return {"test": "welch_t", "control_mean": c.mean(), "treatment_mean": t.mean(), "difference": t.mean() - c.mean(),
            "statistic": r.statistic, "p_value": r.pvalue, "ci_low": low, "ci_high": high,
            "relative": relative(t.mean(), c.mean(), t.var(ddof=1) / len(t), c.var(ddof=1) / len(c))}


def cuped(y, x, treated):
    theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)
    adj = y - theta * (x - x.mean())
    t, c = adj[treated], adj[~treated]
    r = stats.ttest_ind(t, c, equal_var=False)
    low, high = CompareMeans(DescrStatsW(t), DescrStatsW(c)).tconfint_diff(alpha=ALPHA, usevar="unequal")
    plain = y[treated].var(ddof=1) / treated.sum() + y[~treated].var(ddof=1) / (~treated).sum()
    adjusted = t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c)
    return {"theta": theta, "difference": t.mean() - c.mean(), "ci_low": low, "ci_high": high, "p_value": r.pvalue,
            "variance_reduction": 1 - adjusted / plain}


def msprt(y, treated, day):
    """Johari et al. (2017, 2022) normal mixture: Lambda = sqrt(V/(V+tau²)) exp(tau² d² / (2 V (V+tau²))),
    always-valid p = min over looks so far of min(1, 1/Lambda); confidence sequence: running intersection
    of d ± sqrt(2 V (V+tau²)/tau² · (log(1/alpha) + ½ log((V+tau²)/V))). V = s_t²/n_t + s_c²/n_c at each
    look (plug-in); tau² = TAU_STANDARDISED × the variance of the metric over both arms at the first look."""
    looks, p, low, high, tau2 = [], 1.0, -np.inf, np.inf, None
    for d in sorted(np.unique(day)):
        seen = day <= d
        t, c = y[seen & treated], y[seen & ~treated]
        if tau2 is None:
            tau2 = TAU_STANDARDISED * y[seen].var(ddof=1)
        v = t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c)
        diff = t.mean() - c.mean()
        lam = np.sqrt(v / (v + tau2)) * np.exp(tau2 * diff ** 2 / (2 * v * (v + tau2)))
        p = min(p, min(1.0, 1 / lam))
        half = np.sqrt(2 * v * (v + tau2) / tau2 * (np.log(1 / ALPHA) + 0.5 * np.log((v + tau2) / v)))
        low, high = max(low, diff - half), min(high, diff + half)
        looks.append({"look": int(d), "control_count": len(c), "treatment_count": len(t), "difference": diff,
                      "p_value": p, "ci_low": low, "ci_high": high})
    return {"tau_squared": tau2, "looks": looks}


def power_cases():
    out = []
    for p1, p2, power, ratio in [(0.25, 0.275, 0.8, 1.0), (0.10, 0.12, 0.9, 1.0), (0.25, 0.30, 0.8, 2.0)]:
        h = proportion_effectsize(p2, p1)
        n = NormalIndPower().solve_power(effect_size=h, alpha=ALPHA, power=power, ratio=ratio)
        achieved = NormalIndPower().power(effect_size=h, nobs1=1000, alpha=ALPHA, ratio=ratio)
        out.append({"kind": "proportions", "baseline": p1, "target": p2, "power": power, "ratio": ratio,
                    "effect_size": h, "nobs1": n, "zt_nobs1": zt_ind_solve_power(effect_size=h, alpha=ALPHA, power=power,
                                                                                   ratio=ratio),
                    "power_at_1000": achieved})
    for d, power, ratio in [(0.2, 0.8, 1.0), (0.1, 0.9, 1.0), (0.5, 0.8, 0.5), (0.8, 0.95, 1.0)]:
        n = tt_ind_solve_power(effect_size=d, alpha=ALPHA, power=power, ratio=ratio)
        achieved = TTestIndPower().power(effect_size=d, nobs1=50, alpha=ALPHA, ratio=ratio)
        out.append({"kind": "means", "effect_size": d, "power": power, "ratio": ratio, "nobs1": n, "power_at_50": achieved})
    return out


def main():
    warnings.simplefilter("ignore", RuntimeWarning)  # scipy's nct while statsmodels brackets the root
    os.makedirs(OUT, exist_ok=True)
    df = build()
    df.to_csv(os.path.join(OUT, "adult_ab.csv"), index=False)
    treated = (df["variant"] == "treatment").to_numpy()
    day = df["day"].to_numpy()
    x = df["education_num"].to_numpy()
    metrics = {}
    for name in ["converted", "revenue", "hours"]:
        y = df[name].to_numpy().astype(float)
        t, c = y[treated], y[~treated]
        m = proportion(t, c) if name == "converted" else welch(t, c)
        u = stats.mannwhitneyu(t, c)
        m["mann_whitney"] = {"u_statistic": u.statistic, "p_value": u.pvalue}
        m["cuped"] = cuped(y, x, treated)
        m["sequential"] = msprt(y, treated, day)
        metrics[name] = m
    p = [metrics[n]["p_value"] for n in metrics]
    holm = multipletests(p, method="holm")[1]
    bh = multipletests(p, method="fdr_bh")[1]
    for i, n in enumerate(metrics):
        metrics[n]["holm"] = holm[i]
        metrics[n]["fdr_bh"] = bh[i]
    counts = [int((~treated).sum()), int(treated.sum())]
    srm = {}
    for split in [(50, 50), (60, 40), (49, 51)]:
        expected = np.array(split) / sum(split) * len(df)
        r = stats.chisquare(counts, expected)
        srm["%d,%d" % split] = {"statistic": r.statistic, "p_value": r.pvalue}
    grid = []
    rng = np.random.default_rng(7)
    for m in [3, 5, 8]:
        ps = np.round(rng.random(m) ** 2, 6).tolist()
        grid.append({"p": ps, "holm": multipletests(ps, method="holm")[1].tolist(),
                     "fdr_bh": multipletests(ps, method="fdr_bh")[1].tolist()})
    small = []
    for a, b in [([1.5, 2.5, 3.0, 7.1], [0.2, 1.1, 4.0, 5.0, 6.5]), ([1, 2, 2, 3, 3, 3, 9], [2, 3, 4, 4, 5, 5, 6, 7, 8, 8]),
                 ([0.1, 0.4, 0.2], [0.3, 0.5, 0.9, 1.2, 1.3, 2.0, 2.5, 3.1, 4.0])]:
        r = stats.mannwhitneyu(a, b)
        small.append({"x": a, "y": b, "u_statistic": r.statistic, "p_value": r.pvalue})
    out = {"versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__,
                        "pandas": pd.__version__},
           "alpha": ALPHA, "tau_standardised": TAU_STANDARDISED, "counts": {"control": counts[0], "treatment": counts[1]},
           "metrics": metrics, "srm": srm, "corrections": grid, "mann_whitney_small": small, "power": power_cases()}
    with open(os.path.join(OUT, "adult_ab.json"), "w") as f:
        json.dump(out, f, indent=1, default=float)


main()
