package dev.assay.core.robustness.edge;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.robustness.NumericProfile;
import dev.assay.core.uncertainty.BootstrapIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Boundary inputs made from a data set's columns and observed ranges. Every case is a typical row (the median of
 * each numeric column, the most frequent level of each categorical column, the first text) with one input value
 * replaced:
 * <ul>
 *   <li>numeric: the minimum, the maximum, just below the minimum and just above the maximum (by 1 for whole
 *       numbers, else by 1% of the range, or 1 for a single value), zero, missing;</li>
 *   <li>categorical: the rarest observed level, an unseen level, the empty string, missing;</li>
 *   <li>text: the empty string, a {@value #LONG_TEXT}-character string, missing;</li>
 * </ul>
 * and one row with every input missing.
 *
 * @param rows the cases, with the columns of the data
 * @param descriptions what each case is, e.g. {@code age = just below min (16)}
 */
public record EdgeCases(Frame rows, List<String> descriptions) {
    /** The length of the long text case. */
    public static final int LONG_TEXT = 10_000;
    /** The level that no data set has. */
    public static final String UNSEEN = "(unseen category)";

    public EdgeCases {
        descriptions = List.copyOf(descriptions);
    }

    /**
     * @param data the data whose schema and ranges the cases follow
     * @param inputs the columns to vary (the model's inputs)
     * @throws InvalidInputException for data without rows or an unknown input column
     */
    public static EdgeCases of(Frame data, List<String> inputs) {
        if (data.rowCount() == 0) {
            throw new InvalidInputException("The data has no rows, so there is no schema or range to make edge cases from.");
        }
        for (String c : inputs) {
            data.column(c, "model input");
        }
        List<Case> cases = new ArrayList<>();
        for (String name : inputs) {
            Column c = data.column(name);
            if (c instanceof NumericColumn n) {
                NumericProfile p = NumericProfile.of(n.toArray());
                if (p.count() > 0) {
                    double range = p.max() - p.min();
                    double step = p.integer() ? 1 : range > 0 ? range / 100 : 1;
                    cases.add(new Case(name, "min", p.min()));
                    cases.add(new Case(name, "max", p.max()));
                    cases.add(new Case(name, "just below min", p.min() - step));
                    cases.add(new Case(name, "just above max", p.max() + step));
                }
                cases.add(new Case(name, "zero", 0.0));
            } else if (c instanceof CategoricalColumn cat) {
                long[] counts = cat.levelCounts();
                int rarest = -1;
                for (int k = 0; k < counts.length; k++) {
                    rarest = counts[k] > 0 && (rarest < 0 || counts[k] < counts[rarest]) ? k : rarest;
                }
                if (rarest >= 0) {
                    cases.add(new Case(name, "rarest category", cat.levels().get(rarest)));
                }
                cases.add(new Case(name, "unseen category", UNSEEN));
                cases.add(new Case(name, "empty string", ""));
            } else {
                cases.add(new Case(name, "empty string", ""));
                cases.add(new Case(name, "long text", "x".repeat(LONG_TEXT)));
            }
            cases.add(new Case(name, "missing", null));
        }
        cases.add(new Case(null, "all inputs missing", null));
        return build(data, inputs, cases);
    }

    private record Case(String column, String kind, Object value) {
        String describe() {
            if (column == null) {
                return kind;
            }
            String v = value == null ? "" : value instanceof Double d ? " (" + NumericColumn.of("x", d).format(0) + ")"
                    : ((String) value).length() > 40 ? " (" + ((String) value).length() + " characters)" : " ('" + value + "')";
            return column + " = " + kind + v;
        }
    }

    private static EdgeCases build(Frame data, List<String> inputs, List<Case> cases) {
        int n = cases.size();
        List<Column> columns = new ArrayList<>();
        for (Column c : data.columns()) {
            boolean input = inputs.contains(c.name());
            if (c instanceof NumericColumn num) {
                double[] v = new double[n];
                Arrays.fill(v, median(num));
                for (int i = 0; i < n; i++) {
                    Case k = cases.get(i);
                    v[i] = c.name().equals(k.column()) || (k.column() == null && input) ? k.value() == null ? Double.NaN
                            : (Double) k.value() : v[i];
                }
                columns.add(NumericColumn.wrap(c.name(), v));
            } else {
                String[] v = new String[n];
                Arrays.fill(v, typical(c));
                for (int i = 0; i < n; i++) {
                    Case k = cases.get(i);
                    v[i] = c.name().equals(k.column()) || (k.column() == null && input) ? (String) k.value() : v[i];
                }
                columns.add(c instanceof CategoricalColumn ? CategoricalColumn.of(c.name(), v) : TextColumn.wrap(c.name(), v));
            }
        }
        return new EdgeCases(Frame.of("edge cases", columns), cases.stream().map(Case::describe).toList());
    }

    private static double median(NumericColumn c) {
        double[] present = Arrays.stream(c.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return present.length == 0 ? Double.NaN : BootstrapIntervals.quantile(present, 0.5);
    }

    private static String typical(Column c) {
        if (c instanceof CategoricalColumn cat) {
            long[] counts = cat.levelCounts();
            int best = -1;
            for (int k = 0; k < counts.length; k++) {
                best = counts[k] > 0 && (best < 0 || counts[k] > counts[best]) ? k : best;
            }
            return best < 0 ? null : cat.levels().get(best);
        }
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                return c.format(i);
            }
        }
        return null;
    }
}
