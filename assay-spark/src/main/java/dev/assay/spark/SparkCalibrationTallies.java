package dev.assay.spark;

import dev.assay.core.checks.CalibrationTallies;
import dev.assay.core.metrics.CalibrationAccumulator;
import dev.assay.core.metrics.CalibrationBinning;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The calibration sums of a Spark data set's rows {@code (label, score)}: each partition is added into
 * a {@link CalibrationAccumulator} ({@link CalibrationFolder}) and the parts merged
 * ({@link PartitionFold}). Quantile edges are read from the scores sorted where they are
 * ({@link SortedValues}: only the order statistics the edges interpolate reach the driver) by
 * {@link CalibrationBinning#quantileEdges}, the function the local run uses on its sorted array, so
 * the edges are the same bit for bit. A missing score sorts as NaN, last, as locally; the check then
 * refuses it.
 *
 * @param rows the label and score columns
 * @param labelText the class text of each label value ({@link GroupTallyFolder#key})
 * @param labelNumeric whether the label column holds numbers
 */
record SparkCalibrationTallies(Dataset<Row> rows, Map<Object, String> labelText, boolean labelNumeric)
        implements CalibrationTallies {

    @Override
    public CalibrationAccumulator accumulate(double[] edges, String positiveClass) {
        return PartitionFold.fold(rows, new CalibrationFolder(labelText, labelNumeric, positiveClass, edges));
    }

    @Override
    public double[] edges(CalibrationBinning binning, int bins) {
        if (binning != CalibrationBinning.QUANTILE) {
            return binning.fixedEdges(bins);
        }
        JavaPairRDD<Double, Double> scores = rows.javaRDD().mapToPair(r -> new Tuple2<>(r.isNullAt(1) ? Double.NaN
                : ((Number) r.get(1)).doubleValue(), 1.0));
        try (SortedValues sorted = SortedValues.of(scores, Math.max(1, rows.rdd().getNumPartitions()))) {
            return CalibrationBinning.quantileEdges(sorted.rows(), bins, sorted::atRanks);
        }
    }
}
