"""Writes assay-models/src/test/resources/image/digits.csv: the 1,797 8x8 handwritten digit images that Debian's
scikit-learn 1.2.1 ships (sklearn/datasets/data/digits.csv.gz, from the UCI "Optical Recognition of Handwritten
Digits" test set; see image/PROVENANCE.md), one row per image: pixels p_<row>_<column> (0-16, row-major, channels
last with one channel) and the label `digit`. Run with Debian's /usr/bin/python3."""
import csv
from pathlib import Path

from sklearn.datasets import load_digits

OUT = Path(__file__).resolve().parents[2] / "assay-models/src/test/resources/image/digits.csv"

digits = load_digits()
with OUT.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow([f"p_{r}_{c}" for r in range(8) for c in range(8)] + ["digit"])
    for x, y in zip(digits.data, digits.target):
        w.writerow([int(v) for v in x] + [int(y)])
print(OUT)
