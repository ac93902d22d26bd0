package dev.assay.spark;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adult ({@code copies} times over) with a logistic model's unrounded score (tens of thousands of
 * distinct values, tied across copies), its prediction at 0.5, a weight 1..3 and, for regression,
 * hours per week predicted from age and education years: the same rows as a local {@link Frame} and
 * as a Spark {@link Dataset}.
 */
final class ContinuousScores {
    final Frame frame;
    final Dataset<Row> data;
    final int rows;

    ContinuousScores(int copies) {
        List<String[]> adult = AdultData.fields();
        int n = adult.size() * copies;
        String[] label = new String[n];
        String[] prediction = new String[n];
        double[] score = new double[n];
        double[] weight = new double[n];
        double[] hours = new double[n];
        double[] predictedHours = new double[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] f = adult.get(i % adult.size());
            double age = Double.parseDouble(f[0]);
            double years = Double.parseDouble(f[4]);
            double z = -8.2 + 0.035 * age + 0.33 * years + 0.03 * Double.parseDouble(f[12]) + 0.0003 * Double.parseDouble(f[10]);
            label[i] = f[14];
            score[i] = 1 / (1 + Math.exp(-z));
            prediction[i] = score[i] >= 0.5 ? ">50K" : "<=50K";
            weight[i] = 1 + i % 3;
            hours[i] = Double.parseDouble(f[12]);
            predictedHours[i] = 25 + 0.2 * age + 0.6 * years;
            rows.add(RowFactory.create(label[i], prediction[i], score[i], weight[i], hours[i], predictedHours[i]));
        }
        this.rows = n;
        frame = Frame.of(TextColumn.wrap("label", label), TextColumn.wrap("prediction", prediction),
                NumericColumn.wrap("score", score), NumericColumn.wrap("weight", weight), NumericColumn.wrap("hours", hours),
                NumericColumn.wrap("predicted_hours", predictedHours));
        StructType schema = new StructType().add("label", DataTypes.StringType).add("prediction", DataTypes.StringType)
                .add("score", DataTypes.DoubleType).add("weight", DataTypes.DoubleType).add("hours", DataTypes.DoubleType)
                .add("predicted_hours", DataTypes.DoubleType);
        SparkSession spark = SparkSessions.local();
        data = spark.createDataFrame(rows, schema).repartition(4).cache();
    }
}
