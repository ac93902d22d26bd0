package dev.assay.core.metrics;

import java.util.Objects;

/**
 * What the catalogue knows about one metric.
 *
 * @param id the id used in suites and on the command line (scikit-learn's name where it has one)
 * @param task the task it belongs to
 * @param direction whether higher or lower values are better
 * @param min the lowest possible value ({@code -Infinity} when unbounded)
 * @param max the highest possible value ({@code Infinity} when unbounded)
 * @param description one line saying what it measures
 */
public record MetricInfo(String id, Task task, Direction direction, double min, double max, String description) {

    /** Which way is better. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER,
        /** Counts: neither direction is better in itself. */
        NEUTRAL
    }

    public MetricInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(description, "description");
    }
}
