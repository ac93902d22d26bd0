#!/usr/bin/python3
"""Golden latency percentiles for Assay's load tests, computed with numpy.

Run from the repository root with Debian's interpreter (python3-numpy):

    /usr/bin/python3 scripts/golden/load_golden.py

Draws 5000 latencies in nanoseconds from a seeded log-normal distribution (median 20 ms, sigma 0.6)
plus 40 stalls of 300 to 1000 ms, the shape of a served model's answers with occasional pauses, and
writes them with numpy.percentile(values, p, method="inverted_cdf") for p = 50, 90, 99, 99.9 and 100,
and their mean, all in milliseconds.

Output: assay-core/src/test/resources/golden/load/latency_percentiles.json
"""
import json
import numpy as np

rng = np.random.default_rng(12)
values = np.concatenate([np.round(rng.lognormal(np.log(20e6), 0.6, 5000)),
                         np.round(rng.uniform(300e6, 1000e6, 40))]).astype(np.int64)
rng.shuffle(values)
golden = {
    "numpy": np.__version__,
    "values_ns": values.tolist(),
    "percentiles_ms": {str(p): float(np.percentile(values, p, method="inverted_cdf")) / 1e6 for p in [50, 90, 99, 99.9, 100]},
    "mean_ms": float(values.mean()) / 1e6,
}
with open("assay-core/src/test/resources/golden/load/latency_percentiles.json", "w") as f:
    json.dump(golden, f)
