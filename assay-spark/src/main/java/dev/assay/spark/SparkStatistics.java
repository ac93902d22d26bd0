package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A check kind whose statistics Spark computes per partition and merges ({@link PartitionFold}), so
 * that the driver holds accumulators, not rows. Before the check of assay-core runs, {@link #store}
 * puts what it reads into the run's store (e.g. {@link dev.assay.core.checks.RunEvaluations}); the
 * check then runs unchanged on data sets without rows. Registered in {@link SparkAssay}.
 */
interface SparkStatistics {
    /** Whether this computes what {@code check} reads. */
    boolean handles(Check check, Schema schema);

    /**
     * Computes the statistics {@code check} reads from {@code current} and {@code reference} (may be
     * null) and stores them in {@code context}, whose data sets have the roles "current" and
     * "reference" and no rows. Failures (bad input) are stored too, for the check to report.
     *
     * @param currentName the current data's name, for messages
     * @param referenceName the reference data's name, for messages
     */
    void store(CheckContext context, Check check, Schema schema, Dataset<Row> current, String currentName, Dataset<Row> reference,
            String referenceName);
}
