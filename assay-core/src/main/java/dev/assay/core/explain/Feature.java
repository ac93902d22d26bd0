package dev.assay.core.explain;

import java.util.List;

/**
 * One explained feature: a column, or a group of columns that are kept or replaced together (the
 * one-hot columns of one variable, say).
 *
 * @param name the name values are reported under
 * @param columns the frame columns it stands for, at least one
 */
public record Feature(String name, List<String> columns) {

    public Feature {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("feature " + name + " has no columns");
        }
    }

    /** The feature of one column, named as the column. */
    public static Feature of(String column) {
        return new Feature(column, List.of(column));
    }

    /** One feature per column. */
    public static List<Feature> each(List<String> columns) {
        return columns.stream().map(Feature::of).toList();
    }
}
