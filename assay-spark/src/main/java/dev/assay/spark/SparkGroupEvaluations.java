package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.AttributeLevels;
import dev.assay.core.fairness.GroupEvaluations;
import dev.assay.core.fairness.GroupMetrics;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.RegressionDisparities;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The per-group evaluations of a Spark data set for the {@code fairness} check's {@code metrics:} (binary
 * task) and its regression disparities. The groups come from each protected column's distinct values and
 * their row counts, as core makes them ({@link AttributeLevels#ofDistinct}, {@link Groups#of(List, String)});
 * each group is evaluated from its merged accumulators ({@link BinaryCurves}: a curve per group) or its
 * error sums ({@link RegressionSumsFolder}). Bootstrap intervals of group metrics come from Poisson replicates
 * folded per group ({@link SparkGroupResamples}). The driver holds accumulators, never rows.
 */
final class SparkGroupEvaluations implements GroupEvaluations {
    /** Why regression disparities get no bootstrap interval here. */
    static final String NO_INTERVAL = "bootstrap intervals of regression disparities are not computed on Spark (the rows stay on the"
            + " executors); set ci: false, or run locally for intervals.";

    private final Dataset<Row> data;
    private final Schema schema;
    private final long rows;
    private final int limit;
    private final String source;

    SparkGroupEvaluations(Dataset<Row> data, Schema schema, long rows, int limit, String source) {
        this.data = data;
        this.schema = schema;
        this.rows = rows;
        this.limit = limit;
        this.source = source;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public String noInterval() {
        return NO_INTERVAL;
    }

    @Override
    public GroupMetrics evaluate(List<ProtectedAttribute> grouping, EvaluationSettings settings) {
        if (settings.task() != Task.BINARY) {
            throw new IllegalArgumentException("group metrics of a " + settings.task() + " task are computed from rows");
        }
        List<AttributeLevels> levels = new ArrayList<>();
        GroupCoder coder = coder(grouping, 4, levels);
        Groups groups = Groups.of(levels, source);
        BinaryCurves curves = BinaryCurves.fold(data, schema, grouping.stream().map(ProtectedAttribute::column).toList(), coder,
                settings.positiveClass(), settings.threshold(), source);
        Evaluation overall = curves.evaluate(0, settings);
        int k = groups.groupCount();
        Evaluation[] byGroup = new Evaluation[k];
        String[] refused = new String[k];
        long[] sizes = new long[k];
        for (int g = 0; g < k; g++) {
            sizes[g] = curves.size(1 + g);
            if (sizes[g] == 0) {
                refused[g] = "the group has no rows";
                continue;
            }
            try {
                byGroup[g] = curves.evaluate(1 + g, settings);
            } catch (InvalidInputException e) {
                refused[g] = "the group's rows cannot be evaluated: " + e.getMessage();
            }
        }
        List<String> keys = grouping.stream().map(ProtectedAttribute::column).toList();
        return GroupMetrics.of(groups, overall, byGroup, refused, sizes, new SparkGroupResamples(data, schema, keys, coder, groups,
                curves, overall, byGroup, refused, sizes, settings, source));
    }

    @Override
    public RegressionDisparities regression(List<ProtectedAttribute> grouping) {
        List<AttributeLevels> levels = new ArrayList<>();
        GroupCoder coder = coder(grouping, 2, levels);
        Groups groups = Groups.of(levels, source);
        List<Column> columns = new ArrayList<>(List.of(SparkColumns.col(schema.label()).cast("double"),
                SparkColumns.col(schema.prediction()).cast("double")));
        grouping.forEach(a -> columns.add(SparkColumns.col(a.column())));
        Map<Integer, GroupedFolder.Curve<double[]>> curves = PartitionFold.fold(data.select(columns.toArray(Column[]::new)),
                new GroupedFolder<>(new RegressionSumsFolder(), coder, false));
        double[] all = curves.containsKey(0) ? curves.get(0).stats() : new double[5];
        if (all[3] > 0 || all[4] > 0) {
            boolean label = all[3] > 0;
            String column = label ? schema.label() : schema.prediction();
            long n = (long) (label ? all[3] : all[4]);
            throw new InvalidInputException("Column '" + Excerpt.of(column) + "' (" + (label ? "label" : "prediction") + ") of "
                    + source + " has " + n + " missing value" + (n == 1 ? "" : "s") + ". Every compared row needs a "
                    + (label ? "label" : "prediction") + ": drop these rows or fill them in.");
        }
        int k = groups.groupCount();
        long[] n = new long[k];
        double[] errors = new double[k];
        double[] predictions = new double[k];
        for (int g = 0; g < k; g++) {
            GroupedFolder.Curve<double[]> c = curves.get(1 + g);
            if (c != null) {
                n[g] = (long) c.stats()[0];
                errors[g] = c.stats()[1];
                predictions[g] = c.stats()[2];
            }
        }
        return RegressionDisparities.ofSums(groups, n, errors, predictions, NO_INTERVAL);
    }

    /** The group code of every value of each attribute (levels added to {@code levels}), keys from column {@code first} on. */
    private GroupCoder coder(List<ProtectedAttribute> grouping, int first, List<AttributeLevels> levels) {
        List<Map<Object, Integer>> codes = new ArrayList<>();
        boolean[] numeric = new boolean[grouping.size()];
        for (int a = 0; a < grouping.size(); a++) {
            DistinctValues values = DistinctValues.of(data, List.of(grouping.get(a).column()), limit, source);
            AttributeLevels level = AttributeLevels.ofDistinct(values.frame(), values.rows(), grouping.get(a));
            Map<Object, Integer> code = new HashMap<>();
            for (int r = 0; r < values.frame().rowCount(); r++) {
                code.put(values.key(r, 0), level.codes()[r]);
            }
            levels.add(level);
            codes.add(code);
            numeric[a] = values.numeric()[0];
        }
        int[] widths = levels.stream().mapToInt(l -> l.names().size()).toArray();
        int[] all = java.util.stream.IntStream.range(0, grouping.size()).toArray();
        return new GroupCoder(codes, numeric, new int[][] {all}, widths, first);
    }
}
