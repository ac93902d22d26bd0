package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Input checks shared by the evaluators, with messages that name the column, the row and the fix,
 * and the all-undefined result for input without rows.
 */
final class InputChecks {
    private InputChecks() {
    }

    /** Refuses encoded classes with missing values, naming the count and the first row. */
    static void requireNoMissing(ClassEncoding.Encoded e, ColumnNames names, String role, String fix) {
        if (e.missing() > 0) {
            throw new InvalidInputException(names.column(e.column(), role) + " has " + e.missing() + " missing value"
                    + (e.missing() == 1 ? "" : "s") + " (empty or NaN); the first is in " + names.row(e.firstMissingRow())
                    + ". " + fix);
        }
    }

    /** Refuses an array whose length is not the row count. */
    static void checkLength(String what, int length, int expected) {
        if (length != expected) {
            throw new InvalidInputException("The " + what + " array has " + length + " values for " + expected
                    + " rows; every array needs one value per row.");
        }
    }

    /** Refuses NaN, infinite or negative sample weights, and weights that are all 0; null weights pass. */
    static void checkWeights(double[] weight, ColumnNames names) {
        if (weight == null) {
            return;
        }
        boolean anyPositive = false;
        for (int i = 0; i < weight.length; i++) {
            double w = weight[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new InvalidInputException(names.column(names.weight(), "weight") + " holds "
                        + (Double.isNaN(w) ? "a missing value (NaN)" : Double.toString(w)) + " in " + names.row(i)
                        + "; sample weights must be finite numbers >= 0. Fill in or correct the weight, or drop the row.");
            }
            anyPositive |= w > 0;
        }
        if (!anyPositive && weight.length > 0) {
            throw new InvalidInputException(names.column(names.weight(), "weight") + " is 0 in every row (" + weight.length
                    + " row" + (weight.length == 1 ? "" : "s") + "), so no row would count and nothing could be computed."
                    + " Give some rows a positive weight, or leave out the weight column.");
        }
    }

    /** Refuses NaN values, naming their count and the first row. */
    static void checkNotNaN(double[] values, String column, String role, ColumnNames names, String fix) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                int count = 0;
                for (int j = i; j < values.length; j++) {
                    count += Double.isNaN(values[j]) ? 1 : 0;
                }
                throw new InvalidInputException(names.column(column, role) + " has " + count + " missing value"
                        + (count == 1 ? "" : "s") + " (empty or NaN); the first is in " + names.row(i) + ". " + fix);
            }
        }
    }

    /** Refuses infinite values, naming the first row. */
    static void checkFinite(double[] values, String column, String role, ColumnNames names, String why) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new InvalidInputException(names.column(column, role) + " holds " + values[i] + " in " + names.row(i) + "; "
                        + why + " Correct the value or drop the row.");
            }
        }
    }

    /** The index of the first value outside [0, 1], or -1. */
    static int firstOutsideUnit(double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v < 0 || v > 1) {
                return i;
            }
        }
        return -1;
    }

    /** Every metric of the task, undefined for the given reason. */
    static Map<String, MetricValue> allUndefined(Task task, String reason) {
        Map<String, MetricValue> out = new HashMap<>();
        for (String id : MetricCatalog.ids(task)) {
            out.put(id, MetricValue.undefined(id, id + " is undefined: " + reason));
        }
        return out;
    }

    /** The values quoted (each shortened by {@link Excerpt}) and comma-separated, the first 20 only. */
    static String quoted(List<String> values) {
        List<String> shown = values.size() > 20 ? values.subList(0, 20) : values;
        return String.join(", ", shown.stream().map(v -> "'" + Excerpt.of(v) + "'").toList())
                + (values.size() > 20 ? " and " + (values.size() - 20) + " more" : "");
    }
}
