package dev.assay.core.robustness;

import dev.assay.core.data.CategoricalColumn;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replaces each present category, with probability {@code rate}, by another level drawn uniformly from the levels
 * that occur in the clean column (never a level the data does not have); a one-hot group moves its 1 to another of
 * its columns. A column with one level, and missing values, are left as they are. {@code rate = 0} changes nothing.
 */
final class CategorySwap extends ColumnPerturbation {
    private final double rate;

    CategorySwap(double rate) {
        super("category_swap", Map.of("rate", Double.toString(rate)));
        this.rate = rate;
    }

    @Override
    int categorical(int code, int[] observed, SplittableRandom random) {
        if (!(random.nextDouble() < rate) || code == CategoricalColumn.MISSING || observed.length < 2) {
            return code;
        }
        int pick = random.nextInt(observed.length - 1);
        int at = java.util.Arrays.binarySearch(observed, code);
        return observed[at >= 0 && pick >= at ? pick + 1 : pick];
    }

    @Override
    int oneHot(int hot, int size, SplittableRandom random) {
        if (!(random.nextDouble() < rate) || hot < 0) {
            return hot;
        }
        int pick = random.nextInt(size - 1);
        return pick >= hot ? pick + 1 : pick;
    }
}
