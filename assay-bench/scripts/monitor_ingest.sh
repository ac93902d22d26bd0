#!/usr/bin/env bash
# Rows per second one calling thread adds to a monitoring window aggregate (dev.assay.core.monitor.WindowAggregate):
# batches of 1,000 predictions with 30 features, 200 batches per repeat, and the aggregate's stored size.
# No peer tool runs here: whylogs and NannyML are not installable from Debian.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
use_bench_classpath
java dev.assay.bench.WindowIngestTiming "${BATCH:-1000}" "${COLS:-30}" "${BATCHES:-200}" "${REPEATS:-5}"
