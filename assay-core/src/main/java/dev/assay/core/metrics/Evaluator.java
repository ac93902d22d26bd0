package dev.assay.core.metrics;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates predictions: reads and validates the columns once, accumulates sufficient statistics
 * once (confusion counts, one sort of the scores, loss sums, error moments) and derives every
 * metric of the task from them. See the package documentation for the conventions.
 */
public final class Evaluator {
    /** How far a row of class probabilities may sum from 1 before {@code roc_auc_ovr} refuses it. */
    public static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

    private Evaluator() {
    }

    /**
     * Evaluates the columns named by {@code schema} in {@code frame}.
     *
     * @throws InvalidInputException if a needed column is missing, has the wrong type, or holds
     *     values the task cannot use (missing labels, NaN scores, negative or all-zero weights, a third
     *     class in a binary task or beside a score column, a positive class the label lacks), or if
     *     there is nothing to evaluate; the message names the column, the first offending row
     *     (1-based) and the fix
     */
    public static Evaluation evaluate(Frame frame, Schema schema, EvaluationSettings settings) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(settings, "settings");
        if (schema.label() == null) {
            throw new InvalidInputException("No label column is set" + (frame.source() == null ? "" : " for " + frame.source())
                    + ". Evaluation compares predictions with the true outcome: name the label column in the schema.");
        }
        ColumnNames names = ColumnNames.of(frame, schema);
        Column label = frame.column(schema.label(), "label");
        Column prediction = schema.prediction() == null ? null : frame.column(schema.prediction(), "prediction");
        double[] weight = schema.weight() == null ? null : frame.numeric(schema.weight(), "weight").toArray();
        Task task = settings.task();
        List<String> notes = new ArrayList<>();

        if (task == Task.REGRESSION || task == null && looksLikeRegression(label, prediction)) {
            if (settings.positiveClass() != null) {
                throw new InvalidInputException("A positive class ('" + Excerpt.of(settings.positiveClass()) + "') is set, but "
                        + names.column(schema.label(), "label").replaceFirst("^Column", "column") + " is evaluated as regression"
                        + (task == null ? " (it is numeric with more than " + EvaluationSettings.MAX_CLASSES_INFERRED
                        + " distinct values)" : "") + ". A positive class applies to binary tasks: leave it out, or set the task to"
                        + " binary.");
            }
            if (task == null) {
                notes.add("Task inferred as regression: column '" + Excerpt.of(schema.label()) + "' is numeric with more than "
                        + EvaluationSettings.MAX_CLASSES_INFERRED + " distinct values; set task to change.");
            }
            double[] truth = frame.numeric(schema.label(), "label").toArray();
            if (prediction == null) {
                throw new InvalidInputException("No prediction column is set" + (frame.source() == null ? "" : " for " + frame.source())
                        + ". Regression metrics compare the label '" + Excerpt.of(schema.label())
                        + "' with a predicted value: name the prediction column in the schema.");
            }
            double[] predicted = frame.numeric(schema.prediction(), "prediction").toArray();
            return RegressionEvaluator.evaluate(truth, predicted, weight, names, notes);
        }

        if (prediction == null && schema.score() == null && schema.classProbabilities().isEmpty()) {
            throw new InvalidInputException("Nothing to evaluate" + (frame.source() == null ? "" : " in " + frame.source())
                    + ": no prediction, score or class probability column is set. Name the column(s) that hold the model's"
                    + " predictions.");
        }
        ClassEncoding.Encoded labels = ClassEncoding.encode(label);
        InputChecks.requireNoMissing(labels, names, "label",
                "Every evaluated row needs a label: drop these rows or fill in the label.");
        Map<String, String> probabilityColumns = schema.classProbabilities();
        ClassEncoding.Encoded predictions;
        if (prediction != null) {
            predictions = ClassEncoding.encode(prediction);
            InputChecks.requireNoMissing(predictions, names, "prediction",
                    "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        } else {
            predictions = null;
        }
        String positive = ClassChecks.positive(settings, labels, predictions);
        ClassChecks.requirePositiveInLabel(positive, labels, names);
        if (schema.score() != null && task != Task.BINARY) {
            if (task == Task.MULTICLASS) {
                throw new InvalidInputException(names.column(schema.score(), "score") + " scores one positive class, which a"
                        + " multiclass task cannot use. Give one probability column per class instead, or set the task to binary.");
            }
            ClassChecks.requireTwoClasses(ClassEncoding.union(labels, predictions, List.of()), labels, predictions, positive,
                    names, true);
        }
        if (task == null) {
            List<String> probabilityClasses = probabilityColumns.keySet().stream()
                    .filter(c -> labels.numbers() == null || ClassEncoding.isNumber(c)).toList();
            int distinct = ClassEncoding.union(labels, predictions, probabilityClasses).names().size();
            task = distinct <= 2 || schema.score() != null ? Task.BINARY : Task.MULTICLASS;
            notes.add("Task inferred as " + task.id() + ": " + distinct + " class" + (distinct == 1 ? "" : "es")
                    + " in the label" + (predictions == null ? "" : probabilityColumns.isEmpty() ? " and prediction" : ", prediction")
                    + (probabilityColumns.isEmpty() ? "" : " and class probability columns") + "; set task to change.");
        }
        if (task == Task.BINARY) {
            return BinaryEvaluator.fromFrame(frame, schema, settings, names, labels, predictions, weight, notes);
        }
        return MulticlassEvaluator.fromFrame(frame, probabilityColumns, settings, names, labels, predictions, weight, notes);
    }

