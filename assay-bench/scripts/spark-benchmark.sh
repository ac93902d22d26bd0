#!/bin/sh
# Times a suite (binary metrics, fairness by 2 attributes, drift on 20 columns) on Spark local[2],
# on the single-machine path and with MLlib's evaluators, over Adult grown to ROWS rows.
# usage: assay-bench/scripts/spark-benchmark.sh [ROWS] [--no-local]   (default 2000000; heap BENCH_HEAP, default 14g)
set -e
cd "$(dirname "$0")/../.."
ROWS=${1:-2000000}
mvn -q -o -B -Pspark -pl assay-spark -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/spark-bench.cp -Dmdep.includeScope=test
OPTS=$(sed -n 's/.*<spark.jvm.options>\(.*\)/\1/p;/<spark.jvm.options>/,/<\/spark.jvm.options>/p' assay-spark/pom.xml \
  | sed 's/<[^>]*>//g' | tr '\n' ' ')
cd assay-spark
java -Xmx${BENCH_HEAP:-14g} $OPTS -cp "target/test-classes:target/classes:$(cat target/spark-bench.cp)" dev.assay.spark.SparkBenchmark "$ROWS" $2
