package dev.assay.spark;

import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Times one suite (binary metrics, fairness by sex and race, drift on 20 columns) on Adult grown to
 * {@code ROWS} rows (copies of the 32,561 rows, age and hours jittered by -1, 0 or +1 per copy, six
 * derived columns), written once as one Parquet file (row groups of 4 MB, so Spark splits it): on Spark {@code local[2]}, on the single-machine path
 * ({@code assay run}'s code, reading the same Parquet with DuckDB), and MLlib's evaluators for the
 * metrics they cover. Run by {@code assay-bench/scripts/spark-benchmark.sh ROWS [--no-local]}.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        boolean local = args.length < 2 || !args[1].equals("--no-local");
        Path dir = Files.createTempDirectory("assay-spark-bench");
        SparkSession spark = SparkSession.builder().appName("assay-bench").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(8 << 20)).getOrCreate();
        Path adult = AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1);
        Dataset<Row> base = spark.read().option("header", "true").option("inferSchema", "true").csv(adult.toString());
        long copies = (rows + 32560) / 32561;
        Column jitter = functions.col("copy").mod(3).minus(1);
        Dataset<Row> grown = base.crossJoin(spark.range(copies).withColumnRenamed("id", "copy"))
                .withColumn("age", functions.col("age").plus(jitter))
                .withColumn("hours-per-week", functions.col("hours-per-week").plus(functions.col("copy").mod(5).minus(2)))
                .withColumn("capital-net", functions.col("capital-gain").minus(functions.col("capital-loss")))
                .withColumn("log-fnlwgt", functions.round(functions.log(functions.col("fnlwgt")), 2))
                .withColumn("age-band", functions.floor(functions.col("age").divide(10)))
                .withColumn("hours-band", functions.floor(functions.col("hours-per-week").divide(10)))
                .withColumn("married", functions.col("marital-status").startsWith("Married"))
                .withColumn("edu-hours", functions.col("education-num").multiply(functions.col("hours-per-week")))
                .drop("copy").limit((int) rows);
        Path parts = dir.resolve("parts");
        grown.coalesce(1).write().option("parquet.block.size", 4 << 20).parquet(parts.toString());
        Path current = dir.resolve("current.parquet");
        try (var files = Files.list(parts)) {
            Files.move(files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow(), current);
        }
        Files.copy(adult, dir.resolve("reference.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: Spark benchmark
                data: {current: current.parquet, reference: reference.csv}
                columns: {label: income-per-year, prediction: prediction, score: score, protected: [sex, race]}
                evaluation: {task: binary, positive: '>50K'}
                checks:
                  - name: Binary metrics
                    metric: [accuracy, precision, recall, f1, roc_auc, average_precision, log_loss]
                  - name: Fairness by sex and race
                    type: fairness
                  - name: Drift on 20 columns
                    type: drift
                    columns: [age, workclass, fnlwgt, education, education-num, marital-status, occupation, relationship,
                              race, sex, capital-gain, capital-loss, hours-per-week, native-country, capital-net, log-fnlwgt,
                              age-band, hours-band, married, edu-hours]
                """);
        SuitePlan plan = SuitePlan.fromFile(suite);
        Dataset<Row> data = spark.read().parquet(current.toString());
        long n = data.count();
        long t0 = System.nanoTime();
        SuiteResult onSpark = new SparkSuiteEngine().run(plan, Map.of(), dev.assay.core.progress.Progress.NONE);
        double sparkSeconds = (System.nanoTime() - t0) / 1e9;
        print("spark local[2]", n, sparkSeconds, onSpark);

        t0 = System.nanoTime();
        Dataset<Row> numeric = data.select(functions.col("score"),
                functions.when(functions.col("income-per-year").equalTo(">50K"), 1.0).otherwise(0.0).as("y"),
                functions.when(functions.col("prediction").equalTo(">50K"), 1.0).otherwise(0.0).as("p"));
        BinaryClassificationMetrics b = new BinaryClassificationMetrics(numeric.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd(), 0);
        double auc = b.areaUnderROC();
        double ap = b.areaUnderPR();
        MulticlassMetrics m = new MulticlassMetrics(numeric.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(2), r.getDouble(1))).rdd());
        double acc = m.accuracy();
        double f1 = m.fMeasure(1.0);
        double mllibSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "mllib evaluators (roc_auc, pr_auc, accuracy, f1): %.1f s  auc=%.6f ap=%.6f acc=%.6f f1=%.6f%n",
                mllibSeconds, auc, ap, acc, f1);
        if (local) {
            t0 = System.nanoTime();
            SuiteResult onOne = plan.run();
            double localSeconds = (System.nanoTime() - t0) / 1e9;
            print("single machine", n, localSeconds, onOne);
            System.out.printf(Locale.ROOT, "ratio spark/single machine: %.2f; spark/mllib evaluators: %.2f%n",
                    sparkSeconds / localSeconds, sparkSeconds / mllibSeconds);
        }
        spark.stop();
    }

    private static void print(String what, long n, double seconds, SuiteResult r) {
        System.out.printf(Locale.ROOT, "%s: %d rows, %.1f s, %s; roc_auc=%.6f%n", what, n, seconds, r.counts(),
                r.checks().get(0).measurement("roc_auc").value());
        r.checks().forEach(c -> System.out.println("  " + c.status() + " " + c.name() + " " + c.duration().toMillis() + " ms"));
    }
}
