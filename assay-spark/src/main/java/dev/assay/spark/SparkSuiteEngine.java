package dev.assay.spark;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.DataSpec;
import dev.assay.io.suite.SuiteEngine;
import dev.assay.io.suite.SuitePlan;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code assay run SUITE.yaml --engine spark [--master URL]}: reads the suite's data files with
 * Spark (CSV with a header, Parquet, JSON lines, by extension; any path Spark reads, such as
 * {@code hdfs://} or {@code s3a://}, or a directory of Parquet files) and runs the suite with
 * {@link SparkAssay}. Under {@code spark-submit} the master comes from Spark's configuration.
 */
public final class SparkSuiteEngine implements SuiteEngine {
    /** The engine's id on the command line. */
    public static final String ID = "spark";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SuiteResult run(SuitePlan plan, Map<String, String> options, Progress progress) {
        SparkSession spark = session(options.get("master"));
        Dataset<Row> current = read(spark, plan.current());
        Dataset<Row> reference = plan.reference() == null ? null : read(spark, plan.reference());
        Schema schema = plan.columns().toSchema(namesOnly(current));
        String limit = options.getOrDefault("maxCombinations", spark.conf().get("assay.maxCombinations", null));
        SparkAssay.Options limits = limit == null ? SparkAssay.Options.DEFAULT : new SparkAssay.Options(Integer.parseInt(limit));
        return SparkAssay.run(plan.suite(), schema, current, plan.current().path().toString(), reference,
                plan.reference() == null ? null : plan.reference().path().toString(), plan.settings(), limits, progress);
    }

    /** The active session, or a new one on {@code master} (default: Spark's configuration, else {@code local[*]}). */
    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("assay");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    /** The data set of {@code spec}, read by Spark according to its file extension. */
    static Dataset<Row> read(SparkSession spark, DataSpec spec) {
        String path = spec.path().toString();
        if (!path.contains("://") && !Files.exists(spec.path())) {
            throw new InvalidInputException("data." + spec.role() + " (suite line " + spec.line() + "): " + path
                    + " does not exist. Give the path of a CSV, Parquet or JSON lines file or directory.");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            return spark.read().option("header", "true").option("inferSchema", "true").csv(path);
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return spark.read().json(path);
        }
        return spark.read().parquet(path);
    }

    /** A frame with the data set's column names and no rows, to check the suite's column roles against. */
    private static Frame namesOnly(Dataset<Row> data) {
        List<Column> columns = Arrays.stream(data.columns()).map(c -> (Column) NumericColumn.wrap(c, new double[0])).toList();
        return Frame.of(columns);
    }
}
