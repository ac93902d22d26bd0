package dev.assay.core.ranking;

/**
 * The order of a query's items: by descending score, ties broken by descending item id, as trec_eval
 * orders a run (its {@code form_res_rels.c} sorts by similarity, then by docno, both decreasing). Item ids
 * are compared through their position in the sorted list of all ids, so the rule is the ids' string order.
 */
public final class RankingOrder {

    private RankingOrder() {
    }

    /**
     * Sorts {@code rows[from, to)} in ranking order: higher {@code key} first, then higher {@code itemOrder}.
     * Insertion sort for short lists, merge sort beyond.
     */
    public static void sort(int[] rows, int from, int to, double[] key, int[] itemOrder, int[] buffer) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int r = rows[i];
                int j = i - 1;
                while (j >= from && before(r, rows[j], key, itemOrder)) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = r;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(rows, from, mid, key, itemOrder, buffer);
        sort(rows, mid, to, key, itemOrder, buffer);
        System.arraycopy(rows, from, buffer, from, to - from);
        int a = from;
        int b = mid;
        for (int out = from; out < to; out++) {
            if (b >= to || a < mid && !before(buffer[b], buffer[a], key, itemOrder)) {
                rows[out] = buffer[a++];
            } else {
                rows[out] = buffer[b++];
            }
        }
    }

    /** Whether row {@code x} ranks before row {@code y}; keys are never NaN. */
    static boolean before(int x, int y, double[] key, int[] itemOrder) {
        double a = key[x];
        double b = key[y];
        return a > b || a == b && itemOrder[x] > itemOrder[y];
    }
}
