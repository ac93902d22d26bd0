package dev.assay.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;

/** A frame as RFC 4180 CSV text: a header, then one line per row; missing values empty; quoted where needed. */
final class CsvText {
    private CsvText() {
    }

    static String of(Frame frame) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < frame.columnCount(); j++) {
            out.append(j == 0 ? "" : ",").append(cell(frame.columns().get(j).name()));
        }
        out.append('\n');
        for (int i = 0; i < frame.rowCount(); i++) {
            for (int j = 0; j < frame.columnCount(); j++) {
                Column c = frame.columns().get(j);
                String v = c.format(i);
                out.append(j == 0 ? "" : ",").append(v == null ? "" : cell(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String cell(String v) {
        boolean quote = v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String quoteJson(String v) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(v)) + '"';
    }
}
