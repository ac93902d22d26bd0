#!/usr/bin/env python3
"""Writes the synthetic binary-classification data both sides of the comparison read.

    make_binary_data.py ROWS OUT_PREFIX

OUT_PREFIX.labels: ROWS bytes, 0 or 1 (about 30 % ones).
OUT_PREFIX.scores: ROWS little-endian float64 probabilities of class 1, rounded to 4 decimals so
that the ranking metrics see many tied scores, as real model outputs do.
OUT_PREFIX.csv (only with --csv): columns label,score,segment for the end-to-end comparison.
Seeded: the same ROWS always give the same bytes.
"""
import sys

import numpy as np

rows = int(sys.argv[1])
prefix = sys.argv[2]
rng = np.random.default_rng(20261128)
labels = (rng.random(rows) < 0.3).astype(np.int8)
logit = 1.6 * (labels * 2 - 1) + rng.normal(0.0, 1.3, rows)
scores = np.round(1.0 / (1.0 + np.exp(-logit)), 4).astype("<f8")
labels.tofile(prefix + ".labels")
scores.tofile(prefix + ".scores")
if "--csv" in sys.argv:
    segments = np.array(["north", "south", "east", "west"])[rng.integers(0, 4, rows)]
    with open(prefix + ".csv", "w") as f:
        f.write("label,score,segment\n")
        for y, s, g in zip(labels.tolist(), scores.tolist(), segments.tolist()):
            f.write(f"{y},{s!r},{g}\n")
print(f"wrote {rows} rows to {prefix}.*")
