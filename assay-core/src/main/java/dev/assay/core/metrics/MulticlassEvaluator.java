package dev.assay.core.metrics;

import dev.assay.core.chart.Chart;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.MulticlassMetrics.Average;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiclass evaluation: every metric from predicted classes comes from one confusion matrix over
 * the classes that occur as truth or prediction (as scikit-learn's {@code unique_labels}); the
 * probability metrics come from {@link ClassProbabilityMetrics}.
 */
final class MulticlassEvaluator {
    /** The metrics computed from class probabilities rather than predicted classes. */
    private static final List<String> PROBABILITY_IDS = List.of("roc_auc_ovr", "average_precision_macro",
            "average_precision_weighted", "log_loss");

    private MulticlassEvaluator() {
    }

    /**
     * Reads the class probability columns, in class order, and evaluates; without a prediction
     * column each row is predicted as the class of highest probability.
     */
    static Evaluation fromFrame(Frame frame, Map<String, String> probabilityColumns, EvaluationSettings settings,
            ColumnNames names, ClassEncoding.Encoded labels, ClassEncoding.Encoded predictions, double[] weight,
            List<String> notes) {
        Map<String, double[]> probabilityValues = new LinkedHashMap<>();
        probabilityColumns.forEach((cls, column) -> probabilityValues.put(cls,
                frame.numeric(column, "probability of class '" + Excerpt.of(cls) + "'").toArray()));
        boolean derivedPrediction = false;
        if (predictions == null && !probabilityValues.isEmpty()) {
            predictions = argmaxPrediction(frame.rowCount(), probabilityValues, labels.numbers() != null);
            derivedPrediction = true;
        }
        List<String> probabilityClasses = new ArrayList<>(probabilityColumns.keySet());
        ClassEncoding.Classes classes = ClassEncoding.union(labels, predictions, List.of());
        int[] truth = ClassEncoding.classCodes(labels, classes.labelToClass());
        int[] predicted = predictions == null ? null : ClassEncoding.classCodes(predictions, classes.predictionToClass());
        List<String> probabilityNames = new ArrayList<>();
        double[][] probabilities = null;
        if (!probabilityColumns.isEmpty()) {
            probabilityClasses.sort(classes.numeric() && probabilityClasses.stream().allMatch(ClassEncoding::isNumber)
                    ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
            probabilities = new double[probabilityClasses.size()][];
            for (int c = 0; c < probabilityClasses.size(); c++) {
                probabilities[c] = probabilityValues.get(probabilityClasses.get(c));
                probabilityNames.add(probabilityColumns.get(probabilityClasses.get(c)));
            }
            if (classes.numeric()) {
                probabilityClasses.replaceAll(p -> ClassEncoding.isNumber(p) ? ClassEncoding.format(Double.parseDouble(p)) : p);
            }
        }
        return evaluate(truth, predicted, derivedPrediction, classes.names(), probabilities, probabilityClasses,
                probabilityNames, weight, settings, names, notes);
    }

    /** The class of highest probability per row (ties: the first in sorted class order), encoded like a prediction column. */
    private static ClassEncoding.Encoded argmaxPrediction(int rows, Map<String, double[]> probabilities, boolean numericLabel) {
        List<String> classes = new ArrayList<>(probabilities.keySet());
        double[][] p = classes.stream().map(probabilities::get).toArray(double[][]::new);
        List<String> sorted = new ArrayList<>(classes);
        sorted.sort(numericLabel && classes.stream().allMatch(ClassEncoding::isNumber)
                ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        int[] order = sorted.stream().mapToInt(classes::indexOf).toArray();
        String[] out = new String[rows];
        for (int i = 0; i < out.length; i++) {
            int best = -1;
            double bestP = Double.NEGATIVE_INFINITY;
            for (int c : order) {
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

    /**
     * Checks the class indices, predicts the class of highest probability when no predictions are
     * given, and keeps only the classes that occur.
     */
    static Evaluation fromIndices(int[] truth, int[] predicted, List<String> classes, double[][] probabilities,
            double[] weight, EvaluationSettings settings) {
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
                InputChecks.checkLength("probabilities[" + c + "]", probabilities[c].length, truth.length);
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
        }
        if (decided != null) {
            InputChecks.checkLength("predicted", decided.length, truth.length);
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
        return evaluate(truthCodes, predictedCodes, predicted == null && probabilities != null, present, probabilities, probabilities == null ? List.of() : classes,
                probabilityNames, weight, settings, ColumnNames.ARRAYS, notes);
    }

    private static Evaluation evaluate(int[] truth, int[] predicted, boolean derivedPrediction, List<String> classes,
            double[][] probabilities, List<String> probabilityClasses, List<String> probabilityColumns, double[] weight,
            EvaluationSettings settings, ColumnNames names, List<String> notes) {
        int n = truth.length;
        if (weight != null) {
            InputChecks.checkLength("weight", weight.length, n);
        }
        InputChecks.checkWeights(weight, names);
        if (probabilities != null) {
            for (int c = 0; c < probabilities.length; c++) {
                InputChecks.checkLength(probabilityColumns.get(c), probabilities[c].length, n);
                InputChecks.checkNotNaN(probabilities[c], probabilityColumns.get(c),
                        "probability of class '" + Excerpt.of(probabilityClasses.get(c)) + "'",
                        names, "Every evaluated row needs a probability for each class: drop these rows or fill them in.");
            }
        }
        long[] labelRows = new long[classes.size()];
        for (int t : truth) {
            labelRows[t]++;
        }
        ConfusionMatrix m = null;
        if (predicted != null) {
            ConfusionAccumulator counts = new ConfusionAccumulator(classes.size());
            counts.addAll(truth, predicted, weight, 0, n);
            m = counts.result();
        }
        MulticlassStatistics.Probabilities p = probabilities == null ? null : ClassProbabilityMetrics.statistics(truth, classes,
                probabilities, probabilityClasses, probabilityColumns, weight);
        return fromStatistics(new MulticlassStatistics(classes, n, labelRows, m, derivedPrediction, weight != null, p), settings, names, notes);
    }

    /** Every multiclass metric from the merged statistics of the rows. */
    static Evaluation fromStatistics(MulticlassStatistics s, EvaluationSettings settings, ColumnNames names, List<String> notes) {
        if (s.predictedFromProbabilities()) {
            notes.add(names == ColumnNames.ARRAYS ? "No predictions given: each row is predicted as the class of highest probability."
                    : "No prediction column: each row is predicted as the class of highest probability.");
        }
        List<String> problems = new ArrayList<>();
        if (s.rows() == 0) {
            return new ComputedEvaluation(Task.MULTICLASS, 0,
                    InputChecks.allUndefined(Task.MULTICLASS, "there are no rows to evaluate."),
                    notes, problems, List.of(), List.of());
        }
        ZeroDivision zd = settings.zeroDivision();
        List<String> classes = s.classes();
        Map<String, MetricValue> values = new HashMap<>();
        List<EvidenceTable> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        ConfusionCounts confusion = null;
        List<MulticlassMetrics.ClassReport> perClass = List.of();
        ConfusionMatrix m = s.confusion();
        if (m != null) {
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
            perClass = MulticlassMetrics.report(m, classes, zd);
            tables.add(MetricCharts.classReport(perClass));
            charts.add(MetricCharts.confusionHeatmap(m, classes));
            confusion = new ConfusionCounts(classes, m.toArray(), s.weighted());
        } else {
            for (String id : MetricCatalog.ids(Task.MULTICLASS)) {
                if (!PROBABILITY_IDS.contains(id)) {
                    values.put(id, MetricValue.undefined(id, id + " needs predicted classes: name a prediction column or class probability columns."));
                }
            }
        }
        if (s.probabilities() == null) {
            for (String id : PROBABILITY_IDS) {
                values.put(id, MetricValue.undefined(id, id + " needs class probabilities: name a probability column for each class."));
            }
        } else {
            ClassProbabilityMetrics.compute(s, names, values, problems);
        }
        return new ComputedEvaluation(Task.MULTICLASS, s.rows(), values, notes, problems, tables, charts, confusion, perClass);
    }
}
