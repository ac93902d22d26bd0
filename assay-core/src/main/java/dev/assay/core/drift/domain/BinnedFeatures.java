package dev.assay.core.drift.domain;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference rows followed by the current rows, each feature coded as a small bin number that
 * {@link StumpBoosting} splits on. Numeric columns: at most {@link #MAX_BINS} bins cut at quantiles of
 * the pooled values (a value goes to the first cut it does not exceed); category and text columns:
 * the {@code MAX_BINS - 1} most frequent values and one bin for the rest. Missing values get a bin of
 * their own, so a change in missingness separates the data too. A column absent from one side, or
 * numeric on one side and text on the other, is left out with the reason.
 *
 * @param columns the names of the coded features
 * @param codes {@code codes[f][row]}, rows of the reference first
 * @param bins the number of bins of each feature
 * @param nominal whether a feature's bins are unordered categories
 * @param referenceRows the number of reference rows
 * @param problems columns left out, with the reason
 */
record BinnedFeatures(List<String> columns, int[][] codes, int[] bins, boolean[] nominal, int referenceRows,
        Map<String, String> problems) {
    /** The most bins of a feature. */
    static final int MAX_BINS = 32;

    int rows() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    static BinnedFeatures of(Frame reference, String referenceName, Frame current, String currentName, List<String> names) {
        List<String> kept = new ArrayList<>();
        List<int[]> codes = new ArrayList<>();
        List<Integer> bins = new ArrayList<>();
        List<Boolean> nominal = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : names) {
            String quoted = "'" + Excerpt.of(name) + "'";
            if (!reference.has(name) || !current.has(name)) {
                problems.put(name, "Column " + quoted + " is missing from " + (reference.has(name) ? currentName : referenceName)
                        + "; check the spelling or the columns list.");
                continue;
            }
            Column r = reference.column(name);
            Column c = current.column(name);
            boolean rNum = r instanceof NumericColumn;
            if (rNum != c instanceof NumericColumn) {
                problems.put(name, "Column " + quoted + " holds numbers in " + (rNum ? referenceName : currentName)
                        + " but text in " + (rNum ? currentName : referenceName) + "; clean the values so both files agree.");
                continue;
            }
            int[] coded = new int[r.size() + c.size()];
            int count = rNum ? numeric((NumericColumn) r, (NumericColumn) c, coded) : categories(r, c, coded);
            kept.add(name);
            codes.add(coded);
            bins.add(count);
            nominal.add(!rNum);
        }
        boolean[] nom = new boolean[nominal.size()];
        for (int i = 0; i < nom.length; i++) {
            nom[i] = nominal.get(i);
        }
        return new BinnedFeatures(kept, codes.toArray(new int[0][]), bins.stream().mapToInt(Integer::intValue).toArray(), nom,
                reference.rowCount(), problems);
    }

    private static int numeric(NumericColumn r, NumericColumn c, int[] out) {
        double[] values = new double[out.length];
        System.arraycopy(r.toArray(), 0, values, 0, r.size());
        System.arraycopy(c.toArray(), 0, values, r.size(), c.size());
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] cuts = new double[0];
        if (present.length > 0) {
            cuts = new double[MAX_BINS - 1];
            for (int q = 1; q < MAX_BINS; q++) {
                cuts[q - 1] = present[(int) Math.min(present.length - 1, (long) q * present.length / MAX_BINS)];
            }
            cuts = Arrays.stream(cuts).distinct().toArray();
        }
        int missingBin = cuts.length + 1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                out[i] = missingBin;
            } else {
                int at = Arrays.binarySearch(cuts, values[i]);
                out[i] = at >= 0 ? at : -at - 1;
            }
        }
        return missingBin + 1;
    }

    private static int categories(Column r, Column c, int[] out) {
        Map<String, Integer> counts = new HashMap<>();
        for (Column col : new Column[] {r, c}) {
            for (int row = 0; row < col.size(); row++) {
                if (!col.isMissing(row)) {
                    counts.merge(col.format(row), 1, Integer::sum);
                }
            }
        }
        List<String> frequent = new ArrayList<>(counts.keySet());
        frequent.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        Map<String, Integer> bin = new HashMap<>();
        for (int i = 0; i < Math.min(MAX_BINS - 2, frequent.size()); i++) {
            bin.put(frequent.get(i), i);
        }
        int other = bin.size();
        int missing = other + 1;
        int i = 0;
        for (Column col : new Column[] {r, c}) {
            for (int row = 0; row < col.size(); row++) {
                out[i++] = col.isMissing(row) ? missing : bin.getOrDefault(col.format(row), other);
            }
        }
        return missing + 1;
    }
}
