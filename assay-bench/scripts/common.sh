# Shared by the comparison scripts: builds the modules once and prints the benchmark classpath.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${ASSAY_BENCH_DIR:-$root/bench-data}"
mkdir -p "$work"
python=/usr/bin/python3
need_python() {
  if ! "$python" -c 'import sklearn, pandas' 2>/dev/null; then
    echo "needs Debian's python3-sklearn and python3-pandas: apt-get install -y python3-sklearn python3-pandas" >&2
    exit 2
  fi
}
# Builds the benchmarks and exports their class path as CLASSPATH. Not as a -cp argument: ONNX
# Runtime 1.29's native start-up crashes the JVM when the process command line exceeds about 4 KB.
use_bench_classpath() {
  mvn -B -q -f "$root/pom.xml" -pl assay-bench -am -DskipTests package >&2
  mvn -B -q -f "$root/assay-bench/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >&2
  # the modules' fresh classes first, ahead of any installed snapshot of them
  local modules
  modules="$(printf '%s/target/classes:' "$root"/assay-bench "$root"/assay-core "$root"/assay-io "$root"/assay-models)"
  export CLASSPATH="$modules$(cat "$work/classpath.txt")"
}
median_seconds() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
