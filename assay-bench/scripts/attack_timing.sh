#!/usr/bin/env bash
# Adversarial attacks on the Adult models: predict calls, rows scored per attacked row, rows per second.
#   assay-bench/scripts/attack_timing.sh [MODEL (default adult_logistic.onnx)] [ROWS (default 2000)] [ATTACK ...]
source "$(dirname "$0")/common.sh"
use_bench_classpath
model="${1:-adult_logistic.onnx}"
rows="${2:-2000}"
shift $(( $# > 2 ? 2 : $# ))
if [ $# -eq 0 ]; then set -- fgsm pgd simba square; fi
java -Xmx4g dev.assay.bench.AttackTiming "$root/examples/models/$model" "$root/examples/models/adult.csv" "$rows" "$@"
