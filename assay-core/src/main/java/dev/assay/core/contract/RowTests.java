package dev.assay.core.contract;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The row tests of column expectations, each matching the Great Expectations expectation named in
 * its Javadoc; all but {@link #notNull} skip missing values.
 */
final class RowTests {
    private RowTests() {
    }

    /** {@code expect_column_values_to_not_be_null}. */
    static RowTest notNull() {
        return new RowTest() {
            @Override
            public IntPredicate failing(Column c) {
                return c::isMissing;
            }

            @Override
            public boolean checksMissing() {
                return true;
            }
        };
    }

    /** Values of {@code type}: numbers, whole numbers, text that is not a number, ISO timestamps, or booleans. */
    static RowTest type(ValueType type) {
        return c -> row -> !type.accepts(c, row);
    }

    /** {@code expect_column_values_to_be_in_set}: text compared exactly; numbers of a numeric column by value. */
    static RowTest allowed(Set<String> values) {
        return c -> {
            if (c instanceof NumericColumn n) {
                Set<Double> numbers = new java.util.HashSet<>();
                for (String v : values) {
                    if (NumberText.isNumber(v)) {
                        numbers.add(NumberText.parse(v) + 0.0);
                    }
                }
                return row -> !numbers.contains(n.get(row) + 0.0);
            }
            return row -> !values.contains(c.format(row));
        };
    }

    /**
     * {@code expect_column_values_to_be_between(min_value, max_value, strict_min, strict_max)}; a value
     * that is neither a number nor a timestamp fails; NaN bounds are open.
     */
    static RowTest range(double min, double max, boolean strictMin, boolean strictMax) {
        return c -> row -> {
            double v = OrderedValue.of(c, row);
            if (Double.isNaN(v)) {
                return true;
            }
            boolean low = Double.isNaN(min) || (strictMin ? v > min : v >= min);
            boolean high = Double.isNaN(max) || (strictMax ? v < max : v <= max);
            return !(low && high);
        };
    }

    /** {@code expect_column_values_to_match_regex}: Python's {@code re.search}, a match anywhere in the value. */
    static RowTest regex(Pattern pattern) {
        return c -> row -> !pattern.matcher(c.format(row)).find();
    }

    /** {@code expect_column_value_lengths_to_be_between}: length in Unicode code points of the value as text. */
    static RowTest length(long min, long max) {
        return c -> row -> {
            String v = c.format(row);
            long len = v.codePointCount(0, v.length());
            return len < min || len > max;
        };
    }

    /** {@code expect_column_values_to_be_unique}: every row whose value occurs more than once fails. */
    static RowTest unique() {
        return c -> {
            Map<Object, Integer> counts = new HashMap<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    counts.merge(key(c, i), 1, Integer::sum);
                }
            }
            return row -> counts.get(key(c, row)) > 1;
        };
    }

    /**
     * {@code expect_column_values_to_be_increasing(strictly)}: a row fails when its value is below
     * (strictly: not above) the previous row's value; missing rows are skipped, and a value that is
     * neither a number nor a timestamp fails.
     */
    static RowTest increasing(boolean strictly) {
        return c -> {
            boolean[] fails = new boolean[c.size()];
            double previous = Double.NaN;
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                double v = OrderedValue.of(c, i);
                if (Double.isNaN(v)) {
                    fails[i] = true;
                    continue;
                }
                fails[i] = !Double.isNaN(previous) && (strictly ? v <= previous : v < previous);
                previous = v;
            }
            return row -> fails[row];
        };
    }

    private static Object key(Column c, int row) {
        return c instanceof NumericColumn n ? (Object) (n.get(row) + 0.0) : c.format(row);
    }
}
