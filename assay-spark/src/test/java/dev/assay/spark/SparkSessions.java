package dev.assay.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] session of the test run. */
final class SparkSessions {
    private static SparkSession session;

    private SparkSessions() {
    }

    static synchronized SparkSession local() {
        if (session == null) {
            session = SparkSession.builder().appName("assay-test").master("local[2]")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        }
        return session;
    }
}
