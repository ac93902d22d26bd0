package dev.assay.core.fairness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads labels and predicted classes from a frame into the confusion counts of each group: for a
 * binary task against one positive class, for a multiclass task one-vs-rest for every class.
 *
 * <p>Bad input: a missing label or prediction names the row; a prediction column holding
 * probabilities (numbers strictly between 0 and 1) is refused with a request for a threshold.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * The counts of each group with {@code positive} as the positive class of {@code label} and {@code prediction}.
     *
     * @throws InvalidInputException if a column is unknown, has a missing value, holds probabilities
     *     instead of classes, or {@code positive} occurs in neither column
     */
    public static GroupCounts binary(Frame frame, String label, String prediction, String positive, Groups groups) {
        String[] truth = classes(frame, label, "label");
        String[] predicted = classes(frame, prediction, "prediction");
        boolean[] t = new boolean[truth.length];
        boolean[] p = new boolean[truth.length];
        boolean seen = false;
        for (int i = 0; i < t.length; i++) {
            t[i] = truth[i].equals(positive);
            p[i] = predicted[i].equals(positive);
            seen |= t[i] || p[i];
        }
        if (!seen) {
            TreeSet<String> values = new TreeSet<>(List.of(truth));
            throw new InvalidInputException("the positive class '" + Excerpt.of(positive) + "' occurs in neither column '"
                    + Excerpt.of(label) + "' nor '" + Excerpt.of(prediction) + "'; the label's classes are " + values + ".");
        }
        return GroupCounts.count(groups, t, p);
    }

    /**
     * One-vs-rest counts of each group for every class of the label and prediction, in sorted class order.
     *
     * @throws InvalidInputException as {@link #binary}
     */
    public static Map<String, GroupCounts> oneVsRest(Frame frame, String label, String prediction, Groups groups) {
        Map<String, GroupCounts> out = new LinkedHashMap<>();
        oneVsRestIndicators(frame, label, prediction).forEach((c, tp) -> out.put(c, GroupCounts.count(groups, tp[0], tp[1])));
        return out;
    }

    /**
     * For every class of {@code label} and {@code prediction}, in sorted order, whether each row is of that
     * class ({@code [0]}) and whether it is predicted so ({@code [1]}): the one-vs-rest outcomes that
     * {@link FairnessAssessment#assess} compares class by class.
     *
     * @throws InvalidInputException as {@link #binary}
     */
    public static Map<String, boolean[][]> oneVsRestIndicators(Frame frame, String label, String prediction) {
        String[] truth = classes(frame, label, "label");
        String[] predicted = classes(frame, prediction, "prediction");
        TreeSet<String> all = new TreeSet<>(List.of(truth));
        all.addAll(List.of(predicted));
        Map<String, boolean[][]> out = new LinkedHashMap<>();
        for (String c : all) {
            boolean[][] tp = new boolean[2][truth.length];
            for (int i = 0; i < truth.length; i++) {
                tp[0][i] = truth[i].equals(c);
                tp[1][i] = predicted[i].equals(c);
            }
            out.put(c, tp);
        }
        return out;
    }

    /**
     * The numbers of column {@code name} (a regression task's label or prediction).
     *
     * @throws InvalidInputException if the column is unknown, does not hold numbers or has a missing value
     */
    public static double[] numbers(Frame frame, String name, String role) {
        Column column = frame.column(name, role);
        if (!(column instanceof NumericColumn numeric)) {
            throw new InvalidInputException("column '" + Excerpt.of(name) + "' (" + role + ") of a regression task must hold numbers;"
                    + " compare classes as a binary or multiclass task instead.");
        }
        double[] out = numeric.toArray();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                throw new InvalidInputException("column '" + Excerpt.of(name) + "' (" + role + ") has a missing value at "
                        + frame.describeRow(i) + "; every compared row needs a " + role + ": drop such rows or fill them in.");
            }
        }
        return out;
    }

    private static String[] classes(Frame frame, String name, String role) {
        Column column = frame.column(name, role);
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            if (column.isMissing(i)) {
                throw new InvalidInputException("column '" + Excerpt.of(name) + "' (" + role + ") has a missing value at "
                        + frame.describeRow(i) + "; every compared row needs a " + role + ": drop such rows or fill them in.");
            }
            out[i] = column.format(i);
        }
        if (column instanceof NumericColumn numeric && role.equals("prediction")) {
            for (int i = 0; i < out.length; i++) {
                double v = numeric.get(i);
                if (v > 0 && v < 1) {
                    throw new InvalidInputException("column '" + Excerpt.of(name) + "' holds probabilities (" + v + " at "
                            + frame.describeRow(i) + ") where predicted classes were expected; give a threshold to turn"
                            + " them into classes (e.g. predicted positive when >= 0.5), or name the column of predicted classes.");
                }
            }
        }
        return out;
    }
}
