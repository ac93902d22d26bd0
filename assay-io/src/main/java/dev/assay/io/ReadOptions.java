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
 * @param columns the only columns to read, when the file holds them all (a name the file lacks makes
 *     the reader read every column, so that the error about it can list them); empty for all columns
 * @param fingerprint whether to hash the file's bytes for the data set's provenance
 */
public record ReadOptions(DataFormat format, Map<String, ColumnType> columnTypes, Set<String> missingValues, Character delimiter,
        Set<String> columns, boolean fingerprint) {

    public ReadOptions {
        columnTypes = Map.copyOf(Objects.requireNonNull(columnTypes, "columnTypes"));
        missingValues = Set.copyOf(Objects.requireNonNull(missingValues, "missingValues"));
        columns = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(columns, "columns")));
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("delimiter " + describe(delimiter)
                    + " cannot separate fields: it is the quote or a line break; use , ; | or a tab");
        }
    }

    /** Format by extension, inferred types, only empty fields missing, delimiter guessed, every column, fingerprinted. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, Map.of(), Set.of(), null, Set.of(), true);
    }

    /** Reads the file as {@code newFormat} whatever its extension. */
    public ReadOptions withFormat(DataFormat newFormat) {
        return new ReadOptions(Objects.requireNonNull(newFormat, "format"), columnTypes, missingValues, delimiter, columns, fingerprint);
    }

    /** Reads column {@code name} as {@code type} instead of the inferred type. */
    public ReadOptions withColumnType(String name, ColumnType type) {
        Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
        types.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
        return new ReadOptions(format, types, missingValues, delimiter, columns, fingerprint);
    }

    /** Also treats each of {@code markers} as a missing value. */
    public ReadOptions withMissingValues(String... markers) {
        Set<String> all = new LinkedHashSet<>(missingValues);
        all.addAll(Arrays.asList(markers));
        return new ReadOptions(format, columnTypes, all, delimiter, columns, fingerprint);
    }

    /** Splits CSV fields at {@code newDelimiter} instead of guessing. */
    public ReadOptions withDelimiter(char newDelimiter) {
        return new ReadOptions(format, columnTypes, missingValues, newDelimiter, columns, fingerprint);
    }

    /**
     * Reads only {@code names} (nulls ignored), when the file holds every one of them: a command that
     * needs a few columns of a wide file skips parsing and converting the others.
     */
    public ReadOptions withOnlyColumns(java.util.Collection<String> names) {
        Set<String> only = new LinkedHashSet<>();
        names.stream().filter(Objects::nonNull).forEach(only::add);
        return new ReadOptions(format, columnTypes, missingValues, delimiter, only, fingerprint);
    }

    /** Does not hash the file: the data set's fingerprint is then unknown. */
    public ReadOptions withoutFingerprint() {
        return new ReadOptions(format, columnTypes, missingValues, delimiter, columns, false);
    }

    static String describe(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }
}
