#!/bin/sh
# Times Spark's Poisson bootstrap intervals of roc_auc and average_precision (local[2]) against the
# confusion-count metrics alone and the local bootstrap, over Adult repeated COPIES times.
# usage: assay-bench/scripts/spark-interval-benchmark.sh ["COPIES..."] ["RESAMPLES..."]   (default "2 20" "200 1000")
set -e
cd "$(dirname "$0")/../.."
mvn -q -o -B -Pspark -pl assay-spark -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/spark-bench.cp -Dmdep.includeScope=test
OPTS=$(sed -n 's/.*<spark.jvm.options>\(.*\)/\1/p;/<spark.jvm.options>/,/<\/spark.jvm.options>/p' assay-spark/pom.xml \
  | sed 's/<[^>]*>//g' | tr '\n' ' ')
cd assay-spark
java -Xmx${BENCH_HEAP:-6g} $OPTS -cp "target/test-classes:target/classes:$(cat target/spark-bench.cp)" \
  dev.assay.spark.SparkIntervalBenchmark "${1:-2 20}" "${2:-200 1000}"
