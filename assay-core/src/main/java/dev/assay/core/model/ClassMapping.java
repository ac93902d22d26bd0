package dev.assay.core.model;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which label value each of a classifier's classes stands for. Many exported classifiers name
 * their classes {@code 0 .. k-1} (the indices of scikit-learn's {@code LabelEncoder}, an int64 label
 * tensor, an argmax) while the label column holds names ({@code no}/{@code yes}, {@code >50K}); read
 * as they are, such predictions would never equal a label.
 *
 * <ul>
 *   <li>{@link #explicit}: names given in the order of the model's outputs ({@code --model-classes},
 *       {@code model.classes}) win;</li>
 *   <li>{@link #toLabel}: a model whose classes are all label values keeps them; a model whose
 *       classes are the indices {@code 0 .. k-1}, on a label with exactly k distinct values, has them
 *       read as those values in sorted order, as {@code LabelEncoder} numbers them (text in code point
 *       order, or numeric order when every value is a number), with a {@link #note()} saying so;
 *       anything else is an error naming both sets and the option that settles it.</li>
 * </ul>
 *
 * @param modelClasses the classes as the model names them, in output order
 * @param classes the label values they stand for, in the same order
 * @param note what was decided, for the user to see; null when the model's own names are kept
 */
public record ClassMapping(List<String> modelClasses, List<String> classes, String note) {
    private static final String HOW = "Name the model's classes in the order of its outputs with --model-classes (command line) "
            + "or model.classes (suite file)";

    public ClassMapping {
        modelClasses = List.copyOf(modelClasses);
        classes = List.copyOf(classes);
        if (modelClasses.size() != classes.size()) {
            throw new IllegalArgumentException(modelClasses.size() + " model classes for " + classes.size() + " names");
        }
    }

    /** The model's own names. */
    public static ClassMapping identity(List<String> modelClasses) {
        return new ClassMapping(modelClasses, modelClasses, null);
    }

    /**
     * The model's classes named {@code names}, position by position.
     *
     * @param model the model, for messages
     * @throws InvalidInputException if the model is no classifier, or {@code names} has another
     *     count than the model's classes or a name twice
     */
    public static ClassMapping explicit(String model, List<String> modelClasses, List<String> names) {
        if (modelClasses.isEmpty()) {
            throw new InvalidInputException("Model " + model + " is a regressor; class names (" + shown(names) + ") apply to "
                    + "classifiers only. Leave out --model-classes / model.classes.");
        }
        if (names.size() != modelClasses.size()) {
            throw new InvalidInputException("Model " + model + " has " + modelClasses.size() + " classes " + shown(modelClasses)
                    + ", but " + names.size() + " class names were given: " + shown(names) + ". " + HOW + ", one name per class.");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new InvalidInputException("The class names given for model " + model + " name a class twice: " + shown(names)
                    + ". " + HOW + ", each name once.");
        }
        return new ClassMapping(modelClasses, names, null);
    }

    /**
     * The mapping of the model's classes to the values of {@code label} (missing values aside).
     *
     * @param model the model, for messages
     * @throws InvalidInputException when the classes cannot be matched to the label values,
     *     naming both and the options that name the classes
     */
    public static ClassMapping toLabel(String model, List<String> modelClasses, Column label) {
        List<String> values = distinctValues(label);
        if (new HashSet<>(modelClasses).containsAll(values)) {
            return identity(modelClasses);
        }
        boolean indices = isIndices(modelClasses);
        List<String> sorted = sorted(values);
        if (indices && values.size() == modelClasses.size()) {
            StringBuilder pairs = new StringBuilder();
            for (int i = 0; i < sorted.size(); i++) {
                pairs.append(i == 0 ? "" : ", ").append(i).append(" = ").append(sorted.get(i));
            }
            return new ClassMapping(modelClasses, sorted, "Model " + model + " names its classes by index 0-"
                    + (modelClasses.size() - 1) + "; they are read as the values of label column '" + label.name() + "' in "
                    + "sorted order, as scikit-learn's LabelEncoder numbers them: " + Excerpt.of(pairs.toString()) + ". If the "
                    + "model was trained with another order, name its classes with --model-classes (command line) or "
                    + "model.classes (suite file).");
        }
        List<String> unknown = values.stream().filter(v -> !modelClasses.contains(v)).toList();
        String why = indices ? "it names " + modelClasses.size() + " classes by index, the label has " + values.size()
                + " distinct value" + (values.size() == 1 ? "" : "s") : "the label values " + shown(unknown) + " are none of its classes";
        throw new InvalidInputException("Model " + model + " predicts the classes " + shown(modelClasses) + ", which do not match "
                + "the values of label column '" + label.name() + "' " + shown(sorted) + ": " + why + ". " + HOW + ", e.g. "
                + "--model-classes " + Excerpt.of(String.join(",", sorted)) + ".");
    }

    /** Whether the classes get other names than the model's own. */
    public boolean renames() {
        return !classes.equals(modelClasses);
    }

    /** {@code predictions} with the classes named as mapped; values of a regressor unchanged. */
    public Predictions apply(Predictions predictions) {
        if (!(predictions instanceof ClassPredictions c) || !renames()) {
            return predictions;
        }
        if (!c.classes().equals(modelClasses)) {
            throw new IllegalArgumentException("predictions of the classes " + c.classes() + ", mapping of " + modelClasses);
        }
        return new ClassPredictions(classes, c.predicted(), c.probabilities());
    }

    private static boolean isIndices(List<String> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (!classes.get(i).equals(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    /** The values in code point order, or in numeric order when all are numbers. */
    private static List<String> sorted(List<String> values) {
        List<String> out = new ArrayList<>(values);
        if (out.stream().allMatch(ClassMapping::isNumber)) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            out.sort(ClassMapping::byCodePoint);
        }
        return out;
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The distinct non-missing values of {@code column} as text, in order of first appearance. */
    private static List<String> distinctValues(Column column) {
        Set<String> values = new LinkedHashSet<>();
        if (column instanceof CategoricalColumn c) {
            boolean[] seen = new boolean[c.levels().size()];
            for (int i = 0; i < c.size(); i++) {
                int code = c.code(i);
                if (code != CategoricalColumn.MISSING && !seen[code]) {
                    seen[code] = true;
                    values.add(c.levels().get(code));
                }
            }
        } else {
            for (int i = 0; i < column.size(); i++) {
                String v = column.format(i);
                if (v != null && !v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return new ArrayList<>(values);
    }

    private static String shown(List<String> values) {
        return Excerpt.of(values.toString());
    }
}
