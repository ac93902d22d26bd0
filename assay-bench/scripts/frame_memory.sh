#!/usr/bin/env bash
# Heap cost of a loaded Frame against the raw bytes of its numeric values, on a 1-million-row CSV.
#   assay-bench/scripts/frame_memory.sh [ROWS]
source "$(dirname "$0")/common.sh"
need_python
rows="${1:-1000000}"
prefix="$work/evaluate-$rows"
[ -f "$prefix.csv" ] || "$python" "$root/assay-bench/scripts/make_binary_data.py" "$rows" "$prefix" --csv
use_bench_classpath
java -Djdk.attach.allowAttachSelf=true dev.assay.bench.FrameMemory "$prefix.csv"
