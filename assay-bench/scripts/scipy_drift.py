#!/usr/bin/python3
"""The SciPy side of compare_drift.sh: scipy.stats.ks_2samp (method auto) and wasserstein_distance on every
column of PREFIX.ref.f64 vs PREFIX.cur.f64 (see make_drift_data.py), data already in memory; prints the
wall-clock and CPU time of each repeat, the values of the first columns and best_seconds.
    scipy_drift.py PREFIX ROWS COLS REPEATS
"""
import sys
import time

import numpy as np
import scipy
from scipy import stats


def main():
    prefix, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ref = np.fromfile(prefix + ".ref.f64", dtype="<f8").reshape(cols, rows)
    cur = np.fromfile(prefix + ".cur.f64", dtype="<f8").reshape(cols, rows)
    best = float("inf")
    best_cpu = float("inf")
    for r in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = []
        for j in range(cols):
            ks = stats.ks_2samp(ref[j], cur[j])
            out.append((ks.statistic, ks.pvalue, stats.wasserstein_distance(ref[j], cur[j])))
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        best = min(best, seconds)
        best_cpu = min(best_cpu, cpu)
        print("repeat %d: %.3f s (cpu %.3f s)" % (r + 1, seconds, cpu))
    print("scipy %s" % scipy.__version__)
    for j in range(min(cols, 4)):
        print("column %d: D=%.12f p=%.12g W1=%.12f" % ((j,) + out[j]))
    print("best_seconds=%.4f" % best)
    print("best_cpu_seconds=%.4f" % best_cpu)


if __name__ == "__main__":
    main()
