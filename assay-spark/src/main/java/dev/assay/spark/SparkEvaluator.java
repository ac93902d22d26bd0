package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.metrics.BinaryStatistics;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricCharts;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.PositiveClass;
import dev.assay.core.metrics.RegressionStatistics;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import scala.Tuple2;

/**
 * The {@link Evaluation} of a binary or regression task computed on Spark from merged statistics:
 * a first aggregation finds the classes (binary), {@link PartitionFold} folds each partition into the
 * accumulators of assay-core ({@link BinaryFolder}, {@link RegressionFolder}), {@link DistinctScoreSweep}
 * gives exact ROC AUC and average precision, and {@link Evaluator#fromStatistics} derives every metric
 * as it does locally. The driver holds accumulators and per-partition totals, never rows.
 */
final class SparkEvaluator {
    /** Rows drawn for the residual chart. */
    private static final int RESIDUAL_POINTS = 2000;

    private SparkEvaluator() {
    }

    /**
     * Whether {@code check} takes its evaluation from this class: a metric check (on all rows, or on
     * the rows of its {@code where} selected by {@link SparkSlice}) of a binary task (with any intervals;
     * no percentile ones when the scores are class probability columns), a multiclass or inferred task
     * (Wilson or BCa intervals if any), or a regression task, weighted or not (BCa intervals if any).
     */
    static boolean handles(Check check, Schema schema) {
        if (!(check instanceof MetricCheck m)) {
            return false;
        }
        Task task = m.evaluationSettings().task();
        IntervalSettings ci = m.intervalSettings();
        // Wilson comes from the counts; BCa from core on at most MetricIntervals.bcaMaxRows() rows (MetricStatistics)
        boolean noPoisson = ci == null || !ci.method().resamples() || ci.method() == IntervalMethod.BCA;
        if (task == null) {
            return noPoisson;
        }
        switch (task) {
            case BINARY:
                return schema.classProbabilities().isEmpty() || noPoisson;
            case MULTICLASS:
                return noPoisson;
            default:
                return ci == null || ci.method() == IntervalMethod.BCA;
        }
    }

    /** The evaluation of {@code data}; see {@link #handles}. */
    static Evaluation evaluate(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source) {
        requireColumns(data, schema, source);
        Task task = settings.task();
        List<String> notes = new ArrayList<>();
        if (task == null) {
            SparkTasks inferred = SparkTasks.infer(data, schema, settings, source);
            task = inferred.task();
            notes.add(inferred.note());
        }
        if (task == Task.REGRESSION) {
            return regression(data, schema, source, notes);
        }
        if (schema.prediction() == null && schema.score() == null && schema.classProbabilities().isEmpty()) {
            throw new InvalidInputException("Nothing to evaluate in " + source + ": no prediction, score or class probability column"
                    + " is set. Name the column(s) that hold the model's predictions.");
        }
        if (task == Task.MULTICLASS) {
            return SparkMulticlass.evaluate(data, schema, settings, source, notes);
        }
        return binary(data, schema, settings, source, notes);
    }

    /**
     * The positive and negative class of a binary task and the note saying which is positive and why.
     *
     * @param positive the label value counted as positive
     * @param negative the other class ("not X" when the data holds only X)
     * @param note which class is positive and why
     * @param positives the rows whose label is the positive class
     */
    record BinaryEncoding(String positive, String negative, String note, long positives) {
    }

    /** The classes of {@code data}'s label and prediction and the positive one, as the local evaluation chooses it. */
    static BinaryEncoding encoding(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source) {
        requireColumns(data, schema, source);
        return encoding(SparkClasses.of(data, schema.label(), schema.prediction(), source), schema, settings, source);
    }