    private static boolean looksLikeRegression(Column label, Column prediction) {
        if (!(label instanceof NumericColumn)) {
            return false;
        }
        ClassEncoding.Encoded l = ClassEncoding.encode(label);
        if (l.distinct() > EvaluationSettings.MAX_CLASSES_INFERRED) {
            return true;
        }
        if (prediction instanceof NumericColumn) {
            ClassEncoding.Encoded p = ClassEncoding.encode(prediction);
            return ClassEncoding.union(l, p, List.of()).names().size() > EvaluationSettings.MAX_CLASSES_INFERRED;
        }
        return false;
    }

    /**
     * Evaluates binary predictions given as arrays: {@code truth[i]} whether row i is positive,
     * {@code score[i]} its score or positive-class probability (null if none), {@code predicted[i]}
     * whether it was predicted positive (null: {@code score >= settings.threshold()}), {@code
     * weight[i]} its sample weight (null: all 1). The positive class is named {@code
     * settings.positiveClass()} (default "1") and the negative one "0" in notes and charts. Arrays
     * are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, NaN scores, NaN, negative or all-zero weights
     */
    public static Evaluation binary(boolean[] truth, double[] score, boolean[] predicted, double[] weight,
            EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(settings, "settings");
        return BinaryEvaluator.fromArrays(truth, score, predicted, weight, settings);
    }

    /**
     * Evaluates multiclass predictions given as arrays of class indices into {@code classes}:
     * {@code truth[i]} and {@code predicted[i]} (predicted null: the class of highest probability),
     * {@code probabilities[c][i]} the probability of class c for row i (null if none), {@code
     * weight[i]} (null: all 1). Arrays are read, not kept or changed.
     *
     * With neither predictions nor probabilities every metric is undefined, with the reason.
     *
     * @throws InvalidInputException on arrays of different lengths, class indices out of range, NaN
     *     probabilities, NaN, negative or all-zero weights
     */
    public static Evaluation multiclass(int[] truth, int[] predicted, List<String> classes, double[][] probabilities,
            double[] weight, EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(settings, "settings");
        return MulticlassEvaluator.fromIndices(truth, predicted, classes, probabilities, weight, settings);
    }

    /**
     * Evaluates regression predictions given as arrays; {@code weight} may be null (all 1). Arrays
     * are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, NaN or infinite values, NaN, negative or all-zero weights
     */
    public static Evaluation regression(double[] truth, double[] predicted, double[] weight, EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(settings, "settings");
        return RegressionEvaluator.evaluate(truth, predicted, weight, ColumnNames.ARRAYS, new ArrayList<>());
    }

    /**
     * The class name of a numeric label or prediction, as the evaluation names it: whole numbers without a
     * decimal point ("1", not "1.0"), others as {@link Double#toString(double)}. Engines that find the classes
     * themselves (Spark) name them with this.
     */
    public static String className(double v) {
        return ClassEncoding.format(v);
    }

    /**
     * Every binary metric from statistics merged elsewhere (e.g. per partition of a distributed data
     * set): the same values, notes and evidence as {@link #evaluate} gives for the rows, without the
     * row-level views ({@link Evaluation#binaryScores()}, {@link Evaluation#binaryOutcomes()}).
     *
     * @param schema names the columns, for messages
     * @param source the data's name, for messages; may be null
     * @param notes notes to start with (the positive class and why); copied
     */
    public static Evaluation fromStatistics(BinaryStatistics stats, EvaluationSettings settings, Schema schema, String source,
            List<String> notes) {
        return BinaryEvaluator.fromStatistics(stats, settings, names(schema, source), new ArrayList<>(notes));
    }

    /**
     * Every multiclass metric from statistics merged elsewhere: the same values, notes, problems and
     * evidence as {@link #evaluate} gives for the rows.
     *
     * @param schema names the columns, for messages
     * @param source the data's name, for messages; may be null
     * @param notes notes to start with (how the task was inferred); copied
     */
    public static Evaluation fromStatistics(MulticlassStatistics stats, EvaluationSettings settings, Schema schema, String source,
            List<String> notes) {
        return MulticlassEvaluator.fromStatistics(stats, settings, names(schema, source), new ArrayList<>(notes));
    }

    /** Every regression metric from statistics merged elsewhere; see {@link #fromStatistics(BinaryStatistics, EvaluationSettings, Schema, String, List)}. */
    public static Evaluation fromStatistics(RegressionStatistics stats, Schema schema, List<String> notes) {
        return RegressionEvaluator.fromStatistics(stats, schema.weight() != null, new ArrayList<>(notes));
    }

    /**
     * Why log loss and the Brier score are undefined when the score column holds {@code where} (a value
     * and where it is) outside [0, 1], as {@link #evaluate} says it.
     */
    public static String scoresOutsideUnit(Schema schema, String source, String where) {
        return BinaryEvaluator.outsideUnit(names(schema, source), where);
    }

    private static ColumnNames names(Schema schema, String source) {
        return new ColumnNames(source, schema.label(), schema.prediction(), schema.score(), schema.weight(), i -> "row " + (i + 1));
    }
}
