package dev.assay.core.metrics;

import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to evaluate predictions.
 *
 * @param task the task, or null to infer it from the label column (numeric with more than
 *     {@value #MAX_CLASSES_INFERRED} distinct values: regression; two classes: binary; else multiclass)
 * @param positiveClass the label value that counts as positive in binary tasks, or null for the
 *     default: {@code 1} for 0/1 and -1/1 labels, {@code true} for boolean labels, otherwise the less
 *     frequent class (ties: the later one in sorted order). The choice is stated in the notes.
 * @param threshold the score at or above which a row is predicted positive, when the data has
 *     scores but no prediction column
 * @param zeroDivision what to report when a denominator is zero
 */
public record EvaluationSettings(Task task, String positiveClass, double threshold, ZeroDivision zeroDivision) {

    /** Label columns with at most this many distinct numeric values may be inferred as classes. */
    public static final int MAX_CLASSES_INFERRED = 20;

    /** @throws InvalidInputException when the threshold is not in [0, 1] */
    public EvaluationSettings {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidInputException("the threshold must be a number between 0 and 1 (rows scoring at or above it "
                    + "are predicted positive), found " + threshold + ".");
        }
        Objects.requireNonNull(zeroDivision, "zeroDivision");
    }

    /** Inferred task, default positive class, threshold 0.5, zero division {@link ZeroDivision#WARN}. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(null, null, 0.5, ZeroDivision.WARN);
    }

    /** The settings as text for provenance: task, positive_class, threshold and zero_division. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("task", task == null ? "inferred" : task.id());
        out.put("positive_class", positiveClass == null ? "default rule" : positiveClass);
        out.put("threshold", Double.toString(threshold));
        out.put("zero_division", zeroDivision.name().toLowerCase(Locale.ROOT));
        return out;
    }

    public EvaluationSettings withTask(Task t) {
        return new EvaluationSettings(t, positiveClass, threshold, zeroDivision);
    }

    public EvaluationSettings withPositiveClass(String p) {
        return new EvaluationSettings(task, p, threshold, zeroDivision);
    }

    public EvaluationSettings withThreshold(double t) {
        return new EvaluationSettings(task, positiveClass, t, zeroDivision);
    }

    public EvaluationSettings withZeroDivision(ZeroDivision z) {
        return new EvaluationSettings(task, positiveClass, threshold, z);
    }
}
