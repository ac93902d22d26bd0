#!/usr/bin/env bash
# Profiling (exact counts, min, max, moments, KLL quantiles, frequent items, HLL) of ROWS rows x COLS columns
# already in memory (ProfileTiming): best of REPEATS, wall clock and CPU time, and the load average.
#   assay-bench/scripts/profile_timing.sh [ROWS] [COLS] [REPEATS]
source "$(dirname "$0")/common.sh"
rows="${1:-1000000}"
cols="${2:-30}"
repeats="${3:-5}"
use_bench_classpath
java -Xms2g -Xmx4g dev.assay.bench.ProfileTiming "$rows" "$cols" "$repeats"
