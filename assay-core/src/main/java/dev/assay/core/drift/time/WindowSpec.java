package dev.assay.core.drift.time;

import java.util.Locale;

/**
 * How rows are cut into windows: by calendar day, ISO week (Monday to Sunday, as pandas'
 * {@code resample('W')}), calendar month, or consecutive runs of {@code rows} rows in time order
 * (the last run may be shorter).
 *
 * @param unit the calendar unit, or {@link Unit#ROWS}
 * @param rows the rows per window for {@link Unit#ROWS}, else 0
 */
public record WindowSpec(Unit unit, int rows) {
    /** The kind of window. */
    public enum Unit {
        DAILY, WEEKLY, MONTHLY, ROWS
    }

    public WindowSpec {
        if ((unit == Unit.ROWS) != (rows > 0)) {
            throw new IllegalArgumentException("a window of rows needs a positive row count, a calendar window none");
        }
    }

    /**
     * {@code daily}, {@code weekly}, {@code monthly} or a whole number of rows.
     *
     * @throws IllegalArgumentException with a sentence naming the accepted values
     */
    public static WindowSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "daily":
                return new WindowSpec(Unit.DAILY, 0);
            case "weekly":
                return new WindowSpec(Unit.WEEKLY, 0);
            case "monthly":
                return new WindowSpec(Unit.MONTHLY, 0);
            default:
                try {
                    int rows = Integer.parseInt(t);
                    if (rows >= 2) {
                        return new WindowSpec(Unit.ROWS, rows);
                    }
                } catch (NumberFormatException e) {
                    // fall through to the message
                }
                throw new IllegalArgumentException("the window is daily, weekly, monthly or a number of rows (2 or more), found '"
                        + text + "'");
        }
    }

    /** As written in a suite. */
    public String id() {
        return unit == Unit.ROWS ? Integer.toString(rows) : unit.name().toLowerCase(Locale.ROOT);
    }
}
