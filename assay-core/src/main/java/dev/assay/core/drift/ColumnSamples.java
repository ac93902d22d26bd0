package dev.assay.core.drift;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;

/**
 * Turns one column of the reference and of the current data into a pair of {@link ColumnSample}s, or
 * says in a sentence why it cannot be compared (absent from one side, no values, numbers on one side
 * and text on the other, a different category in every row), so the other columns are still checked.
 */
final class ColumnSamples {
    /** Category columns with a distinct value in each of more rows than this are identifiers, not compared. */
    static final int DISTINCT_ROWS = 50;

    private ColumnSamples() {
    }

    /** A pair of samples, or the problem that keeps the column from being compared. */
    record Pair(ColumnSample reference, ColumnSample current, String problem) {
    }

    static Pair of(String name, Frame reference, String referenceName, Frame current, String currentName) {
        String quoted = "'" + Excerpt.of(name) + "'";
        if (!reference.has(name) || !current.has(name)) {
            String where = !reference.has(name) && !current.has(name) ? "neither " + referenceName + " nor " + currentName
                    : reference.has(name) ? referenceName + " but not in " + currentName : currentName + " but not in " + referenceName;
            return problem("Column " + quoted + " is in " + where + "; check the spelling or the --columns list.");
        }
        Column r = reference.column(name);
        Column c = current.column(name);
        boolean rEmpty = allMissing(r);
        boolean cEmpty = allMissing(c);
        if (rEmpty || cEmpty) {
            String which = rEmpty && cEmpty ? referenceName + " and " + currentName : rEmpty ? referenceName : currentName;
            return problem("Column " + quoted + " has no values in " + which + " (every value is missing); nothing to compare.");
        }
        boolean rNum = r instanceof NumericColumn;
        boolean cNum = c instanceof NumericColumn;
        if (rNum != cNum) {
            Column text = rNum ? c : r;
            String example = firstNonNumber(text);
            return problem("Column " + quoted + " holds numbers in " + (rNum ? referenceName : currentName) + " but text in "
                    + (rNum ? currentName : referenceName) + (example == null ? "" : " (e.g. '" + Excerpt.of(example) + "')")
                    + "; clean the values that are not numbers (" + NumberText.EXAMPLES + ") so both files agree.");
        }
        ColumnSample rs = rNum ? NumericSample.of(name, ((NumericColumn) r).toArray()) : CategorySample.of(r);
        ColumnSample cs = cNum ? NumericSample.of(name, ((NumericColumn) c).toArray()) : CategorySample.of(c);
        if (rs instanceof CategorySample && ((CategorySample) rs).counts().size() == rs.count() && rs.count() > DISTINCT_ROWS) {
            return problem("Column " + quoted + " has a different value in every row of " + referenceName
                    + " (an id or a date?), so its categories cannot drift; leave it out of the columns compared.");
        }
        return new Pair(rs, cs, null);
    }

    private static boolean allMissing(Column column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    private static Pair problem(String message) {
        return new Pair(null, null, message);
    }

    private static String firstNonNumber(Column column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && !NumberText.isNumber(column.format(row))) {
                return column.format(row);
            }
        }
        return null;
    }
}
