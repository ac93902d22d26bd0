#!/usr/bin/env bash
# TreeSHAP on a Tribuo forest trained on Adult: path-dependent and interventional wall time for 10,000 rows.
#   assay-bench/scripts/tree_shap.sh [ROWS] [TREES] [DEPTH] [BACKGROUND]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java -Xmx4g dev.assay.bench.TreeShapTiming "$root/examples/models/adult.csv" income-per-year \
    "${1:-10000}" "${2:-100}" "${3:-6}" "${4:-100}" fnlwgt
