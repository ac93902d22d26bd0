package dev.assay.core.pii;

import java.util.List;

/**
 * Dates: Presidio's {@code DateRecognizer} patterns and scores (ISO 8601 date-time 0.8; day, month and year in the
 * usual orders 0.6; month and year 0.2; {@code mm/yy} 0.1), case-insensitive month names, context "date",
 * "birthday". {@link PiiScan} reports dates only in columns named like dates of birth.
 */
final class DateRecognizer extends PatternRecognizer {
    private static final String MONTHS = "(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
    private static final String DAY = "([1-9]|0[1-9]|[1-2][0-9]|3[0-1])";
    private static final String MONTH = "([1-9]|0[1-9]|1[0-2])";

    DateRecognizer() {
        super(PiiEntity.DATE_TIME, List.of(
                Scored.of("ISO 8601 datetime", "\\b(\\d{4}-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d:[0-5]\\d\\.\\d+([+-][0-2]\\d:[0-5]\\d|Z))"
                        + "|(\\d{4}-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d:[0-5]\\d([+-][0-2]\\d:[0-5]\\d|Z))"
                        + "|(\\d{4}-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d([+-][0-2]\\d:[0-5]\\d|Z))\\b", 0.8),
                Scored.of("mm/dd/yyyy or mm/dd/yy", "\\b(" + MONTH + "/" + DAY + "/(\\d{4}|\\d{2}))\\b", 0.6),
                Scored.of("dd/mm/yyyy or dd/mm/yy", "\\b(" + DAY + "/" + MONTH + "/(\\d{4}|\\d{2}))\\b", 0.6),
                Scored.of("yyyy/mm/dd", "\\b(\\d{4}/" + MONTH + "/" + DAY + ")\\b", 0.6),
                Scored.of("mm-dd-yyyy", "\\b(" + MONTH + "-" + DAY + "-\\d{4})\\b", 0.6),
                Scored.of("dd-mm-yyyy", "\\b(" + DAY + "-" + MONTH + "-\\d{4})\\b", 0.6),
                Scored.of("yyyy-mm-dd", "\\b(\\d{4}-" + MONTH + "-" + DAY + ")\\b", 0.6),
                Scored.of("dd.mm.yyyy or dd.mm.yy", "\\b(" + DAY + "\\." + MONTH + "\\.(\\d{4}|\\d{2}))\\b", 0.6),
                Scored.of("dd-MMM-yyyy or dd-MMM-yy", "\\b(" + DAY + "-" + MONTHS + "-(\\d{4}|\\d{2}))\\b", 0.6),
                Scored.of("MMM-yyyy or MMM-yy", "\\b(" + MONTHS + "-(\\d{4}|\\d{2}))\\b", 0.6),
                Scored.of("dd-MMM or dd-MMM", "\\b(" + DAY + "-" + MONTHS + ")\\b", 0.6),
                Scored.of("mm/yyyy or m/yyyy", "\\b(" + MONTH + "/\\d{4})\\b", 0.2),
                Scored.of("mm/yy or m/yy", "\\b(" + MONTH + "/\\d{2})\\b", 0.1)),
                List.of("date", "birthday"));
    }

    @Override
    public boolean mayHold(String text) {
        return Recognizer.digits(text) >= 2;
    }
}
