#!/usr/bin/env bash
# KernelSHAP on the Adult ONNX logistic regression: model calls, rows and wall time; accuracy against exact values.
#   assay-bench/scripts/kernel_shap.sh [ROWS] [BACKGROUND] [CHECK]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java -Xmx8g dev.assay.bench.KernelShapTiming "$root/examples/models/adult_logistic.onnx" \
    "$root/examples/models/adult.csv" income-per-year "${1:-100}" "${2:-100}" "${3:-5}"
