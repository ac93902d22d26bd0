#!/usr/bin/env bash
# A/B statistics on ROWS units (two-proportion z-test with interval, Welch's t-test with interval,
# Mann-Whitney U, CUPED) in Assay (dev.assay.core.abtest) and in statsmodels/SciPy on the same data in
# one run: prints both timings (best of REPEATS, data in memory; wall clock and CPU time), the values
# and the ratio.
#   assay-bench/scripts/compare_abtest.sh [ROWS] [REPEATS]
source "$(dirname "$0")/common.sh"
if ! "$python" -c 'import scipy, statsmodels' 2>/dev/null; then
  echo "needs Debian's python3-scipy and python3-statsmodels: apt-get install -y python3-statsmodels" >&2
  exit 2
fi
rows="${1:-2000000}"
repeats="${2:-5}"
prefix="$work/abtest-$rows"
[ -f "$prefix.f64" ] || "$python" "$root/assay-bench/scripts/make_abtest_data.py" "$rows" "$prefix"
use_bench_classpath

"$python" "$root/assay-bench/scripts/scipy_abtest.py" "$prefix" "$rows" "$repeats" >"$work/scipy-abtest.out"
java -Xms1g -Xmx4g dev.assay.bench.AbTestTiming "$prefix" "$rows" "$repeats" >"$work/assay-abtest.out"

echo "== statsmodels/SciPy, $rows units"
cat "$work/scipy-abtest.out"
echo "== Assay ($(java -version 2>&1 | head -1))"
cat "$work/assay-abtest.out"
sp="$(sed -n 's/^best_seconds=//p' "$work/scipy-abtest.out")"
as="$(sed -n 's/^best_seconds=//p' "$work/assay-abtest.out")"
spc="$(sed -n 's/^best_cpu_seconds=//p' "$work/scipy-abtest.out")"
asc="$(sed -n 's/^best_cpu_seconds=//p' "$work/assay-abtest.out")"
echo
echo "statsmodels/SciPy best: ${sp} s   Assay best: ${as} s   speed-up: $(awk -v a="$sp" -v b="$as" 'BEGIN {printf "%.1fx", a / b}')"
echo "CPU time: statsmodels/SciPy ${spc} s   Assay ${asc} s   ratio: $(awk -v a="$spc" -v b="$asc" 'BEGIN {printf "%.1fx", a / b}')"
