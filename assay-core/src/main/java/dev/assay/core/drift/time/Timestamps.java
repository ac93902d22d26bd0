package dev.assay.core.drift.time;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a timestamp column as ISO-8601 text: a date ({@code 2014-07-01}), a local date-time
 * ({@code 2014-07-01T08:30}, {@code 2014-07-01 08:30:00}, with optional fractions of a second), or
 * a date-time with an offset ({@code 2014-07-01T08:30:00Z}, {@code ...+02:00}), which is converted
 * to UTC. This is what the CSV, Parquet and JSON readers give for DATE and TIMESTAMP columns.
 */
public final class Timestamps {
    /** The formats accepted, for messages. */
    public static final String EXPECTED = "ISO-8601 dates or date-times such as 2014-07-01, 2014-07-01T08:30:00 or"
            + " 2014-07-01T08:30:00Z";

    private Timestamps() {
    }

    /**
     * @param dataName the data set's name in messages (its file name)
     * @throws InvalidInputException naming the file, column and row of the first value that is missing or does not parse
     */
    public static LocalDateTime[] parse(Frame frame, String dataName, String columnName) {
        if (!frame.has(columnName)) {
            throw new InvalidInputException("The timestamp column '" + Excerpt.of(columnName) + "' is not in " + dataName
                    + "; its columns are " + frame.columnNames() + ". Set 'timestamp' to one of them.");
        }
        Column column = frame.column(columnName);
        if (column instanceof NumericColumn) {
            throw new InvalidInputException("The timestamp column '" + Excerpt.of(columnName) + "' of " + dataName
                    + " holds numbers (e.g. '" + column.format(0) + "'); expected " + EXPECTED + ".");
        }
        LocalDateTime[] out = new LocalDateTime[column.size()];
        for (int row = 0; row < out.length; row++) {
            if (column.isMissing(row)) {
                throw new InvalidInputException("The timestamp column '" + Excerpt.of(columnName) + "' of " + dataName
                        + " is empty at " + frame.describeRow(row) + "; every row needs a time (drop the row or fill it in).");
            }
            String text = column.format(row).trim();
            out[row] = one(text);
            if (out[row] == null) {
                throw new InvalidInputException("The timestamp column '" + Excerpt.of(columnName) + "' of " + dataName
                        + " has '" + Excerpt.of(text) + "' at " + frame.describeRow(row) + ", which is not a time; expected "
                        + EXPECTED + ".");
            }
        }
        return out;
    }

    /** The time of {@code text}, or null when it is not ISO-8601. */
    static LocalDateTime one(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
