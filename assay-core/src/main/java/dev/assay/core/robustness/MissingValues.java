package dev.assay.core.robustness;

import dev.assay.core.data.CategoricalColumn;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes each value of each target column missing with probability {@code rate} (independently): NaN for numbers,
 * no level for categories, null for text; a one-hot group loses its 1 (all zeros, the encoding of a missing or
 * unseen value). {@code rate = 0} changes nothing.
 */
final class MissingValues extends ColumnPerturbation {
    private final double rate;

    MissingValues(double rate) {
        super("missing_values", Map.of("rate", Double.toString(rate)));
        this.rate = rate;
    }

    @Override
    double numeric(double value, NumericProfile profile, SplittableRandom random) {
        return hit(random) ? Double.NaN : value;
    }

    @Override
    int categorical(int code, int[] observed, SplittableRandom random) {
        return hit(random) ? CategoricalColumn.MISSING : code;
    }

    @Override
    String text(String value, SplittableRandom random) {
        return hit(random) ? null : value;
    }

    @Override
    int oneHot(int hot, int size, SplittableRandom random) {
        return hit(random) ? -1 : hot;
    }

    private boolean hit(SplittableRandom random) {
        return random.nextDouble() < rate;
    }
}
