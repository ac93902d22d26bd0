#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching the given regular expression).
#   assay-bench/scripts/run_jmh.sh [REGEX] [JMH OPTIONS...]
source "$(dirname "$0")/common.sh"
use_bench_classpath
java org.openjdk.jmh.Main "${@:-BinaryEvaluationBenchmark}"
