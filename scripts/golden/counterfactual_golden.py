#!/usr/bin/python3
"""Golden Wilson intervals of the counterfactual flip rates of the `counterfactual` check.

Run from the repository root with Debian's interpreter (statsmodels 0.13.5):

    /usr/bin/python3 scripts/golden/counterfactual_golden.py

The flip counts below are those of examples/models/german_credit_logistic.onnx on the 300 rows of
examples/german-credit/test.csv with personal_status changed to each other value: rows of the `from`
group (the row's own value), and how many of them changed predicted class. Python cannot run the model
here (no ONNX runtime), so the counts are the ones Assay measures; they are checked independently in
assay-models' CounterfactualFlipModelsTest, which predicts every (row, value) pair one row at a time
and recounts. Small enough to check by hand from that test's output: 300 rows x 3 other values = 900
predictions, rows per group 91 / 16 / 20 / 173.
This script adds the intervals: statsmodels proportion_confint(flips, rows, alpha=0.05, method="wilson"),
per pair and pooled over all pairs.
Output: assay-cli/src/test/resources/golden/counterfactual_german_logistic.json
"""
import json
import os

import statsmodels
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-cli/src/test/resources/golden/counterfactual_german_logistic.json")

# (from, to): (rows, flips)
COUNTS = {
    ("female div/dep/mar", "male div/sep"): (91, 5),
    ("female div/dep/mar", "male mar/wid"): (91, 7),
    ("female div/dep/mar", "male single"): (91, 11),
    ("male div/sep", "female div/dep/mar"): (16, 1),
    ("male div/sep", "male mar/wid"): (16, 0),
    ("male div/sep", "male single"): (16, 2),
    ("male mar/wid", "female div/dep/mar"): (20, 3),
    ("male mar/wid", "male div/sep"): (20, 0),
    ("male mar/wid", "male single"): (20, 2),
    ("male single", "female div/dep/mar"): (173, 20),
    ("male single", "male div/sep"): (173, 12),
    ("male single", "male mar/wid"): (173, 10),
}


def entry(rows, flips):
    lower, upper = proportion_confint(flips, rows, alpha=0.05, method="wilson")
    return {"rows": rows, "flips": flips, "flip_rate": flips / rows, "lower": float(lower), "upper": float(upper)}


def main():
    pairs = {"personal_status=%s->%s" % k: entry(*v) for k, v in COUNTS.items()}
    rows = sum(v[0] for v in COUNTS.values())
    flips = sum(v[1] for v in COUNTS.values())
    out = {"versions": {"statsmodels": statsmodels.__version__}, "pairs": pairs, "overall": entry(rows, flips)}
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
