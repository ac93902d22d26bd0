#!/usr/bin/env bash
# `assay evaluate` end to end (JVM start, CSV load, every binary metric) against a pandas read_csv
# plus scikit-learn script on the same 1-million-row CSV, as whole processes, median of RUNS.
#   assay-bench/scripts/compare_evaluate.sh [ROWS] [RUNS]
source "$(dirname "$0")/common.sh"
need_python
rows="${1:-1000000}"
runs="${2:-5}"
prefix="$work/evaluate-$rows"
[ -f "$prefix.csv" ] || "$python" "$root/assay-bench/scripts/make_binary_data.py" "$rows" "$prefix" --csv
"$root/assay" --version >/dev/null

time_runs() {
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}'
  done
}
time_runs "$python" "$root/assay-bench/scripts/pandas_sklearn_evaluate.py" "$prefix.csv" >"$work/pandas.times"
time_runs java -jar "$root/assay-cli/target/assay.jar" evaluate --data "$prefix.csv" --label label --score score >"$work/assay.times"
echo "== pandas + scikit-learn, $rows rows: $(tr '\n' ' ' <"$work/pandas.times")"
echo "== assay evaluate, $rows rows: $(tr '\n' ' ' <"$work/assay.times")"
py="$(median_seconds <"$work/pandas.times")"
as="$(median_seconds <"$work/assay.times")"
echo "pandas+scikit-learn median: ${py} s   assay evaluate median: ${as} s   speed-up: $(awk -v a="$py" -v b="$as" 'BEGIN {printf "%.2fx", a / b}')"
