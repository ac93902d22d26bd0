package dev.assay.core.contract;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A value that ranges and order compare: a number, or an ISO-8601 date or date-time
 * ({@code 2012-01-31}, {@code 2012-01-31 10:00:00}, {@code 2012-01-31T10:00Z}) as seconds since
 * 1970-01-01 UTC (a time without offset is read as UTC); NaN for anything else.
 */
final class OrderedValue {
    private OrderedValue() {
    }

    /** The value in {@code row} of {@code column}; NaN when missing or neither a number nor a timestamp. */
    static double of(Column column, int row) {
        if (column instanceof NumericColumn n) {
            return n.get(row);
        }
        String v = column.format(row);
        return v == null ? Double.NaN : of(v);
    }

    /** {@code text} as a number or a timestamp; NaN when it is neither. */
    static double of(String text) {
        if (NumberText.isNumber(text)) {
            return NumberText.parse(text);
        }
        return timestamp(text.strip());
    }

    /** Seconds since the epoch of an ISO-8601 date or date-time; NaN when {@code text} is not one. */
    static double timestamp(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).toEpochDay() * 86400.0;
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                OffsetDateTime odt = OffsetDateTime.parse(t.endsWith("Z") ? t : t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"));
                return odt.toEpochSecond() + odt.getNano() / 1e9;
            }
            LocalDateTime ldt = LocalDateTime.parse(t);
            return ldt.toEpochSecond(ZoneOffset.UTC) + ldt.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
