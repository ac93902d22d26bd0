package dev.assay.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Folds each curve of a partition's rows ({@link GroupCoder}: all rows, and every group of every
 * grouping) into its own accumulator of an inner folder ({@link BinaryFolder}, a regression folder, or
 * any other of one group's rows), so that each group is evaluated from merged statistics as the whole
 * data is. Rows are buffered per curve and handed to the inner folder in batches. With {@code classes},
 * each curve also tallies the label rows of each class and the classes its labels and predictions hold
 * (columns 0 and 1), from which a group's positive and negative class are chosen as locally.
 *
 * @param <P> the inner accumulator
 */
final class GroupedFolder<P extends Serializable> implements PartitionFold.Folder<HashMap<Integer, GroupedFolder.Curve<P>>> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1024;

    private final PartitionFold.Folder<P> inner;
    private final GroupCoder coder;
    private final boolean classes;

    GroupedFolder(PartitionFold.Folder<P> inner, GroupCoder coder, boolean classes) {
        this.inner = inner;
        this.coder = coder;
        this.classes = classes;
    }

    /**
     * One curve's accumulator.
     *
     * @param stats the inner accumulator
     * @param labelRows the label rows of each class (with {@code classes})
     * @param predicted the classes of the predictions (with {@code classes})
     */
    record Curve<P>(P stats, HashMap<String, Long> labelRows, TreeSet<String> predicted) implements Serializable {
    }

    @Override
    public HashMap<Integer, Curve<P>> fold(Iterator<Row> rows) {
        HashMap<Integer, Curve<P>> out = new HashMap<>();
        Map<Integer, List<Row>> buffers = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int curve : coder.curves(r)) {
                if (curve < 0) {
                    continue;
                }
                List<Row> buffer = buffers.computeIfAbsent(curve, c -> new ArrayList<>());
                buffer.add(r);
                if (classes) {
                    Curve<P> c = out.computeIfAbsent(curve, k -> new Curve<>(null, new HashMap<>(), new TreeSet<>()));
                    String label = SparkClasses.name(r.get(0));
                    if (label != null) {
                        c.labelRows().merge(label, 1L, Long::sum);
                    }
                    String predicted = SparkClasses.name(r.get(1));
                    if (predicted != null) {
                        c.predicted().add(predicted);
                    }
                }
                if (buffer.size() == BATCH) {
                    flush(out, curve, buffer);
                }
            }
        }
        buffers.forEach((curve, buffer) -> flush(out, curve, buffer));
        return out;
    }

    private void flush(HashMap<Integer, Curve<P>> out, int curve, List<Row> buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        P part = inner.fold(buffer.iterator());
        buffer.clear();
        Curve<P> c = out.get(curve);
        out.put(curve, c == null ? new Curve<>(part, new HashMap<>(), new TreeSet<>())
                : new Curve<>(c.stats() == null ? part : inner.merge(c.stats(), part), c.labelRows(), c.predicted()));
    }

    @Override
    public byte[] encode(HashMap<Integer, Curve<P>> a) {
        return JavaBytes.encode(a);
    }

    @Override
    @SuppressWarnings("unchecked")
    public HashMap<Integer, Curve<P>> decode(byte[] bytes) {
        return JavaBytes.decode(bytes, HashMap.class);
    }

    @Override
    public HashMap<Integer, Curve<P>> merge(HashMap<Integer, Curve<P>> left, HashMap<Integer, Curve<P>> right) {
        right.forEach((curve, c) -> left.merge(curve, c, (a, b) -> {
            a.labelRows().forEach((k, v) -> b.labelRows().merge(k, v, Long::sum));
            b.predicted().addAll(a.predicted());
            return new Curve<>(inner.merge(a.stats(), b.stats()), b.labelRows(), b.predicted());
        }));
        return left;
    }
}
