package dev.assay.spark;

import dev.assay.core.metrics.CalibrationAccumulator;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Adds the rows of a partition ({@code label, score}) to a {@link CalibrationAccumulator} over fixed
 * edges; partials merge as the accumulator does. A missing score counts as outside [0, 1].
 *
 * @param labelText the class text of each label value ({@link GroupTallyFolder#key})
 * @param labelNumeric whether the label column holds numbers
 * @param positive the positive class
 * @param edges the bin edges
 */
record CalibrationFolder(Map<Object, String> labelText, boolean labelNumeric, String positive, double[] edges)
        implements PartitionFold.Folder<CalibrationAccumulator> {

    @Override
    public CalibrationAccumulator fold(Iterator<Row> rows) {
        CalibrationAccumulator a = new CalibrationAccumulator(edges);
        while (rows.hasNext()) {
            Row r = rows.next();
            boolean truth = positive.equals(labelText.get(GroupTallyFolder.key(r.get(0), labelNumeric)));
            a.add(truth, r.isNullAt(1) ? Double.NaN : ((Number) r.get(1)).doubleValue());
        }
        return a;
    }

    @Override
    public byte[] encode(CalibrationAccumulator a) {
        double[] state = a.state();
        ByteBuffer out = ByteBuffer.allocate(8 * state.length);
        out.asDoubleBuffer().put(state);
        return out.array();
    }

    @Override
    public CalibrationAccumulator decode(byte[] bytes) {
        double[] state = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(state);
        return CalibrationAccumulator.fromState(state);
    }

    @Override
    public CalibrationAccumulator merge(CalibrationAccumulator left, CalibrationAccumulator right) {
        left.merge(right);
        return left;
    }
}
