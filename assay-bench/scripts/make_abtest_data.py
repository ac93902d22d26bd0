#!/usr/bin/python3
"""Synthetic experiment data for compare_abtest.sh: ROWS units, seeded (numpy default_rng(16)), written as
little-endian float64 columns to PREFIX.f64 in this order: treated (0/1, probability 1/2), converted (0/1,
rate 0.10 control, 0.105 treatment), revenue (lognormal, 5% higher mean in treatment), pre_revenue (the
covariate, correlated with revenue).
    make_abtest_data.py ROWS PREFIX
"""
import sys

import numpy as np


def main():
    rows, prefix = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(16)
    treated = (rng.random(rows) < 0.5).astype(float)
    converted = (rng.random(rows) < 0.10 + 0.005 * treated).astype(float)
    base = rng.normal(3, 1, rows)
    pre = np.exp(base + rng.normal(0, 0.5, rows))
    revenue = np.exp(base + rng.normal(0, 0.5, rows)) * (1 + 0.05 * treated)
    np.concatenate([treated, converted, revenue, pre]).astype("<f8").tofile(prefix + ".f64")


if __name__ == "__main__":
    main()
