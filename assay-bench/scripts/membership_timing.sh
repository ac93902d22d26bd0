#!/usr/bin/env bash
# Membership inference on 30,000 Adult rows with the example forest, then the attack alone against scikit-learn.
#   assay-bench/scripts/membership_timing.sh [MODEL (default adult_forest.tribuo.gz)] [ROWS (default 30000)]
source "$(dirname "$0")/common.sh"
need_python
use_bench_classpath
model="${1:-adult_forest.tribuo.gz}"
rows="${2:-30000}"
scores="$work/membership_scores.csv"
out="$(java -Xmx4g dev.assay.bench.MembershipTiming "$root/examples/models/$model" "$root/examples/models/adult.csv" \
  income-per-year "$scores" "$rows")"
echo "$out"
peer="$("$python" "$(dirname "$0")/sklearn_membership.py" "$scores")"
echo "$peer"
assay_s="$(echo "$out" | sed -n 's/.*median \([0-9.]*\) s.*/\1/p')"
sk_s="$(echo "$peer" | sed -n 's/.*median \([0-9.]*\) s.*/\1/p')"
awk -v a="$assay_s" -v s="$sk_s" 'BEGIN { printf "ratio Assay attack / scikit-learn (Assay also computes intervals and the epsilon bound): %.2f\n", a / s }'
