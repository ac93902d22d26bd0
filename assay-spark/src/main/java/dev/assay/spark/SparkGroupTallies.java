package dev.assay.spark;

import dev.assay.core.fairness.AttributeLevels;
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.GroupTallies;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.ProtectedAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The group counts of a Spark data set for the {@code fairness} check: a first pass finds each
 * protected column's distinct values and their row counts ({@link DistinctValues}), from which
 * core makes the groups exactly as from the rows ({@link AttributeLevels#ofDistinct}); then every
 * partition is counted into the confusion cells of every group ({@link GroupTallyFolder}) and the
 * partials merged ({@link PartitionFold}). The driver holds counts, never rows.
 */
final class SparkGroupTallies implements GroupTallies {
    private final Dataset<Row> data;
    private final String label;
    private final String prediction;
    private final DistinctValues classes;
    private final int limit;
    private final String source;

    /**
     * @param classes the distinct (label, prediction) combinations of {@code data}
     * @param limit the most distinct values of a protected column
     */
    SparkGroupTallies(Dataset<Row> data, String label, String prediction, DistinctValues classes, int limit, String source) {
        this.data = data;
        this.label = label;
        this.prediction = prediction;
        this.classes = classes;
        this.limit = limit;
        this.source = source;
    }

    @Override
    public long rows() {
        return classes.total();
    }

    @Override
    public List<GroupCounts> count(List<List<ProtectedAttribute>> groupings, String favorable) {
        List<ProtectedAttribute> attributes = new ArrayList<>();
        groupings.forEach(g -> g.stream().filter(a -> !attributes.contains(a)).forEach(attributes::add));
        List<AttributeLevels> levels = new ArrayList<>();
        List<Map<Object, Integer>> codes = new ArrayList<>();
        boolean[] numeric = new boolean[2 + attributes.size()];
        numeric[0] = classes.numeric()[0];
        numeric[1] = classes.numeric()[1];
        for (int a = 0; a < attributes.size(); a++) {
            ProtectedAttribute attribute = attributes.get(a);
            DistinctValues values = DistinctValues.of(data, List.of(attribute.column()), limit, source);
            AttributeLevels level = AttributeLevels.ofDistinct(values.frame(), values.rows(), attribute);
            Map<Object, Integer> code = new HashMap<>();
            for (int r = 0; r < values.frame().rowCount(); r++) {
                code.put(values.key(r, 0), level.codes()[r]);
            }
            levels.add(level);
            codes.add(code);
            numeric[2 + a] = values.numeric()[0];
        }
        int[][] wanted = new int[groupings.size()][];
        int[] widths = levels.stream().mapToInt(l -> l.names().size()).toArray();
        for (int g = 0; g < wanted.length; g++) {
            wanted[g] = groupings.get(g).stream().mapToInt(attributes::indexOf).toArray();
        }
        GroupTallyFolder folder = new GroupTallyFolder(FoldedChecks.text(classes, 0), FoldedChecks.text(classes, 1), favorable, codes, numeric, wanted, widths);
        List<Column> columns = new ArrayList<>(List.of(column(label), column(prediction)));
        attributes.forEach(a -> columns.add(column(a.column())));
        long[][] cells = PartitionFold.fold(data.select(columns.toArray(Column[]::new)), folder);
        List<GroupCounts> out = new ArrayList<>();
        for (int g = 0; g < wanted.length; g++) {
            List<AttributeLevels> of = new ArrayList<>();
            for (int a : wanted[g]) {
                of.add(levels.get(a));
            }
            out.add(GroupCounts.of(Groups.of(of, source), cells[g]));
        }
        return out;
    }

    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
