package dev.assay.core.contract;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import java.util.Locale;
import java.util.Set;

/** The kinds of value a contract's {@code type} can require of a column's values. */
enum ValueType {
    /** A number ({@link NumberText}'s spelling in a text column). */
    NUMERIC,
    /** A whole number. */
    INTEGER,
    /** Text that is not a number. */
    TEXT,
    /** An ISO-8601 date or date-time. */
    TIMESTAMP,
    /** true/false, yes/no, 1/0 (any case). */
    BOOLEAN;

    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "1", "0", "t", "f", "y", "n");

    /** Whether the (present) value in {@code row} is of this type. */
    boolean accepts(Column c, int row) {
        if (c instanceof NumericColumn n) {
            double v = n.get(row);
            return switch (this) {
                case NUMERIC -> true;
                case INTEGER -> v == Math.rint(v);
                case BOOLEAN -> v == 0 || v == 1;
                default -> false;
            };
        }
        String v = c.format(row);
        return switch (this) {
            case NUMERIC -> NumberText.isNumber(v);
            case INTEGER -> NumberText.isNumber(v) && NumberText.parse(v) == Math.rint(NumberText.parse(v));
            case TEXT -> !NumberText.isNumber(v);
            case TIMESTAMP -> !Double.isNaN(OrderedValue.timestamp(v.strip()));
            case BOOLEAN -> BOOLEANS.contains(v.strip().toLowerCase(Locale.ROOT));
        };
    }

    /** The lower-case name used in contract files. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
