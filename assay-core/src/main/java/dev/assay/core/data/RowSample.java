package dev.assay.core.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of rows without replacement, drawn with a seed: the first {@code count} steps of a
 * Fisher-Yates shuffle of {@code 0..n-1} by {@code new SplittableRandom(seed)}, returned in row order.
 */
public final class RowSample {
    private RowSample() {
    }

    /** {@code count} distinct rows of {@code 0..n-1}, sorted; all rows when {@code count >= n}. */
    public static int[] indices(int n, int count, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (count >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }
}
