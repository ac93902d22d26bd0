#!/usr/bin/env bash
# COCO box mAP of 5,000 synthetic images with 100 detections each: wall time and the summary.
#   assay-bench/scripts/coco_eval.sh [IMAGES] [DETS] [SEED]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java -Xmx4g dev.assay.bench.CocoEvalTiming "${1:-5000}" "${2:-100}" "${3:-7}"
