package dev.assay.spark;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classes of a label column and a prediction column on Spark, from one small aggregation (the
 * distinct (label, prediction) pairs with their counts): the class names as assay-core writes them
 * (whole numbers without a decimal point), sorted numerically when every value is a number, and the
 * rows of each label class, which choose the default positive class.
 *
 * @param classes the sorted union of label and prediction classes
 * @param labelRows the label rows of each class
 */
record SparkClasses(List<String> classes, Map<String, Long> labelRows) {
    /** The most distinct (label, prediction) pairs read; a classification task has far fewer. */
    static final int MAX_PAIRS = 10_000;

    /** The class name of a cell, as the local evaluation names it; null when missing (null, NaN, empty). */
    static String name(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return null;
            }
            return Evaluator.className(d);
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    /** The classes of {@code label} and {@code prediction} (may be null) in {@code data}. */
    static SparkClasses of(Dataset<Row> data, String label, String prediction, String source) {
        List<Column> cols = new ArrayList<>();
        cols.add(SparkColumns.col(label));
        if (prediction != null) {
            cols.add(SparkColumns.col(prediction));
        }
        List<Row> pairs = data.groupBy(cols.toArray(Column[]::new)).count().limit(MAX_PAIRS + 1).collectAsList();
        if (pairs.size() > MAX_PAIRS) {
            throw new InvalidInputException("Column '" + Excerpt.of(label) + "' (label)" + (prediction == null ? ""
                    : " and column '" + Excerpt.of(prediction) + "' (prediction)") + " of " + source + " hold more than "
                    + MAX_PAIRS + " distinct pairs of values, too many for classification. Set the task to regression, or"
                    + " name the class columns.");
        }
        Map<String, Long> labelRows = new LinkedHashMap<>();
        TreeSet<String> predicted = new TreeSet<>();
        for (Row r : pairs) {
            String l = name(r.get(0));
            long count = r.getLong(r.length() - 1);
            if (l != null) {
                labelRows.merge(l, count, Long::sum);
            }
            if (prediction != null) {
                String p = name(r.get(1));
                if (p != null) {
                    predicted.add(p);
                }
            }
        }
        return of(labelRows, predicted);
    }

    /** The classes of rows whose label classes hold {@code labelRows} rows each and whose predictions hold {@code predicted}. */
    static SparkClasses of(Map<String, Long> labelRows, java.util.Set<String> predicted) {
        TreeSet<String> all = new TreeSet<>(labelRows.keySet());
        all.addAll(predicted);
        List<String> classes = new ArrayList<>(all);
        boolean numeric = classes.stream().allMatch(SparkClasses::isNumber);
        classes.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return new SparkClasses(List.copyOf(classes), labelRows);
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