    /** The positive and negative class of rows whose classes are {@code found}, as the local evaluation chooses them. */
    static BinaryEncoding encoding(SparkClasses found, Schema schema, EvaluationSettings settings, String source) {
        List<String> classes = new ArrayList<>(found.classes());
        String positive;
        String why;
        if (settings.positiveClass() != null) {
            positive = settings.positiveClass();
            why = "as given";
            requirePositiveInLabel(found, schema, settings, source);
        } else {
            long[] counts = classes.stream().mapToLong(c -> found.labelRows().getOrDefault(c, 0L)).toArray();
            PositiveClass p = PositiveClass.choose(classes, counts);
            positive = p.name();
            why = p.why();
        }
        if (classes.size() > 2) {
            throw new InvalidInputException("Column '" + Excerpt.of(schema.label()) + "' (label)" + (schema.prediction() == null ? ""
                    : " and column '" + Excerpt.of(schema.prediction()) + "' (prediction)") + " of " + source + " hold "
                    + classes.size() + " classes " + classes + ", but the task is binary. Set the task to multiclass, or map"
                    + " the classes to two.");
        }
        String negative = classes.size() == 2 ? classes.get(1 - classes.indexOf(positive)) : "not " + positive;
        return new BinaryEncoding(positive, negative, "Positive class '" + Excerpt.of(positive) + "' (" + why
                + (settings.positiveClass() == null ? "; set positive to change)." : ")."),
                found.labelRows().getOrDefault(positive, 0L));
    }

    /** Refuses a positive class that the label does not hold. */
    static void requirePositiveInLabel(SparkClasses found, Schema schema, EvaluationSettings settings, String source) {
        String positive = settings.positiveClass();
        if (positive != null && !found.labelRows().containsKey(positive)) {
            throw new InvalidInputException("The positive class '" + Excerpt.of(positive) + "' does not occur in column '"
                    + Excerpt.of(schema.label()) + "' (label) of " + source + ", whose classes are " + found.labelRows().keySet()
                    + ". Set positive to one of them.");
        }
    }

    /**
     * A binary task: the schema's score column, else the positive class's probability column (as
     * locally, with the same note), folded with the confusion counts; the ranking swept exactly.
     */
    private static Evaluation binary(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source,
            List<String> notes) {
        BinaryEncoding classes = encoding(data, schema, settings, source);
        notes.add(classes.note());
        Schema scored = schema;
        if (schema.score() == null) {
            String column = probabilityColumn(data, schema, classes.positive());
            if (column != null) {
                scored = schema.toBuilder().score(column).build();
                notes.add("Scores: column '" + Excerpt.of(column) + "', the probability of the positive class.");
            }
        }
        return binaryScored(data, scored, settings, source, classes, notes);
    }

    /** The positive class's probability column: its key equals the class, or both are the same number for numeric classes. */
    private static String probabilityColumn(Dataset<Row> data, Schema schema, String positive) {
        String column = schema.classProbabilities().get(positive);
        boolean numeric = isNumeric(data, schema.label()) && (schema.prediction() == null || isNumeric(data, schema.prediction()));
        if (column == null && numeric) {
            for (Map.Entry<String, String> e : schema.classProbabilities().entrySet()) {
                if (SparkClasses.isNumber(e.getKey()) && Evaluator.className(Double.parseDouble(e.getKey())).equals(positive)) {
                    column = e.getValue();
                }
            }
        }
        return column;
    }

    private static Evaluation binaryScored(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source,
            BinaryEncoding classes, List<String> notes) {
        String positive = classes.positive();
        Dataset<Row> rows = data.select(SparkColumns.col(schema.label()), SparkColumns.col(schema.prediction()),
                SparkColumns.col(schema.score()), SparkColumns.col(schema.weight()));
        BinaryFolder.Partial p = PartitionFold.fold(rows, new BinaryFolder(positive, schema.prediction() != null,
                schema.score() != null, schema.weight() != null, settings.threshold()));
        return fromPartial(p, () -> ranking(rows, positive, schema.weight() != null, data.rdd().getNumPartitions()), classes,
                schema, settings, source, notes);
    }

