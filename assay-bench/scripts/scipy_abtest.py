#!/usr/bin/python3
"""The Python side of compare_abtest.sh: statsmodels proportions_ztest + confint_proportions_2indep on the
0/1 metric, scipy.stats.ttest_ind(equal_var=False) + CompareMeans.tconfint_diff and mannwhitneyu on the
revenue metric, and CUPED with numpy (theta over both arms, Welch on the adjusted values), data already
in memory; prints each repeat's wall-clock and CPU time, the values and best_seconds.
    scipy_abtest.py PREFIX ROWS REPEATS
"""
import sys
import time

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def analyse(treated, converted, revenue, pre):
    t, c = converted[treated], converted[~treated]
    xt, xc = int(t.sum()), int(c.sum())
    z, pz = proportions_ztest([xt, xc], [len(t), len(c)])
    confint_proportions_2indep(xt, len(t), xc, len(c), method="wald", compare="diff")
    rt, rc = revenue[treated], revenue[~treated]
    welch = stats.ttest_ind(rt, rc, equal_var=False)
    CompareMeans(DescrStatsW(rt), DescrStatsW(rc)).tconfint_diff(usevar="unequal")
    mw = stats.mannwhitneyu(rt, rc)
    theta = np.cov(revenue, pre)[0, 1] / np.var(pre, ddof=1)
    adj = revenue - theta * (pre - pre.mean())
    cuped = stats.ttest_ind(adj[treated], adj[~treated], equal_var=False)
    return pz, welch.pvalue, mw.pvalue, theta, cuped.pvalue


def main():
    prefix, rows, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    cols = np.fromfile(prefix + ".f64", dtype="<f8").reshape(4, rows)
    treated = cols[0] == 1
    best = best_cpu = float("inf")
    for r in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        out = analyse(treated, cols[1], cols[2], cols[3])
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        best, best_cpu = min(best, seconds), min(best_cpu, cpu)
        print("repeat %d: %.3f s (cpu %.3f s)" % (r + 1, seconds, cpu))
    print("scipy %s, statsmodels %s" % (scipy.__version__, statsmodels.__version__))
    print("z p=%.10g welch p=%.10g mann-whitney p=%.10g theta=%.10g cuped p=%.10g" % out)
    print("best_seconds=%.4f" % best)
    print("best_cpu_seconds=%.4f" % best_cpu)


if __name__ == "__main__":
    main()
