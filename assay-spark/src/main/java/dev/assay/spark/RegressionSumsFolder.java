package dev.assay.spark;

import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Sums regression rows {@code (label, prediction)} for the errors compared across groups: {@code [rows,
 * Σ |y − ŷ|, Σ ŷ, missing labels, missing predictions]}, a row with a missing (null, NaN) value counted
 * as missing and left out of the sums.
 */
final class RegressionSumsFolder implements PartitionFold.SerializingFolder<double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] fold(Iterator<Row> rows) {
        double[] s = new double[5];
        while (rows.hasNext()) {
            Row r = rows.next();
            double y = r.get(0) instanceof Number n ? n.doubleValue() : Double.NaN;
            double yHat = r.get(1) instanceof Number n ? n.doubleValue() : Double.NaN;
            if (Double.isNaN(y)) {
                s[3]++;
            } else if (Double.isNaN(yHat)) {
                s[4]++;
            } else {
                s[0]++;
                s[1] += Math.abs(y - yHat);
                s[2] += yHat;
            }
        }
        return s;
    }

    @Override
    public Class<double[]> type() {
        return double[].class;
    }

    @Override
    public double[] merge(double[] left, double[] right) {
        for (int i = 0; i < left.length; i++) {
            left[i] += right[i];
        }
        return left;
    }
}
