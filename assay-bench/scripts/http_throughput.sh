#!/usr/bin/env bash
# Rows per second of the HTTP adapter against `InferenceServer` on loopback, per batch size.
#   assay-bench/scripts/http_throughput.sh [MODEL] [CSV] [BATCH...]
source "$(dirname "$0")/common.sh"
use_bench_classpath
cd "$root"
java -Dsun.net.httpserver.nodelay=true dev.assay.bench.HttpScoringThroughput "$@"
