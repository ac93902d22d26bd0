package dev.assay.core.check;

import dev.assay.core.data.RowFilter;
import dev.assay.core.metrics.EvaluationSettings;
import java.util.List;
import java.util.Objects;

/**
 * What every check gets besides its own settings: its name, its conditions, the slice of rows it
 * runs on, the suite's evaluation settings and the suite's random seed.
 *
 * @param name the display name, unique within the suite
 * @param conditions the fail and warn conditions, in the order written
 * @param where the rows to run on (current and reference data alike); null for all rows
 * @param evaluation task, positive class, threshold and zero-division policy shared by the suite
 * @param seed the seed for anything random the check does (resampling, shuffling), so that a run
 *     can be repeated exactly
 */
public record CheckSetup(String name, List<Condition> conditions, RowFilter where, EvaluationSettings evaluation, long seed) {
    /** The seed used when a suite gives none. */
    public static final long DEFAULT_SEED = 20240611L;

    public CheckSetup {
        Objects.requireNonNull(name, "name");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(evaluation, "evaluation");
    }

    /** A setup with no conditions, all rows, default evaluation settings and the default seed. */
    public static CheckSetup named(String name) {
        return new CheckSetup(name, List.of(), null, EvaluationSettings.defaults(), DEFAULT_SEED);
    }
}
