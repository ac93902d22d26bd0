#!/usr/bin/env bash
# SMOTE and ADASYN (k=5, seed 0) on the numeric columns of UCI Adult (32,561 rows, minority >50K 7,841): Assay and,
# in the same run, imbalanced-learn (IMBLEARN_SRC=path to its source, e.g. `git archive 0.12.4 imblearn`) or a
# scikit-learn NearestNeighbors SMOTE; prints the median times, their ratio and whether the new rows agree.
#   IMBLEARN_SRC=/tmp/imblearn-0.12.4 assay-bench/scripts/smote_timing.sh
source "$(dirname "$0")/common.sh"
need_python
use_bench_classpath
data="$root/examples/models/adult.csv"
assay_out="$(java -Xmx2g dev.assay.bench.SmoteTiming "$data" income-per-year)"
echo "$assay_out"
peer_out="$("$python" "$root/assay-bench/scripts/smote_peer.py" "$data" income-per-year)"
echo "$peer_out"
for m in smote adasyn; do
  a="$(echo "$assay_out" | grep "assay $m run" | sed -E 's/.*: ([0-9.]+) s wall.*/\1/' | median_seconds)"
  p="$(echo "$peer_out" | grep "peer $m " | sed -E 's/.*median ([0-9.]+) s.*/\1/')"
  [ -n "$p" ] || continue
  as="$(echo "$assay_out" | grep "assay $m run 1" | sed -E 's/.*sum of new values (.*)/\1/')"
  ps="$(echo "$peer_out" | grep "peer $m " | sed -E 's/.*sum of new values (.*)/\1/')"
  echo "$m: assay median ${a} s, peer ${p} s, peer/assay $(awk -v a="$a" -v p="$p" 'BEGIN {printf "%.2f", p / a}');" \
       "same new rows (sum of values): $([ "$as" = "$ps" ] && echo yes || echo "no ($as vs $ps)")"
done
