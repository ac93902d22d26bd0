package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MulticlassStatistics;
import dev.assay.core.metrics.MulticlassStatistics.ClassRanking;
import dev.assay.core.metrics.MulticlassStatistics.Offending;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The {@link Evaluation} of a multiclass task on Spark from merged statistics: one aggregation finds
 * the classes ({@link SparkClasses}), one {@link PartitionFold} counts the confusion matrix and the log
 * loss sums ({@link MulticlassFolder}), and one {@link DistinctScoreSweep} ranks every class's probability
 * against the rest (curve = class, score = its probability) for roc_auc_ovr and average precision;
 * {@link Evaluator#fromStatistics(MulticlassStatistics, EvaluationSettings, Schema, String, List)} derives
 * every metric as the local run does. Classes are ordered and named as locally: numerically when the
 * label (and the prediction, or every probability class) is numeric, else as text.
 */
final class SparkMulticlass {
    private SparkMulticlass() {
    }

    /** The evaluation of {@code data}, whose columns are checked; {@code notes} come first (how the task was inferred). */
    static Evaluation evaluate(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source, List<String> notes) {
        Map<String, String> probabilityColumns = schema.classProbabilities();
        if (schema.score() != null) {
            throw new InvalidInputException(SparkEvaluator.column(schema.score(), "score", source) + " scores one positive class,"
                    + " which a multiclass task cannot use. Give one probability column per class instead, or set the task to binary.");
        }
        SparkClasses found = SparkClasses.of(data, schema.label(), schema.prediction(), source);
        SparkEvaluator.requirePositiveInLabel(found, schema, settings, source);
        boolean argmax = schema.prediction() == null;
        boolean labelNumeric = SparkEvaluator.isNumeric(data, schema.label());
        boolean numeric = labelNumeric && (argmax ? probabilityColumns.keySet().stream().allMatch(SparkClasses::isNumber)
                : SparkEvaluator.isNumeric(data, schema.prediction()));
        List<String> keys = new ArrayList<>(probabilityColumns.keySet());
        keys.sort(numeric && keys.stream().allMatch(SparkClasses::isNumber) ? Comparator.comparingDouble(Double::parseDouble)
                : Comparator.naturalOrder());
        List<String> probabilityClasses = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<Column> select = new ArrayList<>(List.of(SparkColumns.col(schema.label()), SparkColumns.col(schema.prediction()),
                SparkColumns.col(schema.weight())));
        for (String key : keys) {
            String name = numeric && SparkClasses.isNumber(key) ? Evaluator.className(Double.parseDouble(key)) : key;
            String column = probabilityColumns.get(key);
            if (!SparkEvaluator.isNumeric(data, column)) {
                throw new InvalidInputException(SparkEvaluator.column(column, "probability of class '" + Excerpt.of(name) + "'", source)
                        + " must be numeric, but it holds Spark type " + data.schema().apply(column).dataType().simpleString()
                        + ". Declare the column numeric when reading the data (e.g. inferSchema), or cast it.");
            }
            probabilityClasses.add(name);
            columns.add(column);
            select.add(SparkColumns.col(column).cast("double"));
        }
        TreeSet<String> all = new TreeSet<>(found.classes());
        if (argmax) {
            all.addAll(probabilityClasses);
        }
        List<String> candidates = new ArrayList<>(all);
        candidates.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        Dataset<Row> rows = data.select(select.toArray(Column[]::new));
        MulticlassFolder.Partial p = PartitionFold.fold(rows, new MulticlassFolder(candidates, probabilityClasses, !argmax,
                schema.weight() != null));
        SparkEvaluator.requireComplete(p.missingLabels, schema.label(), "label", source,
                "Every evaluated row needs a label: drop these rows or fill in the label.");
        SparkEvaluator.requireComplete(p.missingPredictions, schema.prediction(), "prediction", source,
                "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        SparkEvaluator.requireWeights(p.badWeights, schema.weight() != null && p.rows > 0 && !(p.totalWeight > 0), schema.weight(),
                source);
        requireProbabilities(rows, p, probabilityClasses, columns, source);

        List<String> present = new ArrayList<>();
        int[] toPresent = new int[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            toPresent[c] = p.labelRows[c] > 0 || p.predictedRows[c] > 0 ? present.size() : -1;
            if (toPresent[c] >= 0) {
                present.add(candidates.get(c));
            }
        }
        long[] labelRows = new long[present.size()];
        for (int c = 0; c < candidates.size(); c++) {
            if (toPresent[c] >= 0) {
                labelRows[toPresent[c]] = p.labelRows[c];
            }
        }
        ConfusionMatrix confusion = present.isEmpty() ? null : compact(p.confusion.result(), toPresent, present.size());
        List<String> allNotes = new ArrayList<>(notes);
        MulticlassStatistics.Probabilities probabilities = keys.isEmpty() ? null : probabilities(rows, p, present, labelRows,
                probabilityClasses, columns, schema.weight() != null, allNotes);
        MulticlassStatistics stats = new MulticlassStatistics(present, p.rows, labelRows, confusion, argmax, schema.weight() != null,
                probabilities);
        return Evaluator.fromStatistics(stats, settings, schema, source, allNotes);
    }

    /** The confusion matrix over the candidate classes, kept to those that occur (each cell added once, so equal). */
    private static ConfusionMatrix compact(ConfusionMatrix full, int[] toPresent, int k) {
        ConfusionAccumulator out = new ConfusionAccumulator(k);
        for (int t = 0; t < toPresent.length; t++) {
            for (int q = 0; q < toPresent.length; q++) {
                double v = full.count(t, q);
                if (v != 0) {
                    out.add(toPresent[t], toPresent[q], v);
                }
            }
        }
        return out.result();
    }

    private static void requireProbabilities(Dataset<Row> rows, MulticlassFolder.Partial p, List<String> classes, List<String> columns,
            String source) {
        for (int c = 0; c < columns.size(); c++) {
            long missing = p.missingProbabilities[c];
            if (missing > 0) {
                int at = MulticlassFolder.FIRST_PROBABILITY + c;
                FirstRow first = FirstRow.of(rows, r -> r.isNullAt(at) || Double.isNaN(r.getDouble(at)));
                throw new InvalidInputException(SparkEvaluator.column(columns.get(c), "probability of class '"
                        + Excerpt.of(classes.get(c)) + "'", source) + " has " + missing + " missing value" + (missing == 1 ? "" : "s")
                        + " (empty or NaN); the first is in row " + (first.index() + 1) + ". Every evaluated row needs a probability"
                        + " for each class: drop these rows or fill them in.");
            }
        }
    }

    /** The probability statistics: the loss sums, the first offending rows, and the one-vs-rest rankings when defined. */
    private static MulticlassStatistics.Probabilities probabilities(Dataset<Row> rows, MulticlassFolder.Partial p, List<String> classes,
            long[] labelRows, List<String> probabilityClasses, List<String> columns, boolean weighted, List<String> notes) {
        int pk = probabilityClasses.size();
        int first = MulticlassFolder.FIRST_PROBABILITY;
        Set<String> uncovered = new TreeSet<>();
        for (int c = 0; c < classes.size(); c++) {
            if (labelRows[c] > 0 && !probabilityClasses.contains(classes.get(c))) {
                uncovered.add(classes.get(c));
            }
        }
        long firstUncovered = uncovered.isEmpty() ? -1 : FirstRow.of(rows, r -> uncovered.contains(SparkClasses.name(r.get(0)))).index();
        Offending outside = null;
        for (int c = 0; c < pk && outside == null; c++) {
            if (p.outside[c] > 0) {
                int at = first + c;
                FirstRow r = FirstRow.of(rows, x -> x.getDouble(at) < 0 || x.getDouble(at) > 1);
                outside = new Offending(c, r.index(), r.row().getDouble(at));
            }
        }
        Offending badSum = null;
        if (p.badSums > 0) {
            FirstRow r = FirstRow.of(rows, x -> !(Math.abs(sum(x, pk) - 1) <= Evaluator.PROBABILITY_SUM_TOLERANCE));
            badSum = new Offending(-1, r.index(), sum(r.row(), pk));
        }
        boolean ranked = pk >= 2 && uncovered.isEmpty() && probabilityClasses.stream().allMatch(k -> classes.contains(k)
                && labelRows[classes.indexOf(k)] > 0);
        List<ClassRanking> rankings = ranked ? rankings(rows, probabilityClasses, weighted, notes) : null;
        return new MulticlassStatistics.Probabilities(probabilityClasses, columns, firstUncovered, outside, badSum,
                uncovered.isEmpty() && outside == null ? p.losses.result() : null, rankings);
    }

    /** A row's probabilities summed in class order, as locally. */
    private static double sum(Row r, int pk) {
        double s = 0;
        for (int c = 0; c < pk; c++) {
            s += r.getDouble(MulticlassFolder.FIRST_PROBABILITY + c);
        }
        return s;
    }

    /** Every class's probability ranked against the rest, all classes in one sort of the distinct (class, probability) keys. */
    private static List<ClassRanking> rankings(Dataset<Row> rows, List<String> probabilityClasses, boolean weighted, List<String> notes) {
        String[] names = probabilityClasses.toArray(String[]::new);
        JavaPairRDD<DistinctScoreSweep.CurveScore, double[]> scores = rows.javaRDD().flatMapToPair(r -> {
            String label = SparkClasses.name(r.get(0));
            double w = weighted ? ((Number) r.get(2)).doubleValue() : 1;
            List<Tuple2<DistinctScoreSweep.CurveScore, double[]>> out = new ArrayList<>(names.length);
            for (int c = 0; c < names.length; c++) {
                double v = r.getDouble(MulticlassFolder.FIRST_PROBABILITY + c);
                out.add(new Tuple2<>(new DistinctScoreSweep.CurveScore(c, v), names[c].equals(label) ? new double[] {w, 0}
                        : new double[] {0, w}));
            }
            return out.iterator();
        });
        int partitions = Math.max(1, rows.rdd().getNumPartitions());
        // one chart point per partition and curve keeps each curve's totals (its last point), which weight average_precision_weighted
        Map<Integer, BinaryRanking> swept = DistinctScoreSweep.of(scores, partitions, 1);
        List<ClassRanking> out = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            BinaryRanking r = swept.get(c);
            out.add(new ClassRanking(r.chart().positives(), r.rocAuc().value(), r.averagePrecision().value()));
        }
        notes.add("roc_auc_ovr, average_precision_macro and average_precision_weighted: exact, from the distinct probabilities of"
                + " each of the " + names.length + " classes swept in order across " + partitions + " Spark partitions.");
        return out;
    }
}
