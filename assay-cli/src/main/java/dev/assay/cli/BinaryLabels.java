package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A binary label column read as {@code truth[i] = (label[i] == positive)}. Without {@code --positive}
 * the positive class follows {@code assay evaluate}'s rule: 1 for 0/1 and -1/1 labels, true for
 * boolean labels, else the less frequent class (the later in sorted order when equally frequent).
 *
 * @param truth whether row {@code i} is of the positive class
 * @param positive the label value of the positive class
 * @param negative the label value of the other class
 */
record BinaryLabels(boolean[] truth, String positive, String negative) {

    /**
     * @throws InvalidInputException if a label is missing, the column does not hold exactly two
     *     classes, or {@code positive} is not one of them
     */
    static BinaryLabels read(Frame frame, String column, String positive) {
        Column label = frame.column(column, "label");
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < label.size(); i++) {
            if (label.isMissing(i)) {
                throw new InvalidInputException("The label column '" + Excerpt.of(column) + "' has no value in "
                        + frame.describeRow(i) + ". Fill in the label or drop the row.");
            }
            counts.merge(label.format(i), 1, Integer::sum);
        }
        if (counts.size() != 2) {
            throw new InvalidInputException("The label column '" + Excerpt.of(column) + "' must hold exactly two classes to compare "
                    + "ROC AUCs and accuracy, but holds " + counts.size() + (counts.isEmpty() ? "" : ": " + counts.keySet())
                    + ". Use rows of both classes.");
        }
        List<String> classes = List.copyOf(counts.keySet());
        String pos = positive == null ? defaultPositive(classes, counts) : positive;
        if (!classes.contains(pos)) {
            throw new InvalidInputException("--positive '" + Excerpt.of(pos) + "' is not a value of the label column '"
                    + Excerpt.of(column) + "' of " + frame.source() + ", which holds " + classes + "; give one of them.");
        }
        boolean[] truth = new boolean[label.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = label.format(i).equals(pos);
        }
        return new BinaryLabels(truth, pos, classes.get(1 - classes.indexOf(pos)));
    }

    private static String defaultPositive(List<String> classes, TreeMap<String, Integer> counts) {
        if (List.of("0", "1").containsAll(classes) || List.of("-1", "1").containsAll(classes)) {
            return "1";
        }
        List<String> lower = classes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (List.of("false", "true").containsAll(lower)) {
            return classes.get(lower.indexOf("true"));
        }
        return counts.get(classes.get(0)) < counts.get(classes.get(1)) ? classes.get(0) : classes.get(1);
    }
}
