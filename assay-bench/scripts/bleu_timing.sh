#!/usr/bin/env bash
# Corpus BLEU and chrF of 100,000 sentence pairs cut from the SpamAssassin corpus: wall time of three runs.
#   assay-bench/scripts/bleu_timing.sh [PAIRS] [SPAM_ASSASSIN_CSV]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java -Xmx4g dev.assay.bench.BleuTiming "${2:-/work/shared/datasets/spam_assassin.csv}" "${1:-100000}"
