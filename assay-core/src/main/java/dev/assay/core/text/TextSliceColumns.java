package dev.assay.core.text;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Columns that let the existing slicing ({@link dev.assay.core.slicing.SlicePlan}, the {@code slices} and
 * {@code weak_segments} checks) cut text-classification data by text: {@code <col>_words}, the number of
 * white-space separated words (sliced into quantile bins like any number; missing text stays missing),
 * and {@code <col>_has_<keyword>}, {@code yes} or {@code no} whether the text holds the keyword as a
 * whole word, ignoring case.
 */
public final class TextSliceColumns {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private TextSliceColumns() {
    }

    /** {@code frame} with the word-count column of {@code column} added. */
    public static Frame withLength(Frame frame, String column) {
        Column text = frame.column(column, "text");
        double[] words = new double[frame.rowCount()];
        for (int r = 0; r < words.length; r++) {
            String t = text.format(r);
            words[r] = t == null ? Double.NaN : t.isBlank() ? 0 : SPACE.split(t.strip()).length;
        }
        return frame.withColumn(NumericColumn.wrap(column + "_words", words));
    }

    /** {@code frame} with one yes/no column per keyword of {@code column}. */
    public static Frame withKeywords(Frame frame, String column, java.util.List<String> keywords) {
        Column text = frame.column(column, "text");
        Frame out = frame;
        for (String keyword : keywords) {
            String k = keyword.strip();
            if (k.isEmpty()) {
                throw new InvalidInputException("an empty keyword for column '" + column + "': give words to look for.");
            }
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            String[] has = new String[frame.rowCount()];
            for (int r = 0; r < has.length; r++) {
                String t = text.format(r);
                has[r] = t == null ? null : word.matcher(t).find() ? "yes" : "no";
            }
            out = out.withColumn(CategoricalColumn.of(column + "_has_" + k.toLowerCase(Locale.ROOT).replace(' ', '_'), has));
        }
        return out;
    }
}
