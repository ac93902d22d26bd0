#!/usr/bin/env bash
# OnnxModel against ONNX Runtime called directly with pre-built tensors, 1 million Adult rows.
#   assay-bench/scripts/onnx_overhead.sh [ROWS] [REPEATS]
source "$(dirname "$0")/common.sh"
use_bench_classpath
for model in adult_logistic adult_forest; do
  java -Xmx8g dev.assay.bench.OnnxScoringOverhead "$root/examples/models/$model.onnx" \
      "$root/examples/models/adult.csv" "${1:-1000000}" "${2:-5}"
done
