package dev.assay.core.data;

/**
 * Where the rows of a {@link Frame} are in its source, for messages: {@code "line 7"} of a CSV file,
 * {@code "record 3"} of JSON lines.
 */
@FunctionalInterface
public interface RowLocator {
    /** The place of 0-based row {@code row} in the source, e.g. {@code "line 7"}; null when unknown. */
    String locate(int row);
}
