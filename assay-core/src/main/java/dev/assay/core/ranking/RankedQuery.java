package dev.assay.core.ranking;

import java.util.Arrays;

/**
 * One query's ranking as the metrics need it, without ordering all its rows: the top {@code k} rows in
 * {@link RankingOrder}, the number of relevant rows, the rank of the best-placed relevant row, and the
 * {@code k} largest relevances (for the ideal DCG). Short cutoffs select by insertion, O(n·k); long ones sort.
 * Reused from query to query.
 */
public final class RankedQuery {
    private static final int INSERTION_LIMIT = 64;

    private final int k;
    private final int[] top;
    private final double[] topRelevance;
    private final double[] ideal;
    private int shown;
    private int relevant;
    private int firstRelevant;
    private int idealShown;
    private int[] buffer = new int[0];
    private int[] sorted = new int[0];

    public RankedQuery(int k) {
        this.k = k;
        top = new int[k];
        topRelevance = new double[k];
        ideal = new double[k];
    }

    /**
     * Ranks the rows {@code rows[from, to)}: higher {@code key} first, ties by higher {@code itemOrder}.
     *
     * @param relevance each row's relevance, none negative
     */
    public void rank(int[] rows, int from, int to, double[] key, int[] itemOrder, double[] relevance) {
        int n = to - from;
        boolean sorting = k > INSERTION_LIMIT && n > INSERTION_LIMIT;
        if (sorting) {
            rankBySorting(rows, from, to, key, itemOrder, relevance);
        }
        shown = sorting ? shown : 0;
        idealShown = sorting ? idealShown : 0;
        relevant = 0;
        int best = -1;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            if (!sorting) {
                insertTop(r, key, itemOrder);
                insertIdeal(relevance[r]);
            }
            if (relevance[r] > 0) {
                relevant++;
                if (best < 0 || RankingOrder.before(r, best, key, itemOrder)) {
                    best = r;
                }
            }
        }
        for (int j = 0; j < shown; j++) {
            topRelevance[j] = relevance[top[j]];
        }
        firstRelevant = best < 0 ? 0 : rankOf(best, rows, from, to, key, itemOrder);
    }

    /** The rank of {@code row}: its place in the top, else 1 + the rows before it. */
    private int rankOf(int row, int[] rows, int from, int to, double[] key, int[] itemOrder) {
        for (int j = 0; j < shown; j++) {
            if (top[j] == row) {
                return j + 1;
            }
        }
        int rank = 1;
        for (int i = from; i < to; i++) {
            rank += RankingOrder.before(rows[i], row, key, itemOrder) ? 1 : 0;
        }
        return rank;
    }

    private void insertTop(int r, double[] key, int[] itemOrder) {
        if (shown == k && !RankingOrder.before(r, top[k - 1], key, itemOrder)) {
            return;
        }
        int j = shown < k ? shown++ : k - 1;
        while (j > 0 && RankingOrder.before(r, top[j - 1], key, itemOrder)) {
            top[j] = top[j - 1];
            j--;
        }
        top[j] = r;
    }

    private void insertIdeal(double value) {
        if (value <= 0 || idealShown == k && value <= ideal[k - 1]) {
            return;
        }
        int j = idealShown < k ? idealShown++ : k - 1;
        while (j > 0 && value > ideal[j - 1]) {
            ideal[j] = ideal[j - 1];
            j--;
        }
        ideal[j] = value;
    }

    private void rankBySorting(int[] rows, int from, int to, double[] key, int[] itemOrder, double[] relevance) {
        int n = to - from;
        if (sorted.length < n) {
            sorted = new int[n];
            buffer = new int[n];
        }
        System.arraycopy(rows, from, sorted, 0, n);
        RankingOrder.sort(sorted, 0, n, key, itemOrder, buffer);
        shown = Math.min(k, n);
        System.arraycopy(sorted, 0, top, 0, shown);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = relevance[rows[from + i]];
        }
        Arrays.sort(values);
        idealShown = 0;
        while (idealShown < Math.min(k, n) && values[n - 1 - idealShown] > 0) {
            ideal[idealShown] = values[n - 1 - idealShown];
            idealShown++;
        }
    }

    /** Rows in the top k, at most k. */
    public int shown() {
        return shown;
    }

    /** The row at rank {@code j + 1}, j < shown(). */
    public int topRow(int j) {
        return top[j];
    }

    /** The relevance at rank {@code j + 1}, j < shown(). */
    double topRelevance(int j) {
        return topRelevance[j];
    }

    /** The relevant rows of the query. */
    int relevant() {
        return relevant;
    }

    /** The rank of the best-placed relevant row, 0 without one. */
    int firstRelevant() {
        return firstRelevant;
    }

    /** How many of the k largest relevances are above 0. */
    int idealShown() {
        return idealShown;
    }

    /** The {@code j + 1}-th largest relevance, j < idealShown(). */
    double ideal(int j) {
        return ideal[j];
    }
}
