package dev.assay.core.robustness.metamorphic;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table of hand-written or exported rows (MFT cases, adversarial examples) in CSV form: a header line,
 * comma-separated fields, fields with commas or quotes in double quotes (RFC 4180), an empty field for a missing
 * value. Columns the data set also has take its types (numbers parsed, categories as written); other columns are
 * text.
 */
public final class CaseTable {

    private CaseTable() {
    }

    /**
     * @param source where the text comes from, for messages (a file name or "the suite")
     * @param text the CSV text
     * @param like the data whose column types the cases take
     * @param required columns the cases must have
     * @throws InvalidInputException for no header, a line with the wrong number of fields, a number that does not
     *     parse or a required column missing; the message names the source, line and column
     */
    public static Frame parse(String source, String text, Frame like, List<String> required) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(fields(line));
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException(source + " is empty; give a header line with the column names, then one line per row.");
        }
        List<String> header = lines.get(0);
        for (String r : required) {
            if (!header.contains(r)) {
                throw new InvalidInputException(source + " has no column '" + Excerpt.of(r) + "' (its columns: " + header + "); "
                        + "add it to the header and to every row.");
            }
        }
        int n = lines.size() - 1;
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            String[] values = new String[n];
            for (int r = 0; r < n; r++) {
                List<String> row = lines.get(r + 1);
                if (row.size() != header.size()) {
                    throw new InvalidInputException(source + ", line " + (r + 2) + ": " + row.size() + " fields, but the header has "
                            + header.size() + "; quote fields that hold commas.");
                }
                values[r] = row.get(c).isEmpty() ? null : row.get(c);
            }
            columns.add(typed(source, name, values, like.has(name) ? like.column(name) : null));
        }
        return Frame.of(source, columns);
    }

    private static Column typed(String source, String name, String[] values, Column like) {
        if (like instanceof NumericColumn) {
            double[] v = new double[values.length];
            for (int r = 0; r < v.length; r++) {
                try {
                    v[r] = values[r] == null ? Double.NaN : Double.parseDouble(values[r].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(source + ", line " + (r + 2) + ": column '" + Excerpt.of(name) + "' is numeric "
                            + "in the data, but holds '" + Excerpt.of(values[r]) + "'; write a number or leave it empty.");
                }
            }
            return NumericColumn.wrap(name, v);
        }
        if (like instanceof CategoricalColumn) {
            return CategoricalColumn.of(name, values);
        }
        return TextColumn.wrap(name, values);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString().trim());
        return out;
    }
}
