#!/usr/bin/env bash
# Binary metrics on the same 10-million-row data in Assay and in scikit-learn, in one run:
# prints both timings (best of REPEATS, data already in memory), both sets of values and the ratio.
#   assay-bench/scripts/compare_binary_metrics.sh [ROWS] [REPEATS]
source "$(dirname "$0")/common.sh"
need_python
rows="${1:-10000000}"
repeats="${2:-5}"
prefix="$work/binary-$rows"
[ -f "$prefix.scores" ] || "$python" "$root/assay-bench/scripts/make_binary_data.py" "$rows" "$prefix"
use_bench_classpath

"$python" "$root/assay-bench/scripts/sklearn_binary_metrics.py" "$prefix" "$repeats" >"$work/sklearn.out"
java -Xms4g -Xmx8g dev.assay.bench.BinaryMetricsTiming "$prefix" "$repeats" >"$work/assay.out"

echo "== scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)'), $rows rows"
cat "$work/sklearn.out"
echo "== Assay, $rows rows"
cat "$work/assay.out"
sk_s="$(sed -n 's/^best_seconds=//p' "$work/sklearn.out")"
as_s="$(sed -n 's/^best_seconds=//p' "$work/assay.out")"
echo
echo "scikit-learn best: ${sk_s} s   Assay best: ${as_s} s   speed-up: $(awk -v a="$sk_s" -v b="$as_s" 'BEGIN {printf "%.1fx", a / b}')"
