package dev.assay.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Folds the rows of each partition into a mergeable accumulator of assay-core (a confusion
 * matrix, a profile, moments) on the executors and merges the partial accumulators with a tree
 * reduce, so the driver receives one accumulator whatever the number of rows or partitions.
 * Partials travel as bytes, so an accumulator need not be {@link Serializable}, only encodable.
 *
 * <pre>{@code
 * ConfusionMatrix m = PartitionFold.fold(data, new ConfusionFolder(...)).result();
 * }</pre>
 */
public final class PartitionFold {
    /** The depth of the merge tree; Spark merges about {@code sqrt(partitions)} partials per level at depth 2. */
    private static final int TREE_DEPTH = 2;

    private PartitionFold() {
    }

    /**
     * How rows become an accumulator: {@link #fold} runs once per partition on an executor,
     * {@link #merge} on executors and the driver. Implementations are sent to the executors, so they
     * hold only settings (column positions, class names), never data.
     *
     * @param <A> the accumulator
     */
    public interface Folder<A> extends Serializable {
        /** The accumulator of one partition's rows. */
        A fold(Iterator<Row> rows);

        /** {@code a} as bytes. */
        byte[] encode(A a);

        /** The accumulator written by {@link #encode}. */
        A decode(byte[] bytes);

        /** The accumulator of the rows of both; may reuse {@code left}. */
        A merge(A left, A right);
    }

    /**
     * A {@link Folder} whose accumulators are {@link Serializable} and travel by Java serialisation
     * ({@link JavaBytes}).
     *
     * @param <A> the accumulator
     */
    public interface SerializingFolder<A extends Serializable> extends Folder<A> {
        /** The accumulator's class, to read it back. */
        Class<A> type();

        @Override
        default byte[] encode(A a) {
            return JavaBytes.encode(a);
        }

        @Override
        default A decode(byte[] bytes) {
            return JavaBytes.decode(bytes, type());
        }
    }

    /** The accumulator of every row of {@code data}. */
    public static <A> A fold(Dataset<Row> data, Folder<A> folder) {
        if (data.rdd().getNumPartitions() == 0) {
            return folder.fold(java.util.Collections.emptyIterator());
        }
        byte[] merged = data.javaRDD()
                .mapPartitions((Iterator<Row> rows) -> List.of(folder.encode(folder.fold(rows))).iterator())
                .treeReduce((a, b) -> folder.encode(folder.merge(folder.decode(a), folder.decode(b))), TREE_DEPTH);
        return folder.decode(merged);
    }
}
