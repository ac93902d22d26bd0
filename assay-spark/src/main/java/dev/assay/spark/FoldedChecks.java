package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.checks.CalibrationTallies;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.fairness.GroupTallies;
import dev.assay.core.result.DatasetInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The kinds whose accumulators Spark folds per partition ({@link PartitionFold}) instead of
 * condensing rows. The check of assay-core runs unchanged on a frame of the distinct classes of the
 * data (so it reads the task and positive class as locally) and takes its numbers from accumulators
 * that this engine puts in the run's store: {@code fairness} of a binary task with a prediction
 * column ({@link GroupTallies}, confusion counts per group) and {@code calibration} with uniform or
 * quantile bins ({@link SparkCalibrationTallies}, per-bin sums); fairness with {@code metrics:} (binary,
 * with or without intervals) and regression fairness ({@code ci: false}) also read per-group evaluations
 * ({@link GroupedChecks}), as do {@code slices}. A check's {@code where} is applied before, by
 * {@link SparkSlice}. Other settings run on condensed rows as before.
 */
final class FoldedChecks {
    /** The note of a check run this way. */
    static final String NOTE = "Run on Spark: each partition was added into the check's accumulators (counts and sums per group"
            + " or bin), merged across partitions; the driver held those, not rows.";

    /**
     * A Spark data set of the run.
     *
     * @param rows the rows
     * @param role {@code current} or {@code reference}
     * @param location where they came from; may be null
     * @param name their name in messages
     */
    record Data(Dataset<Row> rows, String role, String location, String name) {
    }

    private FoldedChecks() {
    }

    /**
     * The context in which {@code check} reads accumulators of {@code current} and {@code reference}
     * (may be null); null when the check is run on condensed rows instead.
     */
    static CheckContext context(Check check, Schema schema, Data current, Data reference, int limit) {
        Map<String, String> settings = check.settings();
        List<String> available = List.of(current.rows().columns());
        if (schema.label() == null || !available.contains(schema.label())) {
            return null;
        }
        boolean fairness = check.kind().equals("fairness") && schema.prediction() != null
                && available.contains(schema.prediction()) && groupsByValue(settings, schema, current.rows());
        boolean calibration = check.kind().equals("calibration") && schema.score() != null && available.contains(schema.score());
        if (check.kind().equals("slices")) {
            return GroupedChecks.slices(check, schema, current, reference, limit);
        }
        if (!fairness && !calibration) {
            return null;
        }
        if (fairness && "regression".equals(settings.get("task"))) {
            return settings.containsKey("metrics") || !"none".equals(settings.get("ci")) ? null
                    : GroupedChecks.regressionFairness(schema, current, limit);
        }
        if (fairness) {
            DistinctValues classes = DistinctValues.of(current.rows(), List.of(schema.label(), schema.prediction()), limit,
                    current.name());
            if (!binary(settings, classes.frame())) {
                return null;
            }
            Schema s = Schema.builder().label(schema.label()).prediction(schema.prediction())
                    .protectedAttributes(schema.protectedAttributes()).build();
            CheckContext context = new CheckContext(dataset(current, classes.frame(), s, classes.total()), null);
            GroupTallies tallies = new SparkGroupTallies(current.rows(), schema.label(), schema.prediction(), classes, limit,
                    current.name());
            context.store(GroupTallies.NAMESPACE).getOrCompute(current.role(), GroupTallies.class, () -> tallies);
            GroupedChecks.storeEvaluations(context, schema, current, classes.total(), limit);
            return context;
        }
        Schema s = Schema.builder().label(schema.label()).score(schema.score()).build();
        dev.assay.core.data.Dataset cur = scored(current, schema, s, limit);
        dev.assay.core.data.Dataset ref = reference == null || !List.of(reference.rows().columns()).containsAll(
                List.of(schema.label(), schema.score())) ? null : scored(reference, schema, s, limit);
        if (cur == null) {
            return null;
        }
        CheckContext context = new CheckContext(cur, ref);
        for (Data d : reference == null || ref == null ? List.of(current) : List.of(current, reference)) {
            DistinctValues labels = DistinctValues.of(d.rows(), List.of(schema.label()), limit, d.name());
            HashMap<Object, String> text = text(labels, 0);
            boolean numeric = labels.numeric()[0];
            Dataset<Row> rows = d.rows().select(SparkGroupTallies.column(schema.label()), SparkGroupTallies.column(schema.score()));
            CalibrationTallies tallies = new SparkCalibrationTallies(rows, text, numeric);
            context.store(CalibrationTallies.NAMESPACE).getOrCompute(d.role(), CalibrationTallies.class, () -> tallies);
        }
        return context;
    }

