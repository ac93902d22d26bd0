package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The task of a suite that names none, decided from Spark aggregates exactly as the local evaluation
 * decides it ({@link Evaluator#evaluate}): regression when the label is numeric with more than
 * {@link EvaluationSettings#MAX_CLASSES_INFERRED} distinct values (or, with a numeric prediction, the
 * two together have more); else binary with at most two classes in the label, prediction and class
 * probability columns, or with a score column; else multiclass. Distinct values are counted up to
 * {@code MAX_CLASSES_INFERRED + 1}, so the driver never receives more than that many.
 *
 * @param task the task
 * @param note why, as the local evaluation says it
 */
record SparkTasks(Task task, String note) {
    private static final int CAP = EvaluationSettings.MAX_CLASSES_INFERRED + 1;

    /** The task of {@code data} under {@code settings}, whose task is null; the columns are checked. */
    static SparkTasks infer(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source) {
        String label = schema.label();
        boolean labelNumeric = SparkEvaluator.isNumeric(data, label);
        boolean predictionNumeric = schema.prediction() != null && SparkEvaluator.isNumeric(data, schema.prediction());
        if (labelNumeric && (distinct(data.select(value(label))) > EvaluationSettings.MAX_CLASSES_INFERRED
                || predictionNumeric && distinct(data.select(value(label)).union(data.select(value(schema.prediction()))))
                > EvaluationSettings.MAX_CLASSES_INFERRED)) {
            if (settings.positiveClass() != null) {
                throw new InvalidInputException("A positive class ('" + Excerpt.of(settings.positiveClass()) + "') is set, but "
                        + SparkEvaluator.column(label, "label", source).replaceFirst("^Column", "column") + " is evaluated as regression"
                        + " (it is numeric with more than " + EvaluationSettings.MAX_CLASSES_INFERRED + " distinct values). A positive"
                        + " class applies to binary tasks: leave it out, or set the task to binary.");
            }
            return new SparkTasks(Task.REGRESSION, "Task inferred as regression: column '" + Excerpt.of(label) + "' is numeric with"
                    + " more than " + EvaluationSettings.MAX_CLASSES_INFERRED + " distinct values; set task to change.");
        }
        SparkClasses found = SparkClasses.of(data, label, schema.prediction(), source);
        boolean numeric = labelNumeric && (schema.prediction() == null || predictionNumeric);
        TreeSet<String> classes = new TreeSet<>(found.classes());
        for (String c : schema.classProbabilities().keySet()) {
            if (!labelNumeric || SparkClasses.isNumber(c)) {
                classes.add(numeric ? Evaluator.className(Double.parseDouble(c)) : c);
            }
        }
        int distinct = classes.size();
        Task task = distinct <= 2 || schema.score() != null ? Task.BINARY : Task.MULTICLASS;
        boolean probabilities = !schema.classProbabilities().isEmpty();
        return new SparkTasks(task, "Task inferred as " + task.id() + ": " + distinct + " class" + (distinct == 1 ? "" : "es")
                + " in the label" + (schema.prediction() == null ? "" : probabilities ? ", prediction" : " and prediction")
                + (probabilities ? " and class probability columns" : "") + "; set task to change.");
    }

    /** A column's non-missing values as doubles, named alike so that two columns' values can be united. */
    private static Column value(String column) {
        return SparkColumns.col(column).cast("double").as("v");
    }

    /** The distinct non-missing values of a one-column data set, counted up to {@link #CAP}. */
    private static long distinct(Dataset<Row> values) {
        Column v = functions.col("v");
        return values.where(v.isNotNull().and(functions.not(functions.isnan(v)))).distinct().limit(CAP).count();
    }
}
