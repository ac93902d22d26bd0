#!/usr/bin/env bash
# `./assay evaluate` end to end (launcher, JVM start, CSV load, every binary metric, text output) against
# a pandas read_csv plus scikit-learn script, as whole processes, side by side in one run: on a 10-row
# CSV (start-up) and on a ROWS-row CSV (1 million by default). Prints the medians and the speed-up.
#   assay-bench/scripts/compare_evaluate.sh [ROWS] [ROUNDS]
source "$(dirname "$0")/common.sh"
need_python
rows="${1:-1000000}"
rounds="${2:-15}"
prefix="$work/evaluate-$rows"
[ -f "$prefix.csv" ] || "$python" "$root/assay-bench/scripts/make_binary_data.py" "$rows" "$prefix" --csv
# the 10-row file: the header and the first 3 positive and 7 negative rows of the big one
small="$work/evaluate-10rows.csv"
awk -F, 'NR == 1 {print; next} $1 == 1 && p < 3 {print; p++} $1 == 0 && n < 7 {print; n++}' "$prefix.csv" >"$small"

# builds the jar and records its class-data archive, if needed, before anything is timed
"$root/assay" --version >/dev/null

q() { printf '%q' "$1"; }
assay_cmd() { echo "$(q "$root/assay") evaluate --data $(q "$1") --label label --score score"; }
pandas_cmd() { echo "$(q "$python") $(q "$root/assay-bench/scripts/pandas_sklearn_evaluate.py") $(q "$1")"; }

echo "== the same numbers on both sides ($rows rows)"
echo "  assay:        $("$root/assay" evaluate --data "$prefix.csv" --label label --score score | grep -E '^  (roc_auc|log_loss) ' | tr -s ' ' | tr '\n' ' ')"
echo "  scikit-learn: $("$python" "$root/assay-bench/scripts/pandas_sklearn_evaluate.py" "$prefix.csv" | grep -E '^(roc_auc|log_loss) ' | tr '\n' ' ')"
echo "== whole processes, median of $rounds rounds ($(nproc 2>/dev/null || echo '?') processors; $(java -version 2>&1 | head -1); pandas $("$python" -c 'import pandas; print(pandas.__version__)'), scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)'))"
"$python" "$root/assay-bench/scripts/time_processes.py" "$rounds" \
    "assay-10=$(assay_cmd "$small")" "pandas-10=$(pandas_cmd "$small")" \
    "assay-$rows=$(assay_cmd "$prefix.csv")" "pandas-$rows=$(pandas_cmd "$prefix.csv")" | tee "$work/evaluate.times" | grep -v "^median "

median() { sed -n "s/^median $1=//p" "$work/evaluate.times"; }
a10="$(median assay-10)"
p10="$(median pandas-10)"
a="$(median "assay-$rows")"
p="$(median "pandas-$rows")"
echo
echo "10 rows:    assay evaluate $a10 s (target: at most 0.3 s)   pandas+scikit-learn $p10 s"
echo "$rows rows: assay evaluate $a s   pandas+scikit-learn $p s   speed-up: $(awk -v a="$p" -v b="$a" 'BEGIN {printf "%.2fx", a / b}') (target: at least 3x)"
