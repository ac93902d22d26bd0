#!/usr/bin/env bash
# Kolmogorov-Smirnov plus Wasserstein on COLS numeric columns of ROWS reference vs ROWS current values, in
# Assay (DriftAnalysis, method ks) and in SciPy (ks_2samp + wasserstein_distance), on the same data in one
# run: prints both timings (best of REPEATS, data in memory; wall clock and CPU time), the values of the first columns and the ratio.
#   assay-bench/scripts/compare_drift.sh [ROWS] [COLS] [REPEATS]
source "$(dirname "$0")/common.sh"
if ! "$python" -c 'import scipy, numpy' 2>/dev/null; then
  echo "needs Debian's python3-scipy: apt-get install -y python3-scipy" >&2
  exit 2
fi
rows="${1:-1000000}"
cols="${2:-20}"
repeats="${3:-3}"
prefix="$work/drift-$rows-$cols"
[ -f "$prefix.cur.f64" ] || "$python" "$root/assay-bench/scripts/make_drift_data.py" "$rows" "$cols" "$prefix"
use_bench_classpath

"$python" "$root/assay-bench/scripts/scipy_drift.py" "$prefix" "$rows" "$cols" "$repeats" >"$work/scipy-drift.out"
java -Xms2g -Xmx6g dev.assay.bench.DriftTiming "$prefix" "$rows" "$cols" "$repeats" >"$work/assay-drift.out"

echo "== SciPy, $cols columns x $rows vs $rows rows"
cat "$work/scipy-drift.out"
echo "== Assay ($(java -version 2>&1 | head -1))"
cat "$work/assay-drift.out"
sp="$(sed -n 's/^best_seconds=//p' "$work/scipy-drift.out")"
as="$(sed -n 's/^best_seconds=//p' "$work/assay-drift.out")"
spc="$(sed -n 's/^best_cpu_seconds=//p' "$work/scipy-drift.out")"
asc="$(sed -n 's/^best_cpu_seconds=//p' "$work/assay-drift.out")"
echo
echo "SciPy best: ${sp} s   Assay best: ${as} s   speed-up: $(awk -v a="$sp" -v b="$as" 'BEGIN {printf "%.1fx", a / b}') (target: at least 10x, aim 20x)"
echo "CPU time:   SciPy ${spc} s   Assay ${asc} s (all threads)   ratio: $(awk -v a="$spc" -v b="$asc" 'BEGIN {printf "%.1fx", a / b}')"
