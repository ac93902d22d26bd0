package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Refuses class columns that a binary evaluation cannot use, naming the values: a positive class the
 * label lacks, and more than two classes where the task (or a score column) needs two.
 */
final class ClassChecks {
    private ClassChecks() {
    }

    /** The positive class of the settings, spelt as the label's classes are ({@code 1}, not {@code 1.0}); null if unset. */
    static String positive(EvaluationSettings settings, ClassEncoding.Encoded labels, ClassEncoding.Encoded predictions) {
        String requested = settings.positiveClass();
        boolean numeric = labels.numbers() != null && (predictions == null || predictions.numbers() != null);
        if (requested != null && numeric && ClassEncoding.isNumber(requested)) {
            return ClassEncoding.format(Double.parseDouble(requested));
        }
        return requested;
    }

    /** Refuses a positive class that a label of two or more classes does not hold; null passes. */
    static void requirePositiveInLabel(String positive, ClassEncoding.Encoded labels, ColumnNames names) {
        if (positive == null || labels.values().contains(positive) || labels.distinct() < 2) {
            return;
        }
        List<String> values = new ArrayList<>(labels.values());
        values.sort(labels.numbers() != null ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        throw new InvalidInputException("The positive class '" + Excerpt.of(positive) + "' does not occur in "
                + names.column(names.label(), "label").replaceFirst("^Column", "column") + ", which holds "
                + InputChecks.quoted(values) + ". Set the positive class to one of these values.");
    }

    /**
     * Refuses more than two classes in the label and prediction. The two most frequent label classes
     * (the positive class first, when given) are taken as meant; the message lists the others with
     * their count and first row.
     *
     * @param byScore whether two classes are needed because a score column is given (else: the task is binary)
     */
    static void requireTwoClasses(ClassEncoding.Classes classes, ClassEncoding.Encoded labels, ClassEncoding.Encoded predictions,
            String positive, ColumnNames names, boolean byScore) {
        int k = classes.names().size();
        if (k <= 2) {
            return;
        }
        long[] inLabel = new long[k];
        long[] inPrediction = new long[k];
        int[] firstRow = new int[k];
        java.util.Arrays.fill(firstRow, Integer.MAX_VALUE);
        count(labels, classes.labelToClass(), inLabel, firstRow);
        if (predictions != null) {
            count(predictions, classes.predictionToClass(), inPrediction, firstRow);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            order.add(c);
        }
        int positiveClass = positive == null ? -1 : classes.names().indexOf(positive);
        order.sort(Comparator.<Integer>comparingInt(c -> c == positiveClass ? 0 : 1).thenComparingLong(c -> -inLabel[c]));
        List<String> meant = List.of(classes.names().get(Math.min(order.get(0), order.get(1))),
                classes.names().get(Math.max(order.get(0), order.get(1))));
        List<String> unexpected = new ArrayList<>();
        for (int c : order.subList(2, k)) {
            String where = inLabel[c] > 0 && inPrediction[c] > 0 ? "label and prediction"
                    : inLabel[c] > 0 ? "label" : "prediction";
            long rows = inLabel[c] + inPrediction[c];
            unexpected.add("'" + Excerpt.of(classes.names().get(c)) + "' (" + where + ", " + rows + " row" + (rows == 1 ? "" : "s")
                    + ", first in " + names.row(firstRow[c]) + ")");
        }
        String source = byScore || names.source() == null ? "" : " of " + names.source();
        String columns = predictions == null ? "column '" + Excerpt.of(names.label()) + "' (label)" + source + " holds "
                : "columns '" + Excerpt.of(names.label()) + "' (label) and '" + Excerpt.of(names.prediction()) + "' (prediction)"
                        + source + " hold ";
        String found = columns + k + " classes: " + InputChecks.quoted(meant) + " and the unexpected "
                + String.join(", ", unexpected.subList(0, Math.min(10, unexpected.size())))
                + (unexpected.size() > 10 ? " and " + (unexpected.size() - 10) + " more" : "");
        if (byScore) {
            throw new InvalidInputException(names.column(names.score(), "score") + " scores one positive class against one"
                    + " other, so the evaluation is binary, but " + found + ". Correct or drop the rows with unexpected values,"
                    + " or evaluate several classes with one probability column per class instead of a score column.");
        }
        throw new InvalidInputException("A binary task needs two classes, but " + found
                + ". Correct or drop the rows with unexpected values, or set the task to multiclass.");
    }

    private static void count(ClassEncoding.Encoded e, int[] toClass, long[] counts, int[] firstRow) {
        int[] codes = e.codes();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0) {
                int c = toClass[codes[i]];
                counts[c]++;
                firstRow[c] = Math.min(firstRow[c], i);
            }
        }
    }
}
