package dev.assay.cli;

import dev.assay.core.result.EvidenceTable;
import java.util.List;
import java.util.Locale;

/** Plain-text formatting for the terminal. */
final class Format {
    private Format() {
    }

    /** A number with 6 significant digits, integers without a fraction. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2").replaceFirst("\\.($|e)", "$1");
    }

    /** A table with aligned columns, indented by two spaces. */
    static String table(EvidenceTable t) {
        int[] width = new int[t.columns().size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = t.columns().get(c).length();
            for (List<Object> row : t.rows()) {
                width[c] = Math.max(width[c], cell(row.get(c)).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, t.columns().stream().map(Object.class::cast).toList(), width);
        for (List<Object> row : t.rows()) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> cells, int[] width) {
        sb.append(' ');
        for (int c = 0; c < width.length; c++) {
            String s = cell(cells.get(c));
            sb.append(' ');
            if (cells.get(c) instanceof Number) {
                sb.append(" ".repeat(width[c] - s.length())).append(s);
            } else {
                sb.append(s).append(" ".repeat(width[c] - s.length()));
            }
        }
        sb.append(System.lineSeparator());
    }

    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double || o instanceof Float) {
            return number(((Number) o).doubleValue());
        }
        return o.toString();
    }
}
