package dev.assay.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Spark column references by name, quoted so that any column name works. */
final class SparkColumns {
    private SparkColumns() {
    }

    /** The column named {@code name}, or a null literal when {@code name} is null. */
    static Column col(String name) {
        return name == null ? functions.lit(null) : functions.col("`" + name.replace("`", "``") + "`");
    }
}
