#!/usr/bin/python3
"""Seeded synthetic data for the drift benchmark: COLS numeric columns of ROWS reference and ROWS current
values, written as raw little-endian float64, column after column: PREFIX.ref.f64 and PREFIX.cur.f64.
Column j: normal (j % 4 == 0), log-normal (1), normal rounded to 1 decimal, many ties (2), uniform (3);
the current values of every third column are shifted by 0.02 standard deviations (small drift).
    make_drift_data.py ROWS COLS PREFIX
"""
import sys

import numpy as np


def column(rng, kind, n, shift):
    if kind == 0:
        return rng.normal(shift, 1.0, n)
    if kind == 1:
        return rng.lognormal(shift, 1.0, n)
    if kind == 2:
        return np.round(rng.normal(50 + shift, 10.0, n), 1)
    return rng.uniform(shift, 1.0 + shift, n)


def main():
    rows, cols, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(20240601)
    with open(prefix + ".ref.f64", "wb") as ref, open(prefix + ".cur.f64", "wb") as cur:
        for j in range(cols):
            shift = 0.02 if j % 3 == 0 else 0.0
            column(rng, j % 4, rows, 0.0).astype("<f8").tofile(ref)
            column(rng, j % 4, rows, shift).astype("<f8").tofile(cur)


if __name__ == "__main__":
    main()
