"""scikit-learn's share of a membership-inference attack on the scores MembershipTiming wrote: roc_auc_score and
roc_curve (drop_intermediate=False) with the advantage max(tpr - fpr); prints the median of REPEATS runs."""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, roc_curve

frame = pd.read_csv(sys.argv[1], float_precision="round_trip")
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
y = frame["member"].to_numpy()
s = frame["score"].to_numpy()
times = []
for _ in range(repeats):
    t = time.perf_counter()
    auc = roc_auc_score(y, s)
    fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
    advantage = float(np.max(tpr - fpr))
    times.append(time.perf_counter() - t)
print(f"scikit-learn roc_auc_score + roc_curve + advantage on {len(y)} rows: median {sorted(times)[len(times) // 2]:.4f} s "
      f"(auc {auc:.6f}, advantage {advantage:.6f})")
