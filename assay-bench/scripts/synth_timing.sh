#!/usr/bin/env bash
# Gaussian-copula fit and sampling of ROWS rows on Adult (examples/models/adult.csv, 32,561 rows x 15 columns):
# Assay's SynthTiming against a NumPy/SciPy copula of the same design (scipy_copula.py; SDV itself is not in
# Debian), best of REPEATS each, in the same run; prints both and the ratios (SciPy time / Assay time).
#   assay-bench/scripts/synth_timing.sh [ROWS] [REPEATS]
source "$(dirname "$0")/common.sh"
rows="${1:-100000}"
repeats="${2:-3}"
data="$root/examples/models/adult.csv"
need_python
use_bench_classpath
uptime
assay_out="$(java -Xms1g -Xmx3g dev.assay.bench.SynthTiming "$data" "$rows" "$repeats")"
scipy_out="$("$python" "$(dirname "$0")/scipy_copula.py" "$data" "$rows" "$repeats")"
echo "$assay_out" | sed 's/^/assay /'
echo "$scipy_out" | sed 's/^/scipy /'
for what in fit_seconds sample_seconds; do
  a="$(echo "$assay_out" | awk -v k="$what" '$1 == k {print $2}')"
  s="$(echo "$scipy_out" | awk -v k="$what" '$1 == k {print $2}')"
  awk -v k="$what" -v a="$a" -v s="$s" 'BEGIN {printf "%s: assay %.3f s, scipy %.3f s, scipy/assay %.2f\n", k, a, s, s / a}'
done
