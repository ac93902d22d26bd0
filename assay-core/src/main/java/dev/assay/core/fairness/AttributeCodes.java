package dev.assay.core.fairness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.ColumnBins;
import java.util.ArrayList;
import java.util.List;

/**
 * The group code of every row for one protected attribute, and the name of each code.
 *
 * @param outOfRange the bins between the given edges that lie wholly outside the range of the data, and so are
 *     left out; so are the bins below the first and above the last edge when no value falls there. Bins
 *     within the range keep their place even when empty
 */
record AttributeCodes(String column, int[] codes, List<String> names, int missingRows, List<String> outOfRange) {

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
        return new AttributeCodes(attribute.column(), codes, names, column.missingCount(), List.of());
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
        return withoutImpossibleBins(column, edges, codes, names, missing);
    }

    /**
     * Leaves out the bins no value of the data can fall in: wholly below its minimum or above its maximum.
     */
    private static AttributeCodes withoutImpossibleBins(NumericColumn column, double[] edges, int[] codes, List<String> names,
            int missing) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int bins = edges.length + 1;
        int[] remap = new int[names.size()];
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            boolean possible = k >= bins || min > max || possible(k, edges, min, max);
            remap[k] = possible ? kept.size() : -1;
            if (possible) {
                kept.add(names.get(k));
            } else if (k > 0 && k < edges.length) {
                dropped.add(names.get(k));
            }
        }
        for (int i = 0; i < codes.length; i++) {
            codes[i] = remap[codes[i]];
        }
        return new AttributeCodes(column.name(), codes, kept, missing, dropped);
    }

    /** Whether a value in [min, max] can fall in bin {@code k}: {@code < e0}, {@code [e0, e1]}, {@code (e(k-1), ek]} or {@code > eN}. */
    private static boolean possible(int k, double[] edges, double min, double max) {
        if (k == 0) {
            return min < edges[0];
        }
        if (k == edges.length) {
            return max > edges[edges.length - 1];
        }
        boolean aboveLower = k == 1 ? max >= edges[0] : max > edges[k - 1];
        return aboveLower && min <= edges[k];
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
