#!/usr/bin/env bash
# Ranking metrics (NDCG@K, MAP@K and the rest) over USERS users x CANDIDATES candidates, three rounds.
#   assay-bench/scripts/ranking_timing.sh [USERS] [CANDIDATES] [K]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java -Xmx512m dev.assay.bench.RankingTiming "${1:-1000000}" "${2:-100}" "${3:-10}"
