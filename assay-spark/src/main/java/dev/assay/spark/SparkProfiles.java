package dev.assay.spark;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileBuilder;
import dev.assay.core.profile.ProfilePair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Profiles of Spark data sets, folded per partition ({@link PartitionFold}, {@link ProfileFolder}): the
 * driver receives one {@link DatasetProfile} per data set, whose size depends on the columns (a KLL
 * sketch of k = 200 per numeric column, the counts of each category column) and not on the rows. Spark
 * numeric types are numeric columns (null and NaN missing); every other type is a category column of its
 * text (null missing), as {@link ExpandedFrame} reads them.
 *
 * <pre>{@code
 * DatasetProfile p = SparkProfiles.profile(spark.read().parquet("s3a://bucket/day/"), List.of("age", "sex"), "day");
 * }</pre>
 */
public final class SparkProfiles {
    private SparkProfiles() {
    }

    /** The profile of {@code columns} of {@code data}, named {@code source}. */
    public static DatasetProfile profile(Dataset<Row> data, List<String> columns, String source) {
        Dataset<Row> selected = select(data, columns);
        boolean[] numeric = numeric(selected.schema());
        DatasetProfile merged = PartitionFold.fold(selected, new ProfileFolder(columns, numeric, source));
        return ProfileBuilder.named(merged, source);
    }

    /**
     * The profiles of the columns each data set has among {@code columns}, with a counter that reads both
     * data sets again to count their rows exactly into bins (one pass over each); without a reference
     * ({@code reference} null), the current profile alone.
     */
    static ProfilePair pair(Dataset<Row> reference, String referenceName, Dataset<Row> current, String currentName,
            List<String> columns) {
        DatasetProfile cur = profile(current, present(current, columns), currentName);
        if (reference == null) {
            return new ProfilePair(null, null, cur, currentName, null);
        }
        DatasetProfile ref = profile(reference, present(reference, columns), referenceName);
        return new ProfilePair(ref, referenceName, cur, currentName, edges -> {
            Map<String, long[]> r = counts(reference, edges);
            Map<String, long[]> c = counts(current, edges);
            Map<String, long[][]> out = new LinkedHashMap<>();
            edges.keySet().forEach(name -> out.put(name, new long[][] {r.get(name), c.get(name)}));
            return out;
        });
    }

    /** The counts of the numeric columns of {@code data} named in {@code edges}, exactly, in their bins. */
    static Map<String, long[]> counts(Dataset<Row> data, Map<String, double[]> edges) {
        List<String> names = new ArrayList<>(edges.keySet());
        double[][] at = names.stream().map(edges::get).toArray(double[][]::new);
        long[][] counts = PartitionFold.fold(select(data, names), new BinFolder(at));
        Map<String, long[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), counts[i]);
        }
        return out;
    }

    /** A frame with {@code columns} of {@code data}, their types, and no rows: what checks on profiles read names from. */
    static Frame columnsOnly(Dataset<Row> data, List<String> columns, String source) {
        boolean[] numeric = numeric(select(data, columns).schema());
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < numeric.length; c++) {
            out.add(numeric[c] ? NumericColumn.wrap(columns.get(c), new double[0])
                    : CategoricalColumn.wrap(columns.get(c), new int[0], List.of()));
        }
        return Frame.of(source, out);
    }

    private static List<String> present(Dataset<Row> data, List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.retainAll(List.of(data.columns()));
        return out;
    }

    private static Dataset<Row> select(Dataset<Row> data, List<String> columns) {
        return data.select(columns.stream().map(c -> functions.col("`" + c.replace("`", "``") + "`"))
                .toArray(org.apache.spark.sql.Column[]::new));
    }

    private static boolean[] numeric(StructType schema) {
        boolean[] out = new boolean[schema.fields().length];
        for (int c = 0; c < out.length; c++) {
            out[c] = schema.fields()[c].dataType() instanceof NumericType;
        }
        return out;
    }
}
