package dev.assay.core.fairness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.ColumnBins;
import java.util.ArrayList;
import java.util.List;

/** The group code of every row for one protected attribute, and the name of each code. */
record AttributeCodes(String column, int[] codes, List<String> names, int missingRows) {

    static AttributeCodes of(Frame frame, ProtectedAttribute attribute) {
        Column column = frame.column(attribute.column(), "protected attribute");
        if (column instanceof NumericColumn numeric && attribute.edges().length > 0) {
            return cut(numeric, attribute.edges());
        }
        ColumnBins bins = ColumnBins.of(frame, attribute.column(), new Binning(attribute.quantiles(), Integer.MAX_VALUE));
        int[] codes = new int[frame.rowCount()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = bins.bin(i);
        }
        List<String> names = new ArrayList<>();
        for (int b = 0; b < bins.binCount(); b++) {
            names.add(bins.term(b).label());
        }
        return new AttributeCodes(attribute.column(), codes, names, column.missingCount());
    }

    /** pandas {@code cut(x, edges, right=True, include_lowest=True)}, with groups for values outside the edges. */
    private static AttributeCodes cut(NumericColumn column, double[] edges) {
        List<String> names = new ArrayList<>();
        names.add("< " + format(edges[0]));
        for (int b = 0; b + 1 < edges.length; b++) {
            names.add((b == 0 ? "[" : "(") + format(edges[b]) + ", " + format(edges[b + 1]) + "]");
        }
        names.add("> " + format(edges[edges.length - 1]));
        int missingCode = names.size();
        int[] codes = new int[column.size()];
        int missing = 0;
        for (int i = 0; i < codes.length; i++) {
            double v = column.get(i);
            if (Double.isNaN(v)) {
                codes[i] = missingCode;
                missing++;
            } else if (v < edges[0]) {
                codes[i] = 0;
            } else if (v > edges[edges.length - 1]) {
                codes[i] = names.size() - 1;
            } else {
                int pos = java.util.Arrays.binarySearch(edges, v);
                int bin = pos >= 0 ? Math.max(pos - 1, 0) : -pos - 2;
                codes[i] = 1 + bin;
            }
        }
        if (missing > 0) {
            names.add("missing");
        }
        return new AttributeCodes(column.name(), codes, names, missing);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
