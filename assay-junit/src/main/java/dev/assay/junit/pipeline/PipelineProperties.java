package dev.assay.junit.pipeline;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Ready properties of preprocessing steps (a step maps a frame to a frame of the same rows), for {@link ForAll}.
 * Each failure names the column, the row (from 1) and the values.
 */
public final class PipelineProperties {
    /** The relative tolerance of {@link #idempotent} and {@link #invertible}: {@code |a - b| <= 1e-9 * max(1, |a|, |b|)}. */
    public static final double TOLERANCE = 1e-9;

    private PipelineProperties() {
    }

    /** In a row whose numeric inputs are all finite, every numeric output is finite (no NaN, no infinity). */
    public static NamedProperty keepsFiniteValues(UnaryOperator<Frame> step) {
        return NamedProperty.of("keeps finite values finite", input -> {
            Frame output = apply(step, input);
            for (int row = 0; row < input.rowCount(); row++) {
                if (!allFinite(input, row)) {
                    continue;
                }
                for (Column c : output.columns()) {
                    if (c instanceof NumericColumn n && !Double.isFinite(n.get(row))) {
                        throw new AssertionError("column '" + c.name() + "', row " + (row + 1) + ": " + inputOf(input, c.name(), row)
                                + "became " + n.get(row) + " though every numeric input of the row is finite");
                    }
                }
            }
        });
    }

    /**
     * No missing value appears where there was none: an output cell is missing only where the input column of the
     * same name is missing, or (for a new column) where some input cell of the row is.
     */
    public static NamedProperty createsNoMissing(UnaryOperator<Frame> step) {
        return NamedProperty.of("creates no missing values", input -> {
            Frame output = apply(step, input);
            for (Column c : output.columns()) {
                for (int row = 0; row < output.rowCount(); row++) {
                    boolean allowed = input.has(c.name()) ? input.column(c.name()).isMissing(row) : anyMissing(input, row);
                    if (c.isMissing(row) && !allowed) {
                        throw new AssertionError("column '" + c.name() + "', row " + (row + 1) + ": " + inputOf(input, c.name(), row)
                                + "became missing");
                    }
                }
            }
        });
    }

    /** Applying the step twice gives what applying it once gives. */
    public static NamedProperty idempotent(UnaryOperator<Frame> step) {
        return NamedProperty.of("is idempotent", input -> {
            Frame once = apply(step, input);
            String difference = firstDifference(once, apply(step, once));
            if (difference != null) {
                throw new AssertionError("applied twice it differs from applied once: " + difference);
            }
        });
    }

    /** Decoding the encoded frame gives the input back, on every input column. */
    public static NamedProperty invertible(UnaryOperator<Frame> encode, UnaryOperator<Frame> decode) {
        return NamedProperty.of("is invertible", input -> {
            Frame back = decode.apply(apply(encode, input));
            String difference = firstDifference(input, back.select(input.columnNames()));
            if (difference != null) {
                throw new AssertionError("decoding the encoded frame does not give the input back: " + difference);
            }
        });
    }

    private static Frame apply(UnaryOperator<Frame> step, Frame input) {
        Frame output = step.apply(input);
        if (output.rowCount() != input.rowCount()) {
            throw new AssertionError("the step returned " + output.rowCount() + " rows for " + input.rowCount());
        }
        return output;
    }

    /** The first cell where {@code expected} and {@code actual} differ, as text; null when they agree. */
    static String firstDifference(Frame expected, Frame actual) {
        if (!expected.columnNames().equals(actual.columnNames())) {
            return "columns " + expected.columnNames() + " became " + actual.columnNames();
        }
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            for (int row = 0; row < expected.rowCount(); row++) {
                if (!same(e, a, row)) {
                    return "column '" + e.name() + "', row " + (row + 1) + ": " + text(e, row) + " became " + text(a, row);
                }
            }
        }
        return null;
    }

    private static boolean same(Column e, Column a, int row) {
        if (e.isMissing(row) || a.isMissing(row)) {
            return e.isMissing(row) && a.isMissing(row);
        }
        if (e instanceof NumericColumn x && a instanceof NumericColumn y) {
            double p = x.get(row);
            double q = y.get(row);
            return p == q || Math.abs(p - q) <= TOLERANCE * Math.max(1, Math.max(Math.abs(p), Math.abs(q)));
        }
        return e.format(row).equals(a.format(row));
    }

    private static String text(Column c, int row) {
        return c.isMissing(row) ? "missing" : c instanceof NumericColumn n ? String.format(Locale.ROOT, "%s", n.get(row))
                : "'" + c.format(row) + "'";
    }

    private static String inputOf(Frame input, String column, int row) {
        return input.has(column) ? "the input " + text(input.column(column), row) + " " : "";
    }

    private static boolean allFinite(Frame f, int row) {
        for (Column c : f.columns()) {
            if (c.isMissing(row) || c instanceof NumericColumn n && !Double.isFinite(n.get(row))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMissing(Frame f, int row) {
        for (Column c : f.columns()) {
            if (c.isMissing(row)) {
                return true;
            }
        }
        return false;
    }
}
