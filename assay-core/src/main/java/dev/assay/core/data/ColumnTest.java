package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.io.Serializable;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What one column of a {@link RowFilter} accepts: given values ({@link ValueSet}), a numeric range
 * ({@link NumericRange}: {@code < 25}, {@code >= 25}, {@code [25, 40)}) or the missing values
 * ({@link MissingValues}, written {@code is missing}). Serializable, so that an engine that holds the
 * rows elsewhere (Spark executors) applies the same test to them.
 */
public sealed interface ColumnTest extends Serializable permits ValueSet, NumericRange, MissingValues {

    /** How a suite writes the missing values of a column. */
    String MISSING = "is missing";

    /**
     * Reads what a suite's {@code where} gives for one column: {@code is missing}, one comparison
     * ({@code < 25}, {@code <= 25}, {@code > 25}, {@code >= 25}), one interval ({@code [25, 40)},
     * {@code (28, 37]}, as a quantile slice prints it), or one or more values.
     *
     * @throws InvalidInputException for a malformed comparison or interval, or an empty range
     */
    static ColumnTest parse(List<String> texts) {
        if (texts.isEmpty()) {
            throw new InvalidInputException("no value is given; give the value(s) to keep, a comparison such as '< 25', "
                    + "an interval such as '[25, 40)', or '" + MISSING + "'.");
        }
        if (texts.size() == 1) {
            String text = texts.get(0).strip();
            if (text.equals(MISSING)) {
                return MissingValues.INSTANCE;
            }
            if (NumericRange.looksLikeRange(text)) {
                return NumericRange.parse(text);
            }
        } else {
            for (String t : texts) {
                if (t.strip().equals(MISSING) || NumericRange.looksLikeRange(t.strip())) {
                    throw new InvalidInputException("'" + Excerpt.of(t) + "' is given in a list of values; a comparison, an "
                            + "interval or '" + MISSING + "' stands alone: give one per column.");
                }
            }
        }
        return new ValueSet(texts);
    }

    /**
     * Which rows of {@code column} pass.
     *
     * @param source the data, for messages
     * @throws InvalidInputException when the test does not apply to the column (a range on categories)
     */
    IntPredicate matcher(Column column, String source);

    /** E.g. {@code sex = Female}, {@code age < 25}, {@code age in [25, 40)}, {@code workclass is missing}. */
    String describe(String column);
}