    /**
     * The evaluation of rows folded into {@code p}, whose classes are {@code classes}; {@code ranking} ranks
     * their scores, asked for once the rows are known to be complete; {@code notes} start the evaluation's notes.
     *
     * @throws InvalidInputException for missing labels, predictions or scores, or bad weights, as locally
     */
    static Evaluation fromPartial(BinaryFolder.Partial p, java.util.function.Supplier<BinaryRanking> ranking, BinaryEncoding classes,
            Schema schema, EvaluationSettings settings, String source, List<String> notes) {
        requireComplete(p.missingLabels, schema.label(), "label", source, "Every evaluated row needs a label: drop these rows or fill in the label.");
        requireComplete(p.missingPredictions, schema.prediction(), "prediction", source,
                "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        requireComplete(p.missingScores, schema.score(), "score", source, "Every evaluated row needs a score: drop these rows or fill in the score.");
        requireWeights(p.badWeights, schema.weight() != null && p.rows > 0 && !(p.totalWeight > 0), schema.weight(), source);
        String positive = classes.positive();
        String lossProblem = null;
        BinaryRanking ranked = null;
        if (schema.score() != null) {
            ranked = ranking.get();
            if (p.rows > 0 && (p.minScore < 0 || p.maxScore > 1)) {
                lossProblem = Evaluator.scoresOutsideUnit(schema, source, (p.minScore < 0 ? p.minScore : p.maxScore)
                        + " (scores range from " + p.minScore + " to " + p.maxScore + ")");
            }
        }
        BinaryStatistics stats = new BinaryStatistics(positive, classes.negative(), p.rows, p.positives, p.confusion.result(),
                schema.prediction() == null, ranked, schema.score() == null || lossProblem != null ? null : p.losses.result(),
                lossProblem, schema.weight() != null);
        return Evaluator.fromStatistics(stats, settings, schema, source, notes);
    }

    /** Each row's score with [positive weight, negative weight], swept exactly by {@link DistinctScoreSweep}. */
    private static BinaryRanking ranking(Dataset<Row> rows, String positive, boolean weighted, int partitions) {
        JavaPairRDD<Double, double[]> scores = rows.javaRDD().mapToPair(r -> {
            double w = weighted ? ((Number) r.get(3)).doubleValue() : 1;
            boolean pos = positive.equals(SparkClasses.name(r.get(0)));
            return new Tuple2<>(((Number) r.get(2)).doubleValue() + 0.0, pos ? new double[] {w, 0} : new double[] {0, w});
        });
        return DistinctScoreSweep.of(scores, Math.max(1, partitions));
    }

    private static Evaluation regression(Dataset<Row> data, Schema schema, String source, List<String> notes) {
        if (schema.prediction() == null) {
            throw new InvalidInputException("No prediction column is set for " + source + ". Regression metrics compare the label '"
                    + Excerpt.of(schema.label()) + "' with a predicted value: name the prediction column in the schema.");
        }
        Column label = SparkColumns.col(schema.label()).cast("double");
        Column prediction = SparkColumns.col(schema.prediction()).cast("double");
        boolean weighted = schema.weight() != null;
        Dataset<Row> rows = weighted ? data.select(label, prediction, SparkColumns.col(schema.weight()).cast("double"))
                : data.select(label, prediction);
        RegressionFolder.Partial p = PartitionFold.fold(rows, new RegressionFolder(weighted));
        requireComplete(p.missingLabels, schema.label(), "label", source, "Every evaluated row needs a label: drop these rows or fill in the label.");
        requireComplete(p.missingPredictions, schema.prediction(), "prediction", source,
                "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        if (p.infinite > 0) {
            throw new InvalidInputException("Columns '" + Excerpt.of(schema.label()) + "' (label) and '" + Excerpt.of(schema.prediction())
                    + "' (prediction) of " + source + " hold " + p.infinite + " infinite values; regression metrics need finite"
                    + " values. Drop or fix these rows.");
        }
        long n = p.errors.result().rows();
        requireWeights(p.badWeights, weighted && n > 0 && !p.positiveWeight, schema.weight(), source);
        MetricValue median;
        String how = weighted ? "the weighted median of the absolute errors sorted across partitions" : "Spark's percentile aggregate";
        if (n == 0) {
            median = MetricValue.undefined("median_absolute_error", "median_absolute_error needs at least one row.");
        } else if (weighted) {
            JavaPairRDD<Double, Double> errors = rows.javaRDD().mapToPair(r -> new Tuple2<>(Math.abs(r.getDouble(0) - r.getDouble(1))
                    + 0.0, r.getDouble(2)));
            try (SortedValues sorted = SortedValues.of(errors, Math.max(1, data.rdd().getNumPartitions()))) {
                median = MetricValue.of("median_absolute_error", sorted.weightedMedian());
            }
        } else {
            Row m = rows.select(functions.expr("percentile(abs(`" + rows.columns()[0].replace("`", "``") + "` - `"
                    + rows.columns()[1].replace("`", "``") + "`), 0.5)")).first();
            median = MetricValue.of("median_absolute_error", m.getDouble(0));
        }
        double fraction = Math.min(1.0, 2.0 * RESIDUAL_POINTS / Math.max(1, n));
        List<Row> sample = rows.sample(false, fraction, 1L).limit(RESIDUAL_POINTS).collectAsList();
        double[] truth = sample.stream().mapToDouble(r -> r.getDouble(0)).toArray();
        double[] predicted = sample.stream().mapToDouble(r -> r.getDouble(1)).toArray();
        notes.add("median_absolute_error: exact (" + how + "); the residual chart shows a random sample of "
                + truth.length + " of the " + n + " rows.");
        RegressionStatistics stats = new RegressionStatistics(p.errors.result(), median,
                n == 0 ? null : MetricCharts.residuals(truth, predicted));
        return Evaluator.fromStatistics(stats, schema, notes);
    }

    /** Refuses missing, negative or infinite weights ({@code bad} of them), or only zero weights. */
    static void requireWeights(long bad, boolean allZero, String column, String source) {
        if (bad > 0 || allZero) {
            throw new InvalidInputException("Column '" + Excerpt.of(column) + "' (weight) of " + source + " holds "
                    + (bad > 0 ? bad + " missing, negative or infinite weights" : "only zero weights")
                    + ". Sample weights must be finite, non-negative and not all zero: fix or drop these rows.");
        }
    }

    private static void requireColumns(Dataset<Row> data, Schema schema, String source) {
        List<String> have = Arrays.asList(data.columns());
        if (schema.label() == null) {
            throw new InvalidInputException("No label column is set for " + source + ". Evaluation compares predictions with the"
                    + " true outcome: name the label column in the schema.");
        }
        List<String> needed = new ArrayList<>(Arrays.asList(schema.label(), schema.prediction(), schema.score(), schema.weight()));
        needed.addAll(schema.classProbabilities().values());
        for (String c : needed) {
            if (c != null && !have.contains(c)) {
                throw new InvalidInputException("Column '" + Excerpt.of(c) + "' is not in " + source + ", whose columns are "
                        + have + ". Name an existing column in the suite's columns section.");
            }
        }
    }


    /** "Column 'name' (role) of source", leaving out the role when it is the name, as the local evaluation names a column. */
    static String column(String name, String role, String source) {
        return "Column '" + Excerpt.of(name) + "'" + (role == null || role.equals(name) ? "" : " (" + role + ")") + " of " + source;
    }

    /** Whether {@code column} of {@code data} holds numbers. */
    static boolean isNumeric(Dataset<Row> data, String column) {
        return data.schema().apply(column).dataType() instanceof NumericType;
    }

    static void requireComplete(long missing, String column, String role, String source, String fix) {
        if (missing > 0) {
            throw new InvalidInputException("Column '" + Excerpt.of(column) + "' (" + role + ") of " + source + " has " + missing
                    + " missing value" + (missing == 1 ? "" : "s") + ". " + fix);
        }
    }
}
