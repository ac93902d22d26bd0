package dev.assay.io;

import dev.assay.core.data.ColumnType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link DataReader} reads a file. Start from {@link #defaults()} and add to it with the
 * {@code with...} methods; every method returns a new value.
 *
 * @param format the file format, or {@code null} to choose it by file extension
 * @param columnTypes column types that replace the inferred ones, by column name; every name must
 *     exist in the file
 * @param missingValues text values that mean "missing" in addition to the empty field (for example
 *     {@code "?"} or {@code "NA"}); a value must equal a marker exactly, blanks included
 * @param delimiter the CSV field delimiter, or {@code null} to guess it from the header line
 */
public record ReadOptions(DataFormat format, Map<String, ColumnType> columnTypes, Set<String> missingValues, Character delimiter) {

    public ReadOptions {
        columnTypes = Map.copyOf(Objects.requireNonNull(columnTypes, "columnTypes"));
        missingValues = Set.copyOf(Objects.requireNonNull(missingValues, "missingValues"));
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("delimiter " + describe(delimiter)
                    + " cannot separate fields: it is the quote or a line break; use , ; | or a tab");
        }
    }

    /** Format by extension, inferred types, only empty fields missing, delimiter guessed. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, Map.of(), Set.of(), null);
    }

    /** Reads the file as {@code newFormat} whatever its extension. */
    public ReadOptions withFormat(DataFormat newFormat) {
        return new ReadOptions(Objects.requireNonNull(newFormat, "format"), columnTypes, missingValues, delimiter);
    }

    /** Reads column {@code name} as {@code type} instead of the inferred type. */
    public ReadOptions withColumnType(String name, ColumnType type) {
        Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
        types.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
        return new ReadOptions(format, types, missingValues, delimiter);
    }

    /** Also treats each of {@code markers} as a missing value. */
    public ReadOptions withMissingValues(String... markers) {
        Set<String> all = new LinkedHashSet<>(missingValues);
        all.addAll(Arrays.asList(markers));
        return new ReadOptions(format, columnTypes, all, delimiter);
    }

    /** Splits CSV fields at {@code newDelimiter} instead of guessing. */
    public ReadOptions withDelimiter(char newDelimiter) {
        return new ReadOptions(format, columnTypes, missingValues, newDelimiter);
    }

    static String describe(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }
}
