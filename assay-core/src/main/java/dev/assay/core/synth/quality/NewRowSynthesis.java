package dev.assay.core.synth.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SDMetrics' NewRowSynthesis: the share of synthetic rows that match no real row. A synthetic row matches a
 * real one when every categorical value is equal, missing matches missing, and every numeric value s lies
 * within {@code |tolerance * s|} of the real value (SDMetrics' {@code numerical_match_tolerance}, default
 * 0.01). Range [0, 1], higher is more new rows.
 */
public record NewRowSynthesis(double score, int newRows, int matchedRows) {
    /** SDMetrics' default numerical match tolerance. */
    public static final double TOLERANCE = 0.01;

    /** The score of table 1 (synthetic) against table 0 (real) of {@code t}. */
    static NewRowSynthesis of(AlignedTables t, double tolerance) {
        int d = t.columns();
        int first = -1;
        for (int j = 0; j < d && first < 0; j++) {
            first = t.numeric[j] ? j : -1;
        }
        Map<String, int[]> buckets = buckets(t, first);
        int matched = 0;
        int rows = t.rows(1);
        for (int i = 0; i < rows; i++) {
            int[] candidates = buckets.get(key(t, 1, i));
            if (candidates != null && matches(t, i, candidates, first, tolerance)) {
                matched++;
            }
        }
        return new NewRowSynthesis((rows - matched) / (double) rows, rows - matched, matched);
    }

    /** Real rows by their categorical values and numeric missing pattern, sorted by the first numeric column. */
    private static Map<String, int[]> buckets(AlignedTables t, int first) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < t.rows(0); i++) {
            lists.computeIfAbsent(key(t, 0, i), k -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> {
            Integer[] rows = v.toArray(new Integer[0]);
            if (first >= 0) {
                Arrays.sort(rows, (a, b) -> Double.compare(t.values[0][first][a], t.values[0][first][b]));
            }
            out.put(k, Arrays.stream(rows).mapToInt(Integer::intValue).toArray());
        });
        return out;
    }

    private static String key(AlignedTables t, int table, int row) {
        StringBuilder k = new StringBuilder();
        for (int j = 0; j < t.columns(); j++) {
            if (t.numeric[j]) {
                k.append(Double.isNaN(t.values[table][j][row]) ? 'n' : 'v');
            } else {
                k.append(t.codes[table][j][row]).append(',');
            }
        }
        return k.toString();
    }

    private static boolean matches(AlignedTables t, int row, int[] candidates, int first, double tolerance) {
        int from = 0;
        int to = candidates.length;
        if (first >= 0 && !Double.isNaN(t.values[1][first][row])) {
            double s = t.values[1][first][row];
            double tol = Math.abs(tolerance * s);
            from = lowerBound(t.values[0][first], candidates, s - tol);
            to = lowerBound(t.values[0][first], candidates, Math.nextUp(s + tol));
        }
        for (int c = from; c < to; c++) {
            if (numericMatch(t, row, candidates[c], tolerance)) {
                return true;
            }
        }
        return false;
    }

    private static boolean numericMatch(AlignedTables t, int row, int real, double tolerance) {
        for (int j = 0; j < t.columns(); j++) {
            if (t.numeric[j]) {
                double s = t.values[1][j][row];
                double r = t.values[0][j][real];
                if (!Double.isNaN(s) && !(Math.abs(r - s) <= Math.abs(tolerance * s))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first position among {@code rows} (sorted by {@code v}) whose value is at least {@code x}. */
    private static int lowerBound(double[] v, int[] rows, double x) {
        int lo = 0;
        int hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[rows[mid]] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
