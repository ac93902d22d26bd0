# Shared by the comparison scripts: paths, the Python with pandas and scikit-learn, the benchmark class path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${ASSAY_BENCH_DIR:-$root/bench-data}"
mkdir -p "$work"
# Debian's python3 (apt-get install python3-pandas python3-sklearn); PYTHON=... to use another
python="${PYTHON:-/usr/bin/python3}"
need_python() {
  if ! "$python" -c 'import sklearn, pandas' 2>/dev/null; then
    echo "needs Debian's python3-sklearn and python3-pandas: apt-get install -y python3-sklearn python3-pandas" >&2
    exit 2
  fi
}
# Builds the benchmarks with the modules they measure, in one reactor build, and exports their class
# path as CLASSPATH. The build writes it (assay-bench/target/classpath.txt) with the Assay modules as their
# fresh jars under */target, so a fresh clone needs no `mvn install`. Passed in the environment, not as a
# -cp argument: ONNX Runtime 1.29's native start-up crashes the JVM when the process command line
# exceeds about 4 KB.
use_bench_classpath() {
  mvn -B -q -f "$root/pom.xml" -pl assay-bench -am -Dmaven.test.skip=true package >&2
  export CLASSPATH="$root/assay-bench/target/classes:$(cat "$root/assay-bench/target/classpath.txt")"
}
median_seconds() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