    /**
     * Whether the fairness check's groups depend on the values alone, so that they can be found from
     * the distinct values: every protected column it compares is in the data, and a numeric one is cut
     * at given edges (quantile bins need every row; those checks run on condensed rows).
     */
    private static boolean groupsByValue(Map<String, String> settings, Schema schema, Dataset<Row> data) {
        String named = settings.getOrDefault("groups", "the protected columns");
        List<String> columns = named.equals("the protected columns") ? schema.protectedAttributes() : List.of(named.split(", "));
        List<String> available = List.of(data.columns());
        for (String c : columns) {
            if (!available.contains(c)) {
                return false;
            }
            boolean numeric = data.schema().apply(c).dataType() instanceof org.apache.spark.sql.types.NumericType;
            if (numeric && !settings.containsKey("edges of " + c)) {
                return false;
            }
        }
        return !columns.isEmpty();
    }

    /** Whether the task is binary: set so, or inferred from at most two classes in label and prediction. */
    static boolean binary(Map<String, String> settings, Frame classes) {
        String task = settings.getOrDefault("task", "inferred");
        Set<String> texts = new HashSet<>();
        for (int r = 0; r < classes.rowCount(); r++) {
            for (Column c : classes.columns()) {
                texts.add(c.format(r));
            }
        }
        return task.equals("binary") || task.equals("inferred") && texts.size() <= 2;
    }

    /**
     * Each label value once with the lowest score of its rows: the frame from which the check reads
     * the task and positive class; null when the task is not binary.
     */
    private static dev.assay.core.data.Dataset scored(Data d, Schema schema, Schema s, int limit) {
        DistinctValues labels = DistinctValues.of(d.rows(), List.of(schema.label()), limit, d.name());
        if (!binary(Map.of(), labels.frame())) {
            return null;
        }
        Map<Object, Double> lowest = new HashMap<>();
        for (Row r : d.rows().groupBy(SparkGroupTallies.column(schema.label()))
                .agg(functions.min(SparkGroupTallies.column(schema.score()))).collectAsList()) {
            lowest.put(GroupTallyFolder.key(r.get(0), labels.numeric()[0]), r.isNullAt(1) ? Double.NaN : ((Number) r.get(1)).doubleValue());
        }
        double[] scores = new double[labels.frame().rowCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = lowest.getOrDefault(labels.key(i, 0), Double.NaN);
        }
        List<Column> columns = new ArrayList<>(labels.frame().columns());
        columns.add(NumericColumn.wrap(schema.score(), scores));
        return dataset(d, Frame.of(d.name(), columns), s, labels.total());
    }

    static dev.assay.core.data.Dataset dataset(Data d, Frame frame, Schema schema, long rows) {
        return new dev.assay.core.data.Dataset(frame, schema, new DatasetInfo(d.role(), d.location(), rows, d.rows().columns().length,
                null));
    }

    /** The class text of each value of column {@code c} of {@code values}, as core reads it. */
    static HashMap<Object, String> text(DistinctValues values, int c) {
        HashMap<Object, String> out = new HashMap<>();
        Column column = values.frame().columns().get(c);
        for (int r = 0; r < values.frame().rowCount(); r++) {
            out.put(values.key(r, c), column.isMissing(r) ? null : column.format(r));
        }
        return out;
    }
}
