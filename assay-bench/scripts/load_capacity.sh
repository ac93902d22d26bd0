#!/usr/bin/env bash
# Assay's load generator against Debian's wrk on the same loopback server, and the open-loop schedule
# error at 10,000 requests per second.
#   assay-bench/scripts/load_capacity.sh [CONNECTIONS] [SECONDS]
source "$(dirname "$0")/common.sh"
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >&2
fi
use_bench_classpath
cd "$root"
java -Dsun.net.httpserver.nodelay=true dev.assay.bench.LoadGeneratorCapacity "$@"
