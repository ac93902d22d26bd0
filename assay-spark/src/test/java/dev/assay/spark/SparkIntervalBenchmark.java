package dev.assay.spark;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.suite.Suite;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.io.suite.SuitePlan;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times the Poisson bootstrap intervals on Spark {@code local[2]} over Adult repeated {@code copies}
 * times, for each number of resamples: the confusion-count metrics alone (recall) and with
 * roc_auc and average_precision, whose difference is the cost of ranking every resample
 * ({@link ResampledRankings}); and the local bootstrap of the two ranking metrics on the same rows
 * (the check run with and without {@code ci}). Prints the distinct row contents and scores and
 * resamples × distinct scores, the records a sort of (resample, score) keys would shuffle. Run by
 * {@code assay-bench/scripts/spark-interval-benchmark.sh "2 20" "200 1000"}.
 */
public final class SparkIntervalBenchmark {
    private static final EvaluationSettings BINARY = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K");

    private SparkIntervalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().appName("assay-interval-bench").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path dir = Files.createTempDirectory("assay-interval-bench");
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        for (String c : args[0].trim().split("\\s+")) {
            int copies = Integer.parseInt(c);
            Path file = AdultData.write(dir.resolve("adult" + copies + ".csv"), 0, 32561, copies);
            Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString())
                    .repartition(8).cache();
            long rows = data.count();
            long contents = data.groupBy("income-per-year", "prediction", "score").count().count();
            long scores = data.select("score").distinct().count();
            Evaluation estimate = SparkEvaluator.evaluate(data, schema, BINARY, "adult");
            for (String r : args[1].trim().split("\\s+")) {
                int resamples = Integer.parseInt(r);
                IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, resamples, 0.95);
                PoissonBootstrap.intervals(data, schema, BINARY, "adult", estimate, List.of("recall"), ci, 1);
                double counts = seconds(() -> PoissonBootstrap.intervals(data, schema, BINARY, "adult", estimate,
                        List.of("recall"), ci, 1));
                List<Map<String, IntervalEstimate>> ranked = new java.util.ArrayList<>();
                double all = seconds(() -> ranked.add(PoissonBootstrap.intervals(data, schema, BINARY, "adult", estimate,
                        List.of("recall", "roc_auc", "average_precision"), ci, 1)));
                double local = local(file, dir, resamples);
                System.out.printf(Locale.ROOT, "rows %d  contents %d  scores %d  B %d  B x scores %d | spark: recall %.1f s,"
                        + " + roc_auc & AP %.1f s (ranking %.1f s) | local ranking bootstrap %.1f s | roc_auc %s | load %.1f%n",
                        rows, contents, scores, resamples, resamples * scores, counts, all, all - counts, local,
                        ranked.get(0).get("roc_auc"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            data.unpersist();
        }
        spark.stop();
    }

    /** Seconds of the local check with intervals of the two ranking metrics minus those without (after one warm-up run). */
    private static double local(Path file, Path dir, int resamples) {
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        MetricCheck.Builder plain = MetricCheck.builder().metric("roc_auc", "average_precision").evaluation(BINARY).seed(1);
        Suite without = Suite.of("local", plain.build());
        Suite with = Suite.of("local", MetricCheck.builder().metric("roc_auc", "average_precision").evaluation(BINARY).seed(1)
                .ci(new IntervalSettings(IntervalMethod.PERCENTILE, resamples, 0.95)).build());
        SuitePlan.builder(without).current(file).columns(schema).build().run();
        double a = seconds(() -> SuitePlan.builder(without).current(file).columns(schema).build().run());
        double b = seconds(() -> SuitePlan.builder(with).current(file).columns(schema).build().run());
        return b - a;
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
