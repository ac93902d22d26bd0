package dev.assay.spark;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adult ({@code copies} times over) with a three-class label, the weekly hours band ({@code band}:
 * "part" under 35 hours, "full" 35 to 45, "long" over 45; also as codes 0, 1, 2 in {@code code}), and
 * the class probabilities of a fixed softmax model over age, education years, sex and the census weight
 * (unrounded: tens of thousands of distinct values), with its argmax prediction ({@code predicted},
 * {@code predicted_code}), a weight 1..3, and for regression the hours themselves ({@code hours}) and a
 * linear guess from age and education years ({@code predicted_hours}). For bad input: {@code p_long_off} adds 0.01 to every
 * 1,000th row's probability (the row no longer sums to 1); {@code p_full_missing} is NaN in every
 * 5,000th row. The same rows as a local {@link Frame} and, in the same order, as a Spark
 * {@link Dataset}, so rows are numbered alike.
 */
final class MulticlassScores {
    static final String[] BANDS = {"part", "full", "long"};
    /** The name of the data in messages, locally and on Spark. */
    static final String SOURCE = "hours";
    final Frame frame;
    final Dataset<Row> data;
    final int rows;

    MulticlassScores(int copies) {
        List<String[]> adult = AdultData.fields();
        int n = adult.size() * copies;
        String[] band = new String[n];
        String[] predicted = new String[n];
        double[] code = new double[n];
        double[] predictedCode = new double[n];
        double[][] p = new double[3][n];
        double[] off = new double[n];
        double[] missing = new double[n];
        double[] weight = new double[n];
        double[] hoursWorked = new double[n];
        double[] predictedHours = new double[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] f = adult.get(i % adult.size());
            double age = Double.parseDouble(f[0]);
            double years = Double.parseDouble(f[4]);
            double male = f[9].equals("Male") ? 1 : 0;
            double hours = Double.parseDouble(f[12]);
            double[] z = {2.0 - 0.05 * age - 0.9 * male, 0.5 + 0.02 * age,
                -1.8 + 0.02 * age + 0.15 * (years - 10) + 0.8 * male + 1e-7 * Double.parseDouble(f[2])};
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                p[c][i] = Math.exp(z[c] - max);
                sum += p[c][i];
            }
            int best = 0;
            for (int c = 0; c < 3; c++) {
                p[c][i] /= sum;
                best = p[c][i] > p[best][i] ? c : best;
            }
            int truth = hours < 35 ? 0 : hours <= 45 ? 1 : 2;
            band[i] = BANDS[truth];
            code[i] = truth;
            predicted[i] = BANDS[best];
            predictedCode[i] = best;
            off[i] = p[2][i] + (i % 1000 == 999 ? 0.01 : 0);
            missing[i] = i % 5000 == 4999 ? Double.NaN : p[1][i];
            weight[i] = 1 + i % 3;
            hoursWorked[i] = hours;
            predictedHours[i] = 25 + 0.2 * age + 0.6 * years;
            rows.add(RowFactory.create(band[i], predicted[i], code[i], predictedCode[i], p[0][i], p[1][i], p[2][i], off[i],
                    missing[i], weight[i], hoursWorked[i], predictedHours[i]));
        }
        this.rows = n;
        frame = Frame.of(SOURCE, List.of(TextColumn.wrap("band", band), TextColumn.wrap("predicted", predicted), NumericColumn.wrap("code", code),
                NumericColumn.wrap("predicted_code", predictedCode), NumericColumn.wrap("p_part", p[0]),
                NumericColumn.wrap("p_full", p[1]), NumericColumn.wrap("p_long", p[2]), NumericColumn.wrap("p_long_off", off),
                NumericColumn.wrap("p_full_missing", missing), NumericColumn.wrap("weight", weight),
                NumericColumn.wrap("hours", hoursWorked), NumericColumn.wrap("predicted_hours", predictedHours)));
        StructType schema = new StructType().add("band", DataTypes.StringType).add("predicted", DataTypes.StringType)
                .add("code", DataTypes.DoubleType).add("predicted_code", DataTypes.DoubleType).add("p_part", DataTypes.DoubleType)
                .add("p_full", DataTypes.DoubleType).add("p_long", DataTypes.DoubleType).add("p_long_off", DataTypes.DoubleType)
                .add("p_full_missing", DataTypes.DoubleType).add("weight", DataTypes.DoubleType)
                .add("hours", DataTypes.DoubleType).add("predicted_hours", DataTypes.DoubleType);
        data = SparkSessions.local().createDataFrame(rows, schema).cache();
    }
}
