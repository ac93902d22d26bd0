package dev.assay.core.metrics;

import dev.assay.core.chart.Chart;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.MulticlassMetrics.Average;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.RegressionAccumulator;
import dev.assay.core.stats.RegressionErrors;
import dev.assay.core.stats.ScoreSample;
import dev.assay.core.stats.ValueSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** Column names and data source, for messages. Array input uses generic names. */
    private record Names(String source, String label, String prediction, String score, String weight) {
        static final Names ARRAYS = new Names(null, "truth", "predicted", "score", "weight");

        String column(String name, String role) {
            return "Column '" + name + "'" + (role == null || role.equals(name) ? "" : " (" + role + ")")
                    + (source == null ? "" : " of " + source);
        }
    }

    // ------------------------------------------------------------------ Frame entry

    /**
     * Evaluates the columns named by {@code schema} in {@code frame}.
     *
     * @throws InvalidInputException if a needed column is missing, has the wrong type, or holds
     *     values the task cannot use (missing labels, NaN scores, negative weights, a third class in a
     *     binary task); the message names the column, the first offending row (1-based) and the fix
     */
    public static Evaluation evaluate(Frame frame, Schema schema, EvaluationSettings settings) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(settings, "settings");
        if (schema.label() == null) {
            throw new InvalidInputException("No label column is set" + (frame.source() == null ? "" : " for " + frame.source())
                    + ". Evaluation compares predictions with the true outcome: name the label column in the schema.");
        }
        Names names = new Names(frame.source(), schema.label(), schema.prediction(), schema.score(), schema.weight());
        Column label = frame.column(schema.label(), "label");
        Column prediction = schema.prediction() == null ? null : frame.column(schema.prediction(), "prediction");
        double[] weight = schema.weight() == null ? null : frame.numeric(schema.weight(), "weight").toArray();
        Task task = settings.task();
        List<String> notes = new ArrayList<>();

        if (task == Task.REGRESSION || task == null && looksLikeRegression(label, prediction)) {
            if (task == null) {
                notes.add("Task inferred as regression: column '" + schema.label() + "' is numeric with more than "
                        + EvaluationSettings.MAX_CLASSES_INFERRED + " distinct values; set task to change.");
            }
            double[] truth = frame.numeric(schema.label(), "label").toArray();
            if (prediction == null) {
                throw new InvalidInputException("No prediction column is set" + (frame.source() == null ? "" : " for " + frame.source())
                        + ". Regression metrics compare the label '" + schema.label()
                        + "' with a predicted value: name the prediction column in the schema.");
            }
            double[] predicted = frame.numeric(schema.prediction(), "prediction").toArray();
            return regression(truth, predicted, weight, names, notes);
        }

        ClassEncoding.Encoded labels = ClassEncoding.encode(label);
        requireNoMissing(labels, names, "label", "Every evaluated row needs a label: drop these rows or fill in the label.");
        Map<String, String> probabilityColumns = schema.classProbabilities();
        boolean derivedPrediction = false;
        ClassEncoding.Encoded predictions;
        if (prediction != null) {
            predictions = ClassEncoding.encode(prediction);
            requireNoMissing(predictions, names, "prediction",
                    "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        } else {
            predictions = null;
        }
        if (task == null) {
            List<String> probabilityClasses = probabilityColumns.keySet().stream()
                    .filter(c -> labels.numbers() == null || ClassEncoding.isNumber(c)).toList();
            int distinct = ClassEncoding.union(labels, predictions, probabilityClasses).names().size();
            task = distinct <= 2 ? Task.BINARY : Task.MULTICLASS;
            notes.add("Task inferred as " + task.id() + ": " + distinct + " class" + (distinct == 1 ? "" : "es")
                    + " in the label" + (predictions == null ? "" : probabilityColumns.isEmpty() ? " and prediction" : ", prediction")
                    + (probabilityColumns.isEmpty() ? "" : " and class probability columns") + "; set task to change.");
        }
        if (task == Task.BINARY) {
            return binaryFromFrame(frame, schema, settings, names, labels, predictions, weight, notes);
        }
        if (predictions == null && !probabilityColumns.isEmpty()) {
            predictions = argmaxPrediction(frame, probabilityColumns, labels.numbers() != null);
            derivedPrediction = true;
        }
        List<String> probabilityClasses = new ArrayList<>(probabilityColumns.keySet());
        ClassEncoding.Classes classes = ClassEncoding.union(labels, predictions, List.of());
        int[] truth = ClassEncoding.classCodes(labels, classes.labelToClass());
        int[] predicted = predictions == null ? null : ClassEncoding.classCodes(predictions, classes.predictionToClass());
        if (derivedPrediction) {
            notes.add("No prediction column: each row is predicted as the class of highest probability.");
        }
        List<String> probabilityNames = new ArrayList<>();
        double[][] probabilities = null;
        if (!probabilityColumns.isEmpty()) {
            probabilityClasses.sort(classes.numeric() && probabilityClasses.stream().allMatch(ClassEncoding::isNumber)
                    ? java.util.Comparator.comparingDouble(Double::parseDouble) : java.util.Comparator.naturalOrder());
            probabilities = new double[probabilityClasses.size()][];
            for (int c = 0; c < probabilityClasses.size(); c++) {
                String column = probabilityColumns.get(probabilityClasses.get(c));
                probabilities[c] = frame.numeric(column, "probability of class '" + probabilityClasses.get(c) + "'").toArray();
                probabilityNames.add(column);
            }
            if (classes.numeric()) {
                probabilityClasses.replaceAll(p -> ClassEncoding.isNumber(p) ? ClassEncoding.format(Double.parseDouble(p)) : p);
            }
        }
        return multiclass(truth, predicted, classes.names(), probabilities, probabilityClasses,
                probabilityNames, weight, settings, names, notes);
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

    private static void requireNoMissing(ClassEncoding.Encoded e, Names names, String role, String fix) {
        if (e.missing() > 0) {
            throw new InvalidInputException(names.column(e.column(), role) + " has " + e.missing() + " missing value"
                    + (e.missing() == 1 ? "" : "s") + " (empty or NaN); the first is in row " + (e.firstMissingRow() + 1)
                    + ". " + fix);
        }
    }

    private static ClassEncoding.Encoded argmaxPrediction(Frame frame, Map<String, String> columns, boolean numericLabel) {
        List<String> classes = new ArrayList<>(columns.keySet());
        double[][] p = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            p[c] = frame.numeric(columns.get(classes.get(c)), "probability of class '" + classes.get(c) + "'").toArray();
        }
        List<String> sorted = new ArrayList<>(classes);
        sorted.sort(numericLabel && classes.stream().allMatch(ClassEncoding::isNumber)
                ? java.util.Comparator.comparingDouble(Double::parseDouble) : java.util.Comparator.naturalOrder());
        String[] out = new String[frame.rowCount()];
        for (int i = 0; i < out.length; i++) {
            int best = -1;
            double bestP = Double.NEGATIVE_INFINITY;
            for (String name : sorted) {
                int c = classes.indexOf(name);
                if (p[c][i] > bestP) {
                    bestP = p[c][i];
                    best = c;
                }
            }
            out[i] = best < 0 ? null : classes.get(best);
        }
        ClassEncoding.Encoded text = ClassEncoding.encode(TextColumn.wrap("argmax", out));
        if (!numericLabel || !text.values().stream().allMatch(ClassEncoding::isNumber)) {
            return text;
        }
        double[] numbers = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            numbers[i] = out[i] == null ? Double.NaN : Double.parseDouble(out[i]);
        }
        return ClassEncoding.encode(NumericColumn.wrap("argmax", numbers));
    }

    private static Evaluation binaryFromFrame(Frame frame, Schema schema, EvaluationSettings settings, Names names,
            ClassEncoding.Encoded labels, ClassEncoding.Encoded predictions, double[] weight, List<String> notes) {
        String requested = settings.positiveClass();
        boolean numeric = labels.numbers() != null && (predictions == null || predictions.numbers() != null);
        if (requested != null && numeric && ClassEncoding.isNumber(requested)) {
            requested = ClassEncoding.format(Double.parseDouble(requested));
        }
        List<String> extra = new ArrayList<>();
        String positive;
        String why;
        ClassEncoding.Classes classes = ClassEncoding.union(labels, predictions, List.of());
        if (requested != null) {
            if (!labels.values().contains(requested) && labels.distinct() >= 2) {
                throw new InvalidInputException("The positive class '" + requested + "' does not occur in "
                        + names.column(names.label(), "label").replaceFirst("^Column", "column") + ", which holds "
                        + quoted(sortedLabelValues(labels, numeric)) + ". Set the positive class to one of these values.");
            }
            positive = requested;
            why = "as given";
            if (!classes.names().contains(requested)) {
                extra.add(requested);
            }
        } else {
            String[] choice = defaultPositive(classes.names(), labels, classes);
            positive = choice[0];
            why = choice[1];
            if (!classes.names().contains(positive)) {
                extra.add(positive);
            }
        }
        if (!extra.isEmpty()) {
            classes = ClassEncoding.union(labels, predictions, extra);
        }
        if (classes.names().size() > 2) {
            throw new InvalidInputException("A binary task needs at most two classes, but "
                    + (predictions == null ? "column '" + names.label() + "'" : "columns '" + names.label() + "' (label) and '"
                    + names.prediction() + "' (prediction)") + (names.source() == null ? "" : " of " + names.source())
                    + (predictions == null ? " holds " : " hold ") + classes.names().size() + ": " + quoted(classes.names())
                    + ". Set the task to multiclass, or keep only the rows of two classes.");
        }
        int positiveClass = classes.names().indexOf(positive);
        String negative = classes.names().size() == 2 ? classes.names().get(1 - positiveClass) : "not " + positive;
        notes.add("Positive class '" + positive + "' (" + why + (requested == null ? "; set positive to change)." : ")."));
        int n = frame.rowCount();
        boolean[] truth = new boolean[n];
        int[] lt = classes.labelToClass();
        for (int i = 0; i < n; i++) {
            truth[i] = lt[labels.codes()[i]] == positiveClass;
        }
        boolean[] predicted = null;
        if (predictions != null) {
            predicted = new boolean[n];
            int[] pt = classes.predictionToClass();
            for (int i = 0; i < n; i++) {
                predicted[i] = pt[predictions.codes()[i]] == positiveClass;
            }
        }
        String scoreColumn = schema.score() != null ? schema.score() : schema.classProbabilities().get(positive);
        if (scoreColumn == null && numeric) {
            for (Map.Entry<String, String> e : schema.classProbabilities().entrySet()) {
                if (ClassEncoding.isNumber(e.getKey()) && ClassEncoding.format(Double.parseDouble(e.getKey())).equals(positive)) {
                    scoreColumn = e.getValue();
                }
            }
        }
        double[] score = null;
        if (scoreColumn != null) {
            score = frame.numeric(scoreColumn, "score").toArray();
            if (schema.score() == null) {
                notes.add("Scores: column '" + scoreColumn + "', the probability of the positive class.");
            }
        }
        Names withScore = new Names(names.source(), names.label(), names.prediction(), scoreColumn, names.weight());
        return binary(truth, score, predicted, weight, settings, positive, negative, withScore, notes);
    }

    private static String[] defaultPositive(List<String> classes, ClassEncoding.Encoded labels, ClassEncoding.Classes c) {
        List<String> lower = classes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (List.of("0", "1").containsAll(classes) || List.of("-1", "1").containsAll(classes)) {
            String kind = classes.contains("-1") ? "-1/1" : "0/1";
            return new String[] {"1", "the default for " + kind + " labels"};
        }
        if (List.of("false", "true").containsAll(lower)) {
            int t = lower.indexOf("true");
            return new String[] {t >= 0 ? classes.get(t) : "true", "the default for boolean labels"};
        }
        if (classes.size() == 1) {
            return new String[] {classes.get(0), "the only class present"};
        }
        long[] counts = new long[classes.size()];
        int[] lt = c.labelToClass();
        for (int code : labels.codes()) {
            counts[lt[code]]++;
        }
        int pick = counts[0] < counts[1] ? 0 : 1;
        String reason = counts[0] == counts[1]
                ? "the classes '" + classes.get(0) + "' and '" + classes.get(1) + "' are equally frequent; the later in sorted order"
                : "the less frequent of '" + classes.get(0) + "', '" + classes.get(1) + "'";
        return new String[] {classes.get(pick), reason};
    }

    private static List<String> sortedLabelValues(ClassEncoding.Encoded labels, boolean numeric) {
        List<String> v = new ArrayList<>(labels.values());
        v.sort(numeric ? java.util.Comparator.comparingDouble(Double::parseDouble) : java.util.Comparator.naturalOrder());
        return v;
    }

    private static String quoted(List<String> values) {
        List<String> shown = values.size() > 20 ? values.subList(0, 20) : values;
        return String.join(", ", shown.stream().map(v -> "'" + v + "'").toList()) + (values.size() > 20 ? ", ..." : "");
    }

    // ------------------------------------------------------------------ shared validation

    private static void checkLength(String what, int length, int expected) {
        if (length != expected) {
            throw new InvalidInputException("The " + what + " array has " + length + " values for " + expected
                    + " rows; every array needs one value per row.");
        }
    }

    private static void checkWeights(double[] weight, Names names) {
        if (weight == null) {
            return;
        }
        for (int i = 0; i < weight.length; i++) {
            double w = weight[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new InvalidInputException(names.column(names.weight(), "weight") + " holds "
                        + (Double.isNaN(w) ? "a missing value (NaN)" : Double.toString(w)) + " in row " + (i + 1)
                        + "; sample weights must be finite numbers >= 0. Fill in or correct the weight, or drop the row.");
            }
        }
    }

    private static void checkNotNaN(double[] values, String column, String role, Names names, String fix) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                int count = 0;
                for (int j = i; j < values.length; j++) {
                    count += Double.isNaN(values[j]) ? 1 : 0;
                }
                throw new InvalidInputException(names.column(column, role) + " has " + count + " missing value"
                        + (count == 1 ? "" : "s") + " (empty or NaN); the first is in row " + (i + 1) + ". " + fix);
            }
        }
    }

    /** The index of the first value outside [0, 1], or -1. */
    private static int firstOutsideUnit(double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v < 0 || v > 1) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, MetricValue> allUndefined(Task task, String reason) {
        Map<String, MetricValue> out = new HashMap<>();
        for (String id : MetricCatalog.ids(task)) {
            out.put(id, MetricValue.undefined(id, id + " is undefined: " + reason));
        }
        return out;
    }

    // ------------------------------------------------------------------ binary

    /**
     * Evaluates binary predictions given as arrays: {@code truth[i]} whether row i is positive,
     * {@code score[i]} its score or positive-class probability (null if none), {@code predicted[i]}
     * whether it was predicted positive (null: {@code score >= settings.threshold()}), {@code
     * weight[i]} its sample weight (null: all 1). The positive class is named {@code
     * settings.positiveClass()} (default "1") and the negative one "0" in notes and charts. Arrays
     * are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, NaN scores, NaN or negative weights
     */
    public static Evaluation binary(boolean[] truth, double[] score, boolean[] predicted, double[] weight,
            EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(settings, "settings");
        String positive = settings.positiveClass() == null ? "1" : settings.positiveClass();
        String negative = positive.equals("0") ? "not 0" : "0";
        return binary(truth, score, predicted, weight, settings, positive, negative, Names.ARRAYS, new ArrayList<>());
    }

    private static Evaluation binary(boolean[] truth, double[] score, boolean[] predicted, double[] weight,
            EvaluationSettings settings, String positive, String negative, Names names, List<String> notes) {
        int n = truth.length;
        if (score != null) {
            checkLength("score", score.length, n);
            checkNotNaN(score, names.score(), "score", names,
                    "Every evaluated row needs a score: drop these rows or fill in the score.");
        }
        if (predicted != null) {
            checkLength("predicted", predicted.length, n);
        }
        if (weight != null) {
            checkLength("weight", weight.length, n);
        }
        checkWeights(weight, names);
        List<String> problems = new ArrayList<>();
        if (n == 0) {
            return new ComputedEvaluation(Task.BINARY, 0, allUndefined(Task.BINARY, "there are no rows to evaluate."),
                    notes, problems, List.of(), List.of());
        }
        ZeroDivision zd = settings.zeroDivision();
        boolean[] decided = predicted;
        if (decided == null && score != null) {
            double threshold = settings.threshold();
            decided = new boolean[n];
            for (int i = 0; i < n; i++) {
                decided[i] = score[i] >= threshold;
            }
            notes.add("No prediction column: a row is predicted '" + positive + "' when its score"
                    + (names == Names.ARRAYS ? "" : " (column '" + names.score() + "')") + " is >= " + threshold + ".");
        }
        Map<String, MetricValue> values = new HashMap<>();
        List<EvidenceTable> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<String> classNames = List.of(negative, positive);

        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        boolean singleClass = positives == 0 || positives == n;
        if (singleClass) {
            String present = positives == 0 ? negative : positive;
            problems.add("Column '" + names.label() + "'" + (names.source() == null ? "" : " of " + names.source())
                    + " holds only the class '" + present + "' (all " + n + " rows). roc_auc and average_precision need both"
                    + " classes and are undefined; the other metrics are computed. Evaluate on data that holds both classes.");
        }

        if (decided != null) {
            ConfusionAccumulator counts = new ConfusionAccumulator(2);
            counts.addBinary(truth, decided, weight, 0, n);
            ConfusionMatrix m = counts.result();
            values.put("accuracy", MulticlassMetrics.accuracy(m));
            values.put("balanced_accuracy", MulticlassMetrics.balancedAccuracy(m, classNames));
            values.put("precision", BinaryMetrics.precision(m, zd));
            values.put("recall", BinaryMetrics.recall(m, zd));
            values.put("f1", BinaryMetrics.fBeta("f1", 1, m, zd));
            values.put("f0.5", BinaryMetrics.fBeta("f0.5", 0.5, m, zd));
            values.put("f2", BinaryMetrics.fBeta("f2", 2, m, zd));
            values.put("specificity", BinaryMetrics.specificity(m, zd));
            values.put("npv", BinaryMetrics.npv(m, zd));
            values.put("fpr", BinaryMetrics.fpr(m, zd));
            values.put("fnr", BinaryMetrics.fnr(m, zd));
            values.put("mcc", MulticlassMetrics.mcc(m));
            values.put("cohen_kappa", MulticlassMetrics.cohenKappa(m));
            values.put("true_positives", MetricValue.of("true_positives", m.count(1, 1)));
            values.put("false_positives", MetricValue.of("false_positives", m.count(0, 1)));
            values.put("true_negatives", MetricValue.of("true_negatives", m.count(0, 0)));
            values.put("false_negatives", MetricValue.of("false_negatives", m.count(1, 0)));
            tables.add(MetricCharts.confusionTable(m, classNames));
            charts.add(MetricCharts.confusionHeatmap(m, classNames));
        } else {
            for (String id : List.of("accuracy", "balanced_accuracy", "precision", "recall", "f1", "f0.5", "f2",
                    "specificity", "npv", "fpr", "fnr", "mcc", "cohen_kappa", "true_positives", "false_positives",
                    "true_negatives", "false_negatives")) {
                values.put(id, MetricValue.undefined(id, id + " needs predicted classes: name a prediction column or a score column."));
            }
        }

        if (score != null) {
            ScoreSample sample = new ScoreSample();
            sample.addAll(truth, score, weight, 0, n);
            RankingCurve curve = sample.result();
            MetricValue auc = BinaryMetrics.rocAuc(curve);
            MetricValue ap = BinaryMetrics.averagePrecision(curve);
            values.put("roc_auc", auc);
            values.put("average_precision", ap);
            if (auc.defined()) {
                charts.add(MetricCharts.roc(curve, auc.value()));
            }
            if (ap.defined()) {
                charts.add(MetricCharts.precisionRecall(curve, ap.value()));
            }
            int outside = firstOutsideUnit(score);
            if (outside >= 0) {
                String reason = names.column(names.score(), "score") + " holds " + score[outside] + " in row " + (outside + 1)
                        + ", outside [0, 1]: log_loss and brier_score need probabilities and are undefined; roc_auc and"
                        + " average_precision only rank the scores and are computed. Give calibrated probabilities"
                        + " (e.g. through a sigmoid) to get them.";
                problems.add(reason);
                values.put("log_loss", MetricValue.undefined("log_loss", reason));
                values.put("brier_score", MetricValue.undefined("brier_score", reason));
            } else {
                ProbabilityLossAccumulator losses = new ProbabilityLossAccumulator();
                losses.addBinary(truth, score, weight, 0, n);
                values.put("log_loss", BinaryMetrics.logLoss(losses.result()));
                values.put("brier_score", BinaryMetrics.brierScore(losses.result()));
            }
        } else {
            for (String id : List.of("roc_auc", "average_precision", "log_loss", "brier_score")) {
                values.put(id, MetricValue.undefined(id, id + " needs scores: name a score column (the probability of '"
                        + positive + "')."));
            }
        }
        return new ComputedEvaluation(Task.BINARY, n, values, notes, problems, tables, charts);
    }

    // ------------------------------------------------------------------ multiclass

    /**
     * Evaluates multiclass predictions given as arrays of class indices into {@code classes}:
     * {@code truth[i]} and {@code predicted[i]} (predicted null: the class of highest probability),
     * {@code probabilities[c][i]} the probability of class c for row i (null if none), {@code
     * weight[i]} (null: all 1). Arrays are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, class indices out of range, NaN
     *     probabilities, NaN or negative weights, or neither predictions nor probabilities
     */
    public static Evaluation multiclass(int[] truth, int[] predicted, List<String> classes, double[][] probabilities,
            double[] weight, EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(settings, "settings");
        int k = classes.size();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k) {
                throw new InvalidInputException("truth[" + i + "] = " + truth[i] + " is not a class index in 0.." + (k - 1)
                        + "; pass the index of the row's class in the class list.");
            }
        }
        if (probabilities != null && probabilities.length != k) {
            throw new InvalidInputException("probabilities has " + probabilities.length + " columns for " + k
                    + " classes; pass one probability array per class, in class order.");
        }
        List<String> notes = new ArrayList<>();
        int[] decided = predicted;
        if (decided == null && probabilities != null) {
            decided = new int[truth.length];
            for (int c = 0; c < k; c++) {
                checkLength("probabilities[" + c + "]", probabilities[c].length, truth.length);
            }
            for (int i = 0; i < truth.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (probabilities[c][i] > probabilities[best][i]) {
                        best = c;
                    }
                }
                decided[i] = best;
            }
            notes.add("No predictions given: each row is predicted as the class of highest probability.");
        }
        if (decided != null) {
            checkLength("predicted", decided.length, truth.length);
            for (int i = 0; i < decided.length; i++) {
                if (decided[i] < 0 || decided[i] >= k) {
                    throw new InvalidInputException("predicted[" + i + "] = " + decided[i] + " is not a class index in 0.."
                            + (k - 1) + "; pass the index of the predicted class in the class list.");
                }
            }
        }
        List<String> probabilityNames = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            probabilityNames.add("probabilities[" + c + "]");
        }
        // as scikit-learn's unique_labels: the classes are those that occur as truth or prediction
        boolean[] used = new boolean[k];
        for (int t : truth) {
            used[t] = true;
        }
        if (decided != null) {
            for (int p : decided) {
                used[p] = true;
            }
        }
        int[] compact = new int[k];
        List<String> present = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            compact[c] = used[c] ? present.size() : -1;
            if (used[c]) {
                present.add(classes.get(c));
            }
        }
        int[] truthCodes = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            truthCodes[i] = compact[truth[i]];
        }
        int[] predictedCodes = null;
        if (decided != null) {
            predictedCodes = new int[decided.length];
            for (int i = 0; i < decided.length; i++) {
                predictedCodes[i] = compact[decided[i]];
            }
        }
        return multiclass(truthCodes, predictedCodes, present, probabilities, probabilities == null ? List.of() : classes,
                probabilityNames, weight, settings, Names.ARRAYS, notes);
    }

    private static Evaluation multiclass(int[] truth, int[] predicted, List<String> classes,
            double[][] probabilities, List<String> probabilityClasses, List<String> probabilityColumns, double[] weight,
            EvaluationSettings settings, Names names, List<String> notes) {
        int n = truth.length;
        if (weight != null) {
            checkLength("weight", weight.length, n);
        }
        checkWeights(weight, names);
        if (probabilities != null) {
            for (int c = 0; c < probabilities.length; c++) {
                checkLength(probabilityColumns.get(c), probabilities[c].length, n);
                checkNotNaN(probabilities[c], probabilityColumns.get(c), "probability of class '" + probabilityClasses.get(c) + "'",
                        names, "Every evaluated row needs a probability for each class: drop these rows or fill them in.");
            }
        }
        List<String> problems = new ArrayList<>();
        if (n == 0) {
            return new ComputedEvaluation(Task.MULTICLASS, 0, allUndefined(Task.MULTICLASS, "there are no rows to evaluate."),
                    notes, problems, List.of(), List.of());
        }
        ZeroDivision zd = settings.zeroDivision();
        int k = classes.size();
        Map<String, MetricValue> values = new HashMap<>();
        List<EvidenceTable> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        if (predicted != null) {
            ConfusionAccumulator counts = new ConfusionAccumulator(k);
            counts.addAll(truth, predicted, weight, 0, n);
            ConfusionMatrix m = counts.result();
            values.put("accuracy", MulticlassMetrics.accuracy(m));
            values.put("balanced_accuracy", MulticlassMetrics.balancedAccuracy(m, classes));
            for (Average a : Average.values()) {
                MetricValue p = MulticlassMetrics.precision(m, classes, a, zd);
                MetricValue r = MulticlassMetrics.recall(m, classes, a, zd);
                MetricValue f = MulticlassMetrics.f1(m, classes, a, zd);
                values.put(p.id(), p);
                values.put(r.id(), r);
                values.put(f.id(), f);
            }
            values.put("mcc", MulticlassMetrics.mcc(m));
            values.put("cohen_kappa", MulticlassMetrics.cohenKappa(m));
            tables.add(MetricCharts.confusionTable(m, classes));
            tables.add(MetricCharts.classReport(MulticlassMetrics.report(m, classes, zd)));
            charts.add(MetricCharts.confusionHeatmap(m, classes));
        } else {
            for (String id : MetricCatalog.ids(Task.MULTICLASS)) {
                if (!id.equals("roc_auc_ovr") && !id.equals("log_loss")) {
                    values.put(id, MetricValue.undefined(id, id + " needs predicted classes: name a prediction column or class probability columns."));
                }
            }
        }
        if (probabilities == null) {
            for (String id : List.of("roc_auc_ovr", "log_loss")) {
                values.put(id, MetricValue.undefined(id, id + " needs class probabilities: name a probability column for each class."));
            }
        } else {
            probabilityMetrics(truth, classes, probabilities, probabilityClasses, probabilityColumns, weight, names,
                    values, problems);
        }
        return new ComputedEvaluation(Task.MULTICLASS, n, values, notes, problems, tables, charts);
    }

    private static void probabilityMetrics(int[] truth, List<String> classes, double[][] probabilities,
            List<String> probabilityClasses, List<String> probabilityColumns, double[] weight, Names names,
            Map<String, MetricValue> values, List<String> problems) {
        int n = truth.length;
        int pk = probabilityClasses.size();
        int[] toProbability = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            toProbability[c] = probabilityClasses.indexOf(classes.get(c));
        }
        boolean[] inLabel = new boolean[classes.size()];
        for (int t : truth) {
            inLabel[t] = true;
        }
        List<String> uncovered = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (inLabel[c] && toProbability[c] < 0) {
                uncovered.add(classes.get(c));
            }
        }
        List<String> absent = new ArrayList<>();
        for (String p : probabilityClasses) {
            int c = classes.indexOf(p);
            if (c < 0 || !inLabel[c]) {
                absent.add(p);
            }
        }
        int outsideColumn = -1;
        int outsideRow = -1;
        for (int c = 0; c < pk && outsideColumn < 0; c++) {
            int r = firstOutsideUnit(probabilities[c]);
            if (r >= 0) {
                outsideColumn = c;
                outsideRow = r;
            }
        }
        int badSumRow = -1;
        double badSum = 0;
        for (int i = 0; i < n && badSumRow < 0; i++) {
            double s = 0;
            for (int c = 0; c < pk; c++) {
                s += probabilities[c][i];
            }
            if (!(Math.abs(s - 1) <= PROBABILITY_SUM_TOLERANCE)) {
                badSumRow = i;
                badSum = s;
            }
        }
        String columnsText = "columns " + quoted(probabilityColumns) + (names.source() == null ? "" : " of " + names.source());

        if (!uncovered.isEmpty()) {
            String reason = "The label holds class" + (uncovered.size() == 1 ? " " : "es ") + quoted(uncovered)
                    + " without a probability column; log_loss and roc_auc_ovr need the probability of every class in the"
                    + " label and are undefined. Name a probability column for each class.";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", reason));
            return;
        }
        if (outsideColumn >= 0) {
            String reason = names.column(probabilityColumns.get(outsideColumn), "probability of class '"
                    + probabilityClasses.get(outsideColumn) + "'") + " holds " + probabilities[outsideColumn][outsideRow]
                    + " in row " + (outsideRow + 1) + ", outside [0, 1]: log_loss needs probabilities and is undefined."
                    + " Give probabilities (e.g. through a softmax).";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
        } else {
            ProbabilityLossAccumulator losses = new ProbabilityLossAccumulator();
            for (int i = 0; i < n; i++) {
                losses.addMulticlass(probabilities, i, toProbability[truth[i]], weight == null ? 1 : weight[i]);
            }
            values.put("log_loss", MulticlassMetrics.logLoss(losses.result()));
        }
        if (!absent.isEmpty()) {
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", "roc_auc_ovr needs every class with a probability"
                    + " column in the label, but " + quoted(absent) + " do" + (absent.size() == 1 ? "es" : "")
                    + " not occur in it."));
        } else if (pk < 2) {
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", "roc_auc_ovr needs at least two classes."));
        } else if (badSumRow >= 0) {
            String reason = "The class probabilities in " + columnsText + " sum to " + badSum + " in row " + (badSumRow + 1)
                    + ", not 1 (within " + PROBABILITY_SUM_TOLERANCE + "): roc_auc_ovr needs probabilities over all classes"
                    + " and is undefined. Give normalised probabilities (e.g. through a softmax) with a column for every class.";
            problems.add(reason);
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", reason));
        } else {
            List<RankingCurve> curves = new ArrayList<>(pk);
            boolean[] isClass = new boolean[n];
            for (int c = 0; c < pk; c++) {
                int cls = classes.indexOf(probabilityClasses.get(c));
                for (int i = 0; i < n; i++) {
                    isClass[i] = truth[i] == cls;
                }
                ScoreSample s = new ScoreSample();
                s.addAll(isClass, probabilities[c], weight, 0, n);
                curves.add(s.result());
            }
            values.put("roc_auc_ovr", MulticlassMetrics.rocAucOvr(curves));
        }
    }

    // ------------------------------------------------------------------ regression

    /**
     * Evaluates regression predictions given as arrays; {@code weight} may be null (all 1). Arrays
     * are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, NaN values, NaN or negative weights
     */
    public static Evaluation regression(double[] truth, double[] predicted, double[] weight, EvaluationSettings settings) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(settings, "settings");
        return regression(truth, predicted, weight, Names.ARRAYS, new ArrayList<>());
    }

    private static Evaluation regression(double[] truth, double[] predicted, double[] weight, Names names, List<String> notes) {
        int n = truth.length;
        checkLength("predicted", predicted.length, n);
        if (weight != null) {
            checkLength("weight", weight.length, n);
        }
        checkNotNaN(truth, names.label(), "label", names, "Every evaluated row needs a label: drop these rows or fill in the label.");
        checkNotNaN(predicted, names.prediction(), "prediction", names,
                "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        checkWeights(weight, names);
        if (n == 0) {
            return new ComputedEvaluation(Task.REGRESSION, 0, allUndefined(Task.REGRESSION, "there are no rows to evaluate."),
                    notes, List.of(), List.of(), List.of());
        }
        RegressionAccumulator acc = new RegressionAccumulator();
        ValueSample absolute = new ValueSample(weight != null);
        for (int i = 0; i < n; i++) {
            double w = weight == null ? 1 : weight[i];
            acc.add(truth[i], predicted[i], w);
            absolute.add(Math.abs(truth[i] - predicted[i]), w);
        }
        RegressionErrors e = acc.result();
        Map<String, MetricValue> values = new HashMap<>();
        values.put("mae", RegressionMetrics.mae(e));
        values.put("mse", RegressionMetrics.mse(e));
        values.put("rmse", RegressionMetrics.rmse(e));
        values.put("r2", RegressionMetrics.r2(e));
        values.put("explained_variance", RegressionMetrics.explainedVariance(e));
        values.put("mape", RegressionMetrics.mape(e));
        values.put("median_absolute_error", RegressionMetrics.medianAbsoluteError(absolute.result()));
        values.put("max_error", RegressionMetrics.maxError(e));
        if (weight != null) {
            notes.add("max_error ignores weights other than excluding rows of weight 0.");
        }
        return new ComputedEvaluation(Task.REGRESSION, n, values, notes, List.of(), List.of(),
                List.of(MetricCharts.residuals(truth, predicted)));
    }
}
