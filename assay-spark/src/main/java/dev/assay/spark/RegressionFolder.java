package dev.assay.spark;

import dev.assay.core.stats.RegressionAccumulator;
import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Folds regression rows {@code (label, prediction[, weight])} into assay-core's {@link RegressionAccumulator}
 * (error sums and moments, merged exactly up to summation order), counting the rows the local
 * evaluation refuses: missing (null, NaN) or infinite labels and predictions, and weights that are
 * missing, negative or infinite.
 */
final class RegressionFolder implements PartitionFold.SerializingFolder<RegressionFolder.Partial> {
    private static final long serialVersionUID = 1L;

    private final boolean weighted;

    /** A folder of rows whose third column is a sample weight when {@code weighted}, else of unweighted rows. */
    RegressionFolder(boolean weighted) {
        this.weighted = weighted;
    }

    /** The statistics of some rows. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final RegressionAccumulator errors = new RegressionAccumulator();
        long missingLabels;
        long missingPredictions;
        long infinite;
        long badWeights;
        boolean positiveWeight;
    }

    @Override
    public Partial fold(Iterator<Row> rows) {
        Partial p = new Partial();
        while (rows.hasNext()) {
            Row r = rows.next();
            double y = value(r.get(0));
            double yHat = value(r.get(1));
            double w = weighted ? value(r.get(2)) : 1;
            if (Double.isNaN(y)) {
                p.missingLabels++;
            } else if (Double.isNaN(yHat)) {
                p.missingPredictions++;
            } else if (Double.isInfinite(y) || Double.isInfinite(yHat)) {
                p.infinite++;
            } else if (!(w >= 0) || Double.isInfinite(w)) {
                p.badWeights++;
            } else {
                p.errors.add(y, yHat, w);
                p.positiveWeight |= w > 0;
            }
        }
        return p;
    }

    private static double value(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public Class<Partial> type() {
        return Partial.class;
    }

    @Override
    public Partial merge(Partial left, Partial right) {
        left.errors.merge(right.errors);
        left.missingLabels += right.missingLabels;
        left.missingPredictions += right.missingPredictions;
        left.infinite += right.infinite;
        left.badWeights += right.badWeights;
        left.positiveWeight |= right.positiveWeight;
        return left;
    }
}
